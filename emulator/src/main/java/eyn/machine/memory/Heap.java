package eyn.machine.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel heap of EYN-OS: at 0x00800000, sized from the RAM tiers, first-fit, sizes rounded up
 * to 4 bytes, a 12-byte header (magic, size, checksum) before each block, and no single block over
 * 75 % of the heap. Addresses handed out are payload addresses.
 */
public final class Heap {
    public static final int BASE = 0x00800000;
    public static final int HEADER = 12;
    public static final int MAGIC_USED = 0xE7A110C8;
    public static final int MAGIC_FREE = 0xF4EEB10C;

    /** Why the last {@link #allocate} returned 0, phrased as EYN-OS prints it. */
    public enum Failure { NONE, ZERO, TOO_LARGE, OUT_OF_MEMORY }

    public record Block(int address, int size, boolean magicOk, boolean checksumOk) {}

    private final int size;
    private PagedMemory memory;
    /** header address -> region length (header + payload) */
    private TreeMap<Integer, Integer> used;
    private TreeMap<Integer, Integer> free;
    private int allocations;
    private int frees;
    private int errors;
    private Failure lastFailure = Failure.NONE;

    public Heap(int size) {
        this.size = size;
        this.memory = new PagedMemory(size);
        this.used = new TreeMap<>();
        this.free = new TreeMap<>();
        free.put(BASE, size);
    }

    private Heap(Heap other) {
        this.size = other.size;
        this.memory = other.memory.copy();
        this.used = new TreeMap<>(other.used);
        this.free = new TreeMap<>(other.free);
        this.allocations = other.allocations;
        this.frees = other.frees;
        this.errors = other.errors;
        this.lastFailure = other.lastFailure;
    }

    public Heap copy() {
        return new Heap(this);
    }

    /** Adds the heap's pages and block tables to a measurement. */
    public void measure(MemoryMeter meter) {
        memory.measure(meter);
        meter.overhead(64L * (used.size() + free.size()));
    }

    /** Reports what a copy of this heap holds: its pages (shared) and its block maps (its own). */
    public void footprint(eyn.machine.Footprint f) {
        memory.footprint(f);
        f.own(128 + eyn.machine.Footprint.ENTRY * (long) (used.size() + free.size()));
    }

    /** Heap size for a machine with this much RAM (reference 2.4). */
    public static int sizeForRam(long ramBytes) {
        long mib = 1024 * 1024;
        long heap;
        if (ramBytes <= 4 * mib) heap = 256 * 1024;
        else if (ramBytes <= 16 * mib) heap = 512 * 1024;
        else if (ramBytes <= 64 * mib) heap = 2 * mib;
        else if (ramBytes <= 256 * mib) heap = 8 * mib;
        else heap = 32 * mib;
        heap = Math.min(heap, ramBytes / 4);
        return (int) Math.max(heap, 64 * 1024);
    }

    public int size() { return size; }
    public int end() { return BASE + size; }
    public Failure lastFailure() { return lastFailure; }
    public int maxAllocation() { return size / 4 * 3; }

    public int allocate(int requested) {
        lastFailure = Failure.NONE;
        if (requested <= 0) {
            lastFailure = Failure.ZERO;
            return 0;
        }
        if (requested > maxAllocation()) {
            lastFailure = Failure.TOO_LARGE;
            return 0;
        }
        int payload = (requested + 3) & ~3;
        int need = payload + HEADER;
        for (Map.Entry<Integer, Integer> range : free.entrySet()) {
            if (range.getValue() >= need) {
                int start = range.getKey();
                int left = range.getValue() - need;
                free.remove(start);
                if (left >= HEADER + 4) free.put(start + need, left);
                else need += left;
                used.put(start, need);
                writeHeader(start, MAGIC_USED, need - HEADER);
                allocations++;
                return start + HEADER;
            }
        }
        lastFailure = Failure.OUT_OF_MEMORY;
        return 0;
    }

    /** Frees a payload address; false (and an error counted) when it is not an allocated block. */
    public boolean free(int address) {
        int header = address - HEADER;
        Integer length = used.get(header);
        if (length == null) {
            errors++;
            return false;
        }
        if (!headerOk(header)) errors++;
        used.remove(header);
        writeHeader(header, MAGIC_FREE, length - HEADER);
        int start = header;
        int len = length;
        Map.Entry<Integer, Integer> before = free.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            len += before.getValue();
            free.remove(before.getKey());
        }
        Integer after = free.get(start + len);
        if (after != null) {
            free.remove(start + len);
            len += after;
        }
        free.put(start, len);
        frees++;
        return true;
    }

    public boolean isAllocated(int address) {
        return used.containsKey(address - HEADER);
    }

    public int blockSize(int address) {
        Integer length = used.get(address - HEADER);
        return length == null ? 0 : length - HEADER;
    }

    public int usedBytes() {
        int total = 0;
        for (int len : used.values()) total += len;
        return total;
    }

    public int blockCount() { return used.size(); }

    /** Free ranges, counted as blocks by EYN-OS's statistics (its block list holds free blocks too). */
    public int freeBlockCount() { return free.size(); }
    public int allocations() { return allocations; }
    public int frees() { return frees; }
    public int errors() { return errors; }

    public int corruptedBlocks() {
        int bad = 0;
        for (int header : used.keySet()) if (!headerOk(header)) bad++;
        return bad;
    }

    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : used.entrySet()) {
            int h = e.getKey();
            int off = h - BASE;
            int magic = memory.readInt(off);
            int recorded = memory.readInt(off + 4);
            int sum = memory.readInt(off + 8);
            blocks.add(new Block(h + HEADER, e.getValue() - HEADER, magic == MAGIC_USED,
                    sum == checksum(h, magic, recorded) && recorded == e.getValue() - HEADER));
        }
        return blocks;
    }

    public boolean contains(long address) {
        return address >= BASE && address < BASE + (long) size;
    }

    public void read(int address, byte[] dst, int off, int len) {
        memory.read(address - BASE, dst, off, len);
    }

    public void write(int address, byte[] src, int off, int len) {
        memory.write(address - BASE, src, off, len);
    }

    public void fill(int address, int len, byte value) {
        memory.fill(address - BASE, len, value);
    }

    private boolean headerOk(int header) {
        int off = header - BASE;
        int magic = memory.readInt(off);
        int recorded = memory.readInt(off + 4);
        return magic == MAGIC_USED && memory.readInt(off + 8) == checksum(header, magic, recorded);
    }

    private void writeHeader(int header, int magic, int payload) {
        int off = header - BASE;
        memory.writeInt(off, magic);
        memory.writeInt(off + 4, payload);
        memory.writeInt(off + 8, checksum(header, magic, payload));
    }

    private static int checksum(int header, int magic, int payload) {
        return magic ^ payload ^ header ^ 0x5A5A5A5A;
    }
}
