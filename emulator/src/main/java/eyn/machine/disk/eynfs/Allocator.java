package eyn.machine.disk.eynfs;

import eyn.machine.disk.DriveException;
import eyn.machine.disk.DriveException.Kind;
import eyn.machine.disk.image.BlockStore;
import java.util.BitSet;
import java.util.List;

/**
 * Which blocks a change may take: the free map's free blocks minus every block the check reached
 * and every metadata block, wherever the superblock puts them (EYN-OS's formatter leaves its own
 * metadata unmarked, and fuzzing found a free map moved into the data area). Allocation goes
 * forward from the last block handed out, first fit, wrapping once.
 */
final class Allocator {
    private final Geometry g;
    private final FreeMap map;
    private final BitSet inUse;
    private long free;
    private long cursor;

    private Allocator(Geometry g, FreeMap map, BitSet inUse, long free, long cursor) {
        this.g = g;
        this.map = map;
        this.inUse = inUse;
        this.free = free;
        this.cursor = cursor;
    }

    static Allocator of(Geometry g, FreeMap map, Checker.Report report) {
        BitSet inUse = (BitSet) report.reachable().clone();
        inUse.or(map.bits());
        inUse.set(0, Layout.RESERVED_LOW);
        inUse.set((int) g.sb().rootDirBlock());
        inUse.set((int) Layout.SUPERBLOCK_LBA);
        inUse.set((int) g.sb().freeBlockMap(), (int) (g.sb().freeBlockMap() + g.sb().mapBlocks()));
        if (g.sb().nameTableBlock() < g.existing()) inUse.set((int) g.sb().nameTableBlock());
        long free = g.allocatable() - inUse.get(0, (int) g.allocatable()).cardinality();
        return new Allocator(g, map, inUse, free, Layout.RESERVED_LOW);
    }

    /** An independent copy: for snapshots, and the state to go back to when a change fails. */
    Allocator copy() {
        return new Allocator(g, map.copy(), (BitSet) inUse.clone(), free, cursor);
    }

    FreeMap map() {
        return map;
    }

    long free() {
        return free;
    }

    long allocate() throws DriveException {
        long limit = g.allocatable();
        int b = inUse.nextClearBit((int) cursor);
        if (b >= limit) b = inUse.nextClearBit(Layout.RESERVED_LOW);
        if (b >= limit) throw new DriveException(Kind.TOO_LARGE, "/", "disk full");
        inUse.set(b);
        map.set(b, true);
        free--;
        cursor = b + 1;
        return b;
    }

    void release(List<Long> blocks) {
        for (long b : blocks) {
            if (b < g.allocatable() && inUse.get((int) b)) {
                free++;
                inUse.clear((int) b);
            }
            map.set(b, false);
        }
    }

    /** Writes the free-map blocks whose bits changed. */
    void writeMap(BlockStore store) {
        map.writeTo(store);
    }
}
