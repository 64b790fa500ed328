package eyn.machine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Hands out page-aligned address ranges above the heap where zero-copy fds and mappings show their
 * bytes. First fit, so addresses are predictable for a given history.
 */
final class WindowSpace {
    static final long PAGE = 4096;
    static final long TOP = 0x1_0000_0000L;

    private final long base;
    private final TreeMap<Long, Long> taken;

    WindowSpace(long base) {
        this(base, new TreeMap<>());
    }

    private WindowSpace(long base, TreeMap<Long, Long> taken) {
        this.base = base;
        this.taken = taken;
    }

    WindowSpace copy() {
        return new WindowSpace(base, new TreeMap<>(taken));
    }

    long base() {
        return base;
    }

    /** How many ranges are reserved (for a snapshot's footprint). */
    int size() {
        return taken.size();
    }

    static long spanFor(long size) {
        return Math.max(PAGE, (size + PAGE - 1) / PAGE * PAGE);
    }

    /** Start address of a free range of {@code span} bytes, or -1 when the 32-bit space is full. */
    long reserve(long span) {
        long candidate = base;
        for (Map.Entry<Long, Long> e : taken.entrySet()) {
            if (e.getKey() - candidate >= span) break;
            candidate = Math.max(candidate, e.getKey() + e.getValue());
        }
        if (candidate + span > TOP) return -1;
        taken.put(candidate, span);
        return candidate;
    }

    void release(long address) {
        taken.remove(address);
    }
}
