package eyn.machine.disk.eynfs;

import eyn.machine.disk.image.BlockStore;
import java.io.IOException;
import java.util.BitSet;

/**
 * The on-disk free-block bitmap (bit set = used; bit i of byte j is block 8j+i), held as a BitSet
 * while a change is made and written back block by block to the store: only map blocks whose bits
 * changed are rewritten.
 */
final class FreeMap {
    private final long first;
    private final int blocks;
    private final long bits;
    private BitSet used;
    private final BitSet dirty = new BitSet();

    private FreeMap(long first, int blocks, long bits, BitSet used) {
        this.first = first;
        this.blocks = blocks;
        this.bits = bits;
        this.used = used;
    }

    static FreeMap load(BlockStore store, Geometry g) throws IOException {
        int n = (int) g.sb().mapBlocks();
        long bits = (long) n * Layout.BITS_PER_MAP_BLOCK;
        byte[] all = new byte[n * Layout.BLOCK];
        for (int i = 0; i < n; i++) store.read(g.sb().freeBlockMap() + i, all, i * Layout.BLOCK);
        return new FreeMap(g.sb().freeBlockMap(), n, bits, BitSet.valueOf(all));
    }

    /** A fresh, all-free map for {@code mkfs}. */
    static FreeMap empty(long first, int blocks) {
        return new FreeMap(first, blocks, (long) blocks * Layout.BITS_PER_MAP_BLOCK, new BitSet());
    }

    boolean used(long block) {
        return block >= 0 && block < bits && used.get((int) block);
    }

    void set(long block, boolean inUse) {
        if (block < 0 || block >= bits) return;
        used.set((int) block, inUse);
        dirty.set((int) (block / Layout.BITS_PER_MAP_BLOCK));
    }

    /** A copy with its own bits: the state to go back to when a change fails half way. */
    FreeMap copy() {
        FreeMap c = new FreeMap(first, blocks, bits, (BitSet) used.clone());
        c.dirty.or(dirty);
        return c;
    }

    /** Writes the map blocks whose bits changed. */
    void writeTo(BlockStore store) {
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            byte[] block = new byte[Layout.BLOCK];
            byte[] bytes = used.get(i * Layout.BITS_PER_MAP_BLOCK, (i + 1) * Layout.BITS_PER_MAP_BLOCK).toByteArray();
            System.arraycopy(bytes, 0, block, 0, Math.min(bytes.length, Layout.BLOCK));
            store.put(first + i, block);
        }
        dirty.clear();
    }

    /** The used bits, read-only by convention. */
    BitSet bits() {
        return used;
    }
}
