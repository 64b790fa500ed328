package eyn.machine.disk.eynfs;

import eyn.machine.disk.eynfs.Finding.Severity;
import eyn.machine.disk.image.BlockStore;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * fscheck: walks every directory and file chain once from the root and compares what it finds
 * with the sizes and the free map. Every block is visited at most once (a second visit is a loop or
 * a cross-link and stops that chain), so a corrupt image costs at most one pass over its blocks and
 * can never hang the check. The blocks reached are what the allocator must never hand out again.
 */
public final class Checker {
    /** Findings past this many are counted, not listed: a wrecked image must not flood the console. */
    static final int MAX_LISTED = 50;

    /**
     * {@code hiddenSlots} are directory entries the walk refused to enter (a directory loop, a
     * cross-linked or missing directory block): the driver hides them, so the tree it shows is
     * finite and every walk over it ends. {@code cuts} are the blocks after which the walk stopped
     * following a chain (its next block was outside the image, metadata or already used): the driver
     * stops there too, so a directory never shows another directory's blocks.
     */
    public record Report(List<Finding> findings, BitSet reachable, BitSet cuts, Set<Long> hiddenSlots, int files, int directories, long dataBlocks) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    private record Dir(String path, long firstBlock, int depth) {}

    private final BlockStore store;
    private final Geometry g;
    private final FreeMap map;
    private final BitSet reachable = new BitSet();
    private final BitSet cuts = new BitSet();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Long> hidden = new HashSet<>();
    private int unlisted;
    private final byte[] scratch = new byte[Layout.BLOCK];
    private int files;
    private int directories;
    private long dataBlocks;
    /** Blocks the last file chain has past the limit it was followed to (its size's need). */
    private long beyondLimit;

    private Checker(BlockStore store, Geometry g, FreeMap map) {
        this.store = store;
        this.g = g;
        this.map = map;
    }

    static Report run(BlockStore store, Geometry g, FreeMap map) throws IOException {
        return new Checker(store, g, map).check();
    }

    private Report check() throws IOException {
        if (g.sb().totalBlocks() > g.imageBlocks()) {
            add(Severity.NOTE, "total_blocks is " + g.sb().totalBlocks() + " but the image holds " + g.imageBlocks()
                    + " blocks (EYN-OS's formatter writes 1024000 whatever the size)");
        }
        Deque<Dir> pending = new ArrayDeque<>();
        pending.push(new Dir("/", g.sb().rootDirBlock(), 0));
        while (!pending.isEmpty()) {
            Dir d = pending.pop();
            directories++;
            walkDirectory(d, pending);
        }
        checkFreeMap();
        if (unlisted > 0) findings.add(new Finding(Severity.NOTE, unlisted + " more findings not listed"));
        return new Report(List.copyOf(findings), reachable, cuts, Set.copyOf(hidden), files, directories, dataBlocks);
    }

    private void walkDirectory(Dir d, Deque<Dir> pending) throws IOException {
        List<Long> chain = chain(d.path(), d.firstBlock(), Long.MAX_VALUE, true);
        if (chain.size() > Layout.MAX_DIR_BLOCKS) {
            add(Severity.WARNING, d.path() + ": directory has " + chain.size() + " blocks; EYN-OS reads only the first "
                    + Layout.MAX_DIR_BLOCKS + " (" + Layout.MAX_DIR_ENTRIES + " entries)");
        }
        Set<String> names = new HashSet<>();
        for (long block : chain) {
            byte[] b = store.read(block);
            for (int i = 0; i < Layout.ENTRIES_PER_BLOCK; i++) {
                DirEntry e = DirEntry.parse(b, 4 + i * Layout.ENTRY);
                if (e.free()) continue;
                String path = d.path().equals("/") ? "/" + e.name() : d.path() + "/" + e.name();
                if (e.nameBytes().length == Layout.NAME_FIELD) add(Severity.WARNING, path + ": name fills all 32 bytes with no NUL");
                if (!names.add(e.name())) add(Severity.WARNING, path + ": a second entry with this name (EYN-OS finds only the first)");
                if (e.type() == Layout.TYPE_FILE) {
                    files++;
                    checkFile(path, e);
                } else if (e.type() == Layout.TYPE_DIR) {
                    if (e.firstBlock() == 0 || d.depth() >= 64 || reachable.get((int) Math.min(e.firstBlock(), Integer.MAX_VALUE))) {
                        hidden.add(slotKey(block, i));
                    }
                    if (e.firstBlock() == 0) {
                        add(Severity.ERROR, path + ": directory without a block");
                    } else if (d.depth() >= 64) {
                        add(Severity.ERROR, path + ": directories nested deeper than 64 levels");
                    } else if (reachable.get((int) Math.min(e.firstBlock(), Integer.MAX_VALUE))) {
                        add(Severity.ERROR, path + ": directory block " + e.firstBlock() + " is already used elsewhere (cross-linked or a directory loop)");
                    } else {
                        pending.push(new Dir(path, e.firstBlock(), d.depth() + 1));
                    }
                } else {
                    add(Severity.ERROR, path + ": unknown entry type " + e.type());
                }
            }
        }
    }

    private void checkFile(String path, DirEntry e) throws IOException {
        if (e.firstBlock() == 0) {
            if (e.size() != 0) add(Severity.ERROR, path + ": size " + e.size() + " but no data blocks");
            return;
        }
        long need = Layout.blocksFor(e.size());
        List<Long> chain = chain(path, e.firstBlock(), need, false);
        long length = chain.size() + beyondLimit;
        dataBlocks += length;
        if (length < need) {
            add(Severity.ERROR, path + ": size " + e.size() + " needs " + need + " blocks but the chain has " + length
                    + " (" + length * Layout.PAYLOAD + " bytes)");
        } else if (length > need) {
            add(Severity.WARNING, path + ": chain is longer than size " + e.size() + " needs (" + need + " blocks)");
        }
    }

    /**
     * Follows a chain of next pointers from {@code first}, marking each block reached; stops at 0,
     * at a block outside the image, at a block already reached, or after {@code limit} blocks.
     */
    private List<Long> chain(String path, long first, long limit, boolean directory) throws IOException {
        List<Long> chain = new ArrayList<>();
        long block = first;
        while (block != 0 && chain.size() < limit) {
            if (!chain.isEmpty() && (block >= g.existing() || block < Layout.RESERVED_LOW || g.metadata(block) || reachable.get((int) block))) {
                cuts.set((int) (long) chain.get(chain.size() - 1));
            }
            if (block >= g.existing() || block < Layout.RESERVED_LOW) {
                add(Severity.ERROR, path + ": block " + block + " in its chain is outside the image (blocks "
                        + Layout.RESERVED_LOW + ".." + (g.existing() - 1) + ")");
                break;
            }
            if (g.metadata(block)) {
                add(Severity.ERROR, path + ": its chain runs into metadata block " + block);
                break;
            }
            if (reachable.get((int) block)) {
                boolean loop = chain.contains(block);
                add(Severity.ERROR, path + (loop ? ": its chain loops back to block " : ": block ") + block
                        + (loop ? "" : " is also used by another file or directory (cross-linked)"));
                break;
            }
            reachable.set((int) block);
            chain.add(block);
            block = store.u32(block, 0, scratch);
        }
        beyondLimit = 0;
        if (block != 0 && chain.size() >= limit && !directory) {
            // longer than the size needs: the rest is still part of the file, and must not be reused
            long last = chain.get(chain.size() - 1);
            while (block != 0 && block < g.existing() && block >= Layout.RESERVED_LOW && !g.metadata(block) && !reachable.get((int) block)) {
                reachable.set((int) block);
                beyondLimit++;
                last = block;
                block = store.u32(block, 0, scratch);
            }
            if (block != 0) {
                // freeing this file would follow the chain there: it must not be changed
                cuts.set((int) last);
                add(Severity.ERROR, path + ": past its size, its chain runs into block " + block + ", which is outside the image, metadata or used elsewhere");
            }
        }
        return chain;
    }

    private void checkFreeMap() {
        long limit = g.allocatable();
        long markedFree = 0;
        long firstFree = -1;
        for (int b = reachable.nextSetBit(0); b >= 0 && b < limit; b = reachable.nextSetBit(b + 1)) {
            if (!map.used(b) && b != g.sb().rootDirBlock()) { // the formatter leaves the root unmarked: noted below
                if (markedFree++ == 0) firstFree = b;
            }
        }
        if (markedFree > 0) {
            add(Severity.ERROR, "free map marks " + markedFree + " block(s) in use as free (first: block " + firstFree
                    + "); a new file would overwrite them");
        }
        long leaked = 0;
        BitSet bits = map.bits();
        for (int b = bits.nextSetBit(Layout.RESERVED_LOW); b >= 0 && b < limit; b = bits.nextSetBit(b + 1)) {
            if (!reachable.get(b) && !g.metadata(b) && b != g.sb().rootDirBlock()) leaked++;
        }
        if (leaked > 0) add(Severity.WARNING, leaked + " block(s) marked used belong to no file or directory (lost space)");
        List<Long> unmarked = new ArrayList<>();
        long last = Math.max(g.sb().rootDirBlock(), Math.max(g.sb().nameTableBlock(), g.sb().freeBlockMap() + g.sb().mapBlocks() - 1));
        for (long b = Layout.SUPERBLOCK_LBA; b < limit && b <= last; b++) {
            if ((g.metadata(b) || b == g.sb().rootDirBlock()) && !map.used(b)) unmarked.add(b);
        }
        if (!unmarked.isEmpty()) {
            add(Severity.NOTE, "metadata block(s) " + unmarked + " are not marked used in the free map (as EYN-OS's formatter leaves them);"
                    + " this driver never allocates them");
        }
    }

    static long slotKey(long block, int index) {
        return block * Layout.ENTRIES_PER_BLOCK + index;
    }

    private void add(Severity s, String message) {
        if (findings.size() >= MAX_LISTED) unlisted++;
        else findings.add(new Finding(s, message));
    }
}
