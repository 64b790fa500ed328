package eyn.machine.disk.image;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The blocks of a disk image as the emulator sees them: the untouched {@link BlockSource} under an
 * overlay of changed blocks. The image itself is never written here; {@link ImageFile#commit}
 * writes the result. {@link #copy()} is cheap (the overlay's pages are shared copy-on-write), so
 * debugger snapshots of an image drive cost a page table, not the disk.
 *
 * <p>Blocks handed to {@link #put} become the store's and are never changed afterwards, so a shared
 * page can hold the same block arrays as its copy. Not thread-safe: one machine owns it.
 */
public final class BlockStore {
    public static final int BLOCK = BlockSource.BLOCK;
    private static final int PAGE = 256;

    private final BlockSource base;
    private final long blocks;
    private byte[][][] pages;
    private boolean pagesOwned;
    private final BitSet ownedPages;
    private long changed;

    private BlockStore(BlockSource base, long blocks, byte[][][] pages, boolean pagesOwned, BitSet ownedPages, long changed) {
        this.base = base;
        this.blocks = blocks;
        this.pages = pages;
        this.pagesOwned = pagesOwned;
        this.ownedPages = ownedPages;
        this.changed = changed;
    }

    public BlockStore(BlockSource base) {
        this(base, base.blocks(), new byte[(int) ((base.blocks() + PAGE - 1) / PAGE)][][], true, new BitSet(), 0);
    }

    public long blocks() {
        return blocks;
    }

    /** Blocks changed since the store was made; 0 means the image needs no commit. */
    public long changedBlocks() {
        return changed;
    }

    /** A fresh 512-byte copy of block {@code block}. */
    public byte[] read(long block) throws IOException {
        byte[] out = new byte[BLOCK];
        read(block, out, 0);
        return out;
    }

    public void read(long block, byte[] dst, int off) throws IOException {
        byte[] b = overlay(block);
        if (b != null) System.arraycopy(b, 0, dst, off, BLOCK);
        else base.read(block, dst, off);
    }

    /** The block's little-endian u32 at {@code pos}, without copying the block when it was changed. */
    public long u32(long block, int pos, byte[] scratch) throws IOException {
        byte[] b = overlay(block);
        if (b == null) {
            base.read(block, scratch, 0);
            b = scratch;
        }
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }

    /** Replaces block {@code block}; the array (512 bytes) now belongs to the store. */
    public void put(long block, byte[] data) {
        if (block < 0 || block >= blocks) throw new IndexOutOfBoundsException("block " + block + " outside " + blocks);
        if (data.length != BLOCK) throw new IllegalArgumentException("a block is " + BLOCK + " bytes");
        int p = (int) (block / PAGE);
        if (!pagesOwned) {
            pages = pages.clone();
            pagesOwned = true;
        }
        if (!ownedPages.get(p)) {
            pages[p] = pages[p] == null ? new byte[PAGE][] : pages[p].clone();
            ownedPages.set(p);
        }
        if (pages[p][(int) (block % PAGE)] == null) changed++;
        pages[p][(int) (block % PAGE)] = data;
    }

    /** True when block {@code block} was changed since the store was made. */
    public boolean isChanged(long block) {
        return overlay(block) != null;
    }

    /** Reports the overlay: its page table, pages and changed blocks, shared between copies. */
    public void footprint(eyn.machine.Footprint f) {
        f.own(64);
        f.shared(pages, eyn.machine.Footprint.references(pages.length));
        for (byte[][] page : pages) {
            if (page == null) continue;
            f.shared(page, eyn.machine.Footprint.references(page.length));
            for (byte[] block : page) if (block != null) f.shared(block, eyn.machine.Footprint.bytes(block.length));
        }
    }

    /** A second view of the same blocks; from now on each copies a page before changing it. */
    public BlockStore copy() {
        pagesOwned = false;
        ownedPages.clear();
        return new BlockStore(base, blocks, pages, false, new BitSet(), changed);
    }

    /** Makes this store show exactly what {@code other} (a copy of it) shows: undo after a failed change. */
    public void restore(BlockStore other) {
        BlockStore again = other.copy();
        pages = again.pages;
        pagesOwned = false;
        ownedPages.clear();
        changed = again.changed;
    }

    /** Adds the overlay (page table, pages, changed blocks) to a measurement; shared pages and blocks count once. */
    public void measure(eyn.machine.memory.MemoryMeter meter) {
        meter.references(pages);
        for (byte[][] page : pages) {
            if (page == null) continue;
            meter.references(page);
            for (byte[] b : page) meter.bytes(b);
        }
    }

    private byte[] overlay(long block) {
        if (block < 0 || block >= blocks) return null;
        byte[][] page = pages[(int) (block / PAGE)];
        return page == null ? null : page[(int) (block % PAGE)];
    }

    @Override
    public String toString() {
        return "BlockStore[" + blocks + " blocks, " + changed + " changed, pages " + Arrays.stream(pages).filter(p -> p != null).count() + "]";
    }
}
