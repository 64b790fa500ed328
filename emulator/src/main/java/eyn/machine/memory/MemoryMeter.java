package eyn.machine.memory;

import java.util.IdentityHashMap;

/**
 * Counts the host memory a machine's state holds. Arrays shared copy-on-write between files, fds,
 * mappings and drives are counted once (by identity), so the total is what the state really retains,
 * not the sum of the sizes the script sees. Not thread-safe: one measurement at a time.
 */
public final class MemoryMeter {
    /** What the JVM spends on an array beside its elements (header and length), rounded up. */
    public static final int ARRAY_HEADER = 16;
    /** What a reference in an array costs (8 bytes: the worst case, without compressed references). */
    public static final int REFERENCE = 8;

    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private long total;

    /** A byte array (a file chunk, a heap page, a disk block), once however many hold it. */
    public void bytes(byte[] array) {
        if (array != null && seen.put(array, Boolean.TRUE) == null) total += ARRAY_HEADER + array.length;
    }

    /** An array of references (a chunk or page table), once however many hold it; not what it points to. */
    public void references(Object[] array) {
        if (array != null && seen.put(array, Boolean.TRUE) == null) total += ARRAY_HEADER + (long) array.length * REFERENCE;
    }

    /** Bookkeeping that is never shared (tree nodes, map entries), estimated by the caller. */
    public void overhead(long bytes) {
        total += bytes;
    }

    public long total() {
        return total;
    }
}
