package eyn.machine.disk.eynfs;

import eyn.machine.disk.DriveException;
import eyn.machine.disk.DriveException.Kind;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An EYNFS file system on a {@link BlockStore}: lookups, reads, and the changes EYN-OS makes
 * (create, rewrite, delete, mkdir, rmdir) with its layout rules. Every change is checked first (names,
 * directory and disk space) and then applied as one step: if anything still fails half way, the
 * store and the free map go back to how they were, so a change is all or nothing.
 *
 * <p>Mounting runs the full {@link Checker}: an image with errors stays readable but refuses
 * changes, and the blocks the check reached are never allocated, even where the free map (like
 * EYN-OS's own formatter) forgets to mark them.
 */
public final class Eynfs {
    /** A path's target: the root has no slot. */
    public record Node(Slot slot, boolean directory, long size, long firstBlock) {}

    private final BlockStore store;
    private final Geometry g;
    private Allocator allocator;
    private Checker.Report report;
    private long version;

    private Eynfs(BlockStore store, Geometry g, Allocator allocator, Checker.Report report, long version) {
        this.store = store;
        this.g = g;
        this.allocator = allocator;
        this.report = report;
        this.version = version;
    }

    /** Mounts the EYNFS on {@code store}; a superblock that cannot be trusted is an IO error naming why. */
    public static Eynfs mount(BlockStore store) throws DriveException {
        try {
            if (store.blocks() <= Layout.SUPERBLOCK_LBA) {
                throw new DriveException(Kind.IO, "/", "image too small for EYNFS: " + store.blocks()
                        + " blocks, the superblock is at LBA " + Layout.SUPERBLOCK_LBA);
            }
            Geometry g = new Geometry(Superblock.parse(store.read(Layout.SUPERBLOCK_LBA)), store.blocks());
            String fatal = g.fatal();
            if (fatal != null) throw new DriveException(Kind.IO, "/", fatal);
            Eynfs fs = new Eynfs(store, g, null, null, 0);
            fs.check(FreeMap.load(store, g));
            return fs;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, "/", "cannot read the image: " + e.getMessage());
        }
    }

    /** Runs the check again (fscheck) and rebuilds the allocator's view from it. */
    public Checker.Report recheck() throws IOException {
        return check(allocator.map());
    }

    private Checker.Report check(FreeMap map) throws IOException {
        report = Checker.run(store, g, map);
        allocator = Allocator.of(g, map, report);
        return report;
    }

    /** An independent copy for snapshots: the store's pages are shared copy-on-write. */
    public Eynfs copy() {
        return new Eynfs(store.copy(), g, allocator.copy(), report, version);
    }

    public Superblock superblock() {
        return g.sb();
    }

    public Geometry geometry() {
        return g;
    }

    public BlockStore store() {
        return store;
    }

    public List<Finding> findings() {
        return report.findings();
    }

    public boolean hasErrors() {
        return report.hasErrors();
    }

    public long freeBlocks() {
        return allocator.free();
    }

    /** Counts successful changes: a drive commits when this moved since its last commit. */
    public long version() {
        return version;
    }

    // ---- reading ----

    public Node lookup(String path) throws IOException {
        Node node = new Node(null, true, 0, g.sb().rootDirBlock());
        for (String part : FsPath.components(path)) {
            if (!node.directory()) return null;
            Slot s = find(node.firstBlock(), part.getBytes(StandardCharsets.UTF_8));
            if (s == null) return null;
            DirEntry e = s.entry();
            if (e.type() != Layout.TYPE_FILE && e.type() != Layout.TYPE_DIR) return null;
            node = new Node(s, e.directory(), e.size(), e.firstBlock());
        }
        return node;
    }

    /** The used slots of a directory in disk order, as EYN-OS lists them. */
    public List<Slot> list(long dirBlock) throws IOException {
        List<Slot> used = new ArrayList<>();
        for (Slot s : slots(dirBlock)) if (visible(s)) used.add(s);
        return used;
    }

    /** A file's contents, following its chain for exactly as many blocks as its size needs. */
    public ChunkedBytes read(Node file, String path, long maxBytes) throws DriveException {
        long size = file.size();
        if (size > maxBytes) throw new DriveException(Kind.TOO_LARGE, path, "larger than " + maxBytes + " bytes (" + size + ")");
        ChunkedBytes out = ChunkedBytes.empty();
        byte[] staging = new byte[64 * 1024];
        byte[] block = new byte[Layout.BLOCK];
        int filled = 0;
        long pos = 0;
        long next = file.firstBlock();
        BitSet seen = new BitSet();
        try {
            while (pos + filled < size) {
                if (next < Layout.RESERVED_LOW || next >= g.existing()) {
                    throw new DriveException(Kind.IO, path, "corrupt file: its chain ends after " + (pos + filled) + " of " + size + " bytes"
                            + (next == 0 ? "" : " (block " + next + " is outside the image)"));
                }
                if (seen.get((int) next)) {
                    throw new DriveException(Kind.IO, path, "corrupt file: its chain loops back to block " + next + " after " + (pos + filled) + " bytes");
                }
                seen.set((int) next);
                store.read(next, block, 0);
                int n = (int) Math.min(Layout.PAYLOAD, size - pos - filled);
                if (filled + n > staging.length) {
                    out.write((int) pos, staging, 0, filled);
                    pos += filled;
                    filled = 0;
                }
                System.arraycopy(block, 4, staging, filled, n);
                filled += n;
                next = Layout.u32(block, 0);
            }
            out.write((int) pos, staging, 0, filled);
            return out;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
    }

    /** The blocks of a chain (a file's or a directory's), at most {@code max}, stopping at a repeat. */
    public List<Long> chain(long first, int max) throws IOException {
        List<Long> blocks = new ArrayList<>();
        BitSet seen = new BitSet(); // block numbers are below 2^23 (images up to 4 GiB): no boxing per block
        byte[] scratch = new byte[Layout.BLOCK];
        long b = first;
        while (b >= Layout.RESERVED_LOW && b < g.existing() && blocks.size() < max && !seen.get((int) b)) {
            seen.set((int) b);
            blocks.add(b);
            if (report != null && report.cuts().get((int) b)) break; // the check stopped here: so do we
            b = store.u32(b, 0, scratch);
        }
        return blocks;
    }

    // ---- changing ----

    /** Creates or rewrites a file: a new chain is written, then the old one is freed, as one change. */
    public void writeFile(String path, ChunkedBytes content) throws DriveException {
        requireWritable(path);
        Node parent = parentOf(path);
        byte[] name = nameOf(path);
        Slot existing = findOrNull(parent, name, path);
        if (existing != null && existing.entry().type() != Layout.TYPE_FILE) throw new DriveException(Kind.NOT_A_FILE, path, "is a directory");
        long need = Layout.blocksFor(content.length());
        List<Long> old = existing == null ? List.of() : ownedChainOf(existing.entry().firstBlock(), path); // walked once
        Slot target = existing != null ? existing : freeSlot(parent, path);
        ensureSpace(path, need + (target == null ? 1 : 0), old.size());
        change(path, () -> {
            release(old);
            long first = writeChain(content);
            Slot at = target != null ? target : appendDirBlock(parent.firstBlock());
            DirEntry e = existing != null ? existing.entry().with(content.length(), first)
                    : DirEntry.create(name, Layout.TYPE_FILE, content.length(), first);
            putEntry(at, e);
        });
    }

    public void makeDirectory(String path) throws DriveException {
        requireWritable(path);
        Node parent = parentOf(path);
        byte[] name = nameOf(path);
        if (findOrNull(parent, name, path) != null) throw new DriveException(Kind.EXISTS, path, "exists");
        Slot target = freeSlot(parent, path);
        ensureSpace(path, 1 + (target == null ? 1 : 0), 0);
        change(path, () -> {
            long block = allocate();
            store.put(block, new byte[Layout.BLOCK]);
            Slot at = target != null ? target : appendDirBlock(parent.firstBlock());
            putEntry(at, DirEntry.create(name, Layout.TYPE_DIR, 0, block));
        });
    }

    public void deleteFile(String path) throws DriveException {
        requireWritable(path);
        Slot s = existingSlot(path);
        if (s == null || s.entry().type() != Layout.TYPE_FILE) throw new DriveException(Kind.NOT_FOUND, path, "no such file");
        change(path, () -> {
            release(ownedChain(s.entry().firstBlock()));
            putEntry(s, new DirEntry(new byte[Layout.ENTRY]));
        });
    }

    public void deleteDirectory(String path) throws DriveException {
        requireWritable(path);
        if (FsPath.components(path).isEmpty()) throw new DriveException(Kind.NOT_EMPTY, path, "the root cannot be deleted");
        Slot s = existingSlot(path);
        if (s == null || s.entry().type() != Layout.TYPE_DIR) throw new DriveException(Kind.NOT_FOUND, path, "no such directory");
        try {
            if (!list(s.entry().firstBlock()).isEmpty()) throw new DriveException(Kind.NOT_EMPTY, path, "not empty");
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
        change(path, () -> {
            release(ownedChain(s.entry().firstBlock()));
            putEntry(s, new DirEntry(new byte[Layout.ENTRY]));
        });
    }

    private interface Change {
        void apply() throws IOException, DriveException;
    }

    private void change(String path, Change c) throws DriveException {
        requireWritable(path);
        BlockStore storeBefore = store.copy();
        Allocator allocatorBefore = allocator.copy();
        try {
            c.apply();
            allocator.writeMap(store);
            version++;
        } catch (IOException | DriveException | RuntimeException e) {
            store.restore(storeBefore);
            allocator = allocatorBefore;
            if (e instanceof DriveException d) throw d;
            throw new DriveException(Kind.IO, path, "change abandoned, image unchanged: " + e.getMessage());
        }
    }

    private void ensureSpace(String path, long need, long reclaim) throws DriveException {
        long free = allocator.free();
        if (need > free + reclaim) {
            throw new DriveException(Kind.TOO_LARGE, path, "disk full: needs " + need + " blocks, " + (free + reclaim) + " free");
        }
    }

    private long writeChain(ChunkedBytes content) throws DriveException {
        long need = Layout.blocksFor(content.length());
        long[] blocks = new long[(int) need];
        for (int i = 0; i < need; i++) blocks[i] = allocate();
        int pos = 0;
        for (int i = 0; i < need; i++) {
            byte[] b = new byte[Layout.BLOCK];
            Layout.putU32(b, 0, i + 1 < need ? blocks[i + 1] : 0);
            int n = Math.min(Layout.PAYLOAD, content.length() - pos);
            content.read(pos, b, 4, n);
            pos += n;
            store.put(blocks[i], b);
        }
        return blocks[0];
    }

    private long allocate() throws DriveException {
        return allocator.allocate();
    }

    private void release(List<Long> blocks) {
        allocator.release(blocks);
    }

    /** A chain's blocks that belong to it alone: never metadata, never past the image, no repeats. */
    private List<Long> ownedChain(long first) throws IOException {
        List<Long> blocks = chain(first, Integer.MAX_VALUE);
        blocks.removeIf(g::metadata);
        return blocks;
    }

    private List<Long> ownedChainOf(long first, String path) throws DriveException {
        try {
            return ownedChain(first);
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
    }

    private void requireWritable(String path) throws DriveException {
        if (report.hasErrors()) {
            throw new DriveException(Kind.IO, path, "the image has errors (see fscheck), so it is read-only");
        }
    }

    private Slot appendDirBlock(long dirFirst) throws IOException, DriveException {
        List<Long> chain = chain(dirFirst, Layout.MAX_DIR_BLOCKS);
        long last = chain.get(chain.size() - 1);
        long fresh = allocate();
        store.put(fresh, new byte[Layout.BLOCK]);
        byte[] lastBlock = store.read(last);
        Layout.putU32(lastBlock, 0, fresh);
        store.put(last, lastBlock);
        return new Slot(fresh, 0, null);
    }

    private void putEntry(Slot at, DirEntry e) throws IOException {
        byte[] b = store.read(at.block());
        System.arraycopy(e.raw(), 0, b, at.offset(), Layout.ENTRY);
        store.put(at.block(), b);
    }

    // ---- lookups for changes ----

    private Node parentOf(String path) throws DriveException {
        String parent = FsPath.parent(path);
        Node p;
        try {
            p = lookup(parent);
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
        if (p == null) throw new DriveException(Kind.NOT_FOUND, parent, "no such directory");
        if (!p.directory()) throw new DriveException(Kind.NOT_A_DIRECTORY, parent, "not a directory");
        return p;
    }

    private static byte[] nameOf(String path) throws DriveException {
        String name = FsPath.name(path);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) throw new DriveException(Kind.BAD_NAME, path, "empty name");
        if (bytes.length > Layout.MAX_NAME) throw new DriveException(Kind.BAD_NAME, path, "name longer than " + Layout.MAX_NAME + " bytes");
        for (byte b : bytes) if (b == 0) throw new DriveException(Kind.BAD_NAME, path, "NUL byte in name");
        return bytes;
    }

    private Slot findOrNull(Node dir, byte[] name, String path) throws DriveException {
        try {
            return find(dir.firstBlock(), name);
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
    }

    private Slot existingSlot(String path) throws DriveException {
        if (FsPath.components(path).isEmpty()) return null;
        return findOrNull(parentOf(path), nameOf(path), path);
    }

    /** The first free slot in the directory's blocks, or null when a block must be added (and can be). */
    private Slot freeSlot(Node dir, String path) throws DriveException {
        try {
            List<Slot> all = slots(dir.firstBlock());
            for (Slot s : all) if (s.entry().free()) return s;
            if (all.size() >= Layout.MAX_DIR_ENTRIES) {
                throw new DriveException(Kind.TOO_LARGE, path, "directory full: " + Layout.MAX_DIR_ENTRIES + " entries, the most EYN-OS reads");
            }
            return null;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
    }

    private Slot find(long dirBlock, byte[] name) throws IOException {
        for (Slot s : slots(dirBlock)) if (visible(s) && s.entry().named(name)) return s;
        return null;
    }

    private boolean visible(Slot s) {
        return !s.entry().free() && !report.hiddenSlots().contains(Checker.slotKey(s.block(), s.index()));
    }

    /** Every slot of the directory's first 32 blocks, which is all EYN-OS reads. */
    private List<Slot> slots(long dirBlock) throws IOException {
        List<Slot> slots = new ArrayList<>();
        for (long block : chain(dirBlock, Layout.MAX_DIR_BLOCKS)) {
            byte[] b = store.read(block);
            for (int i = 0; i < Layout.ENTRIES_PER_BLOCK; i++) slots.add(new Slot(block, i, DirEntry.parse(b, 4 + i * Layout.ENTRY)));
        }
        return slots;
    }
}
