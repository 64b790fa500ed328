package eyn.machine.disk.eynfs;

import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.MemorySource;

/**
 * mkfs: a fresh EYNFS in memory, laid out as EYN-OS's {@code eynfs_format} does (superblock at 2048,
 * free map at 2049, name table after it, root directory after that, blocks 0..3 reserved) with
 * two fixes: {@code total_blocks} is the image's real size, and the metadata blocks are marked used
 * so that EYN-OS never allocates over its own superblock. Images over 2 MiB get a longer free map
 * (see {@link Superblock}); up to 2 MiB the layout is exactly the OS's.
 */
public final class EynfsFormat {
    /** The smallest image: the superblock, one map block, the name table and the root, plus one data block. */
    public static final long MIN_BLOCKS = Layout.SUPERBLOCK_LBA + 5;

    private EynfsFormat() {}

    public static BlockStore format(long blocks) {
        if (blocks < MIN_BLOCKS) throw new IllegalArgumentException("an EYNFS image needs at least " + MIN_BLOCKS + " blocks");
        long mapBlocks = (blocks + Layout.BITS_PER_MAP_BLOCK - 1) / Layout.BITS_PER_MAP_BLOCK;
        long map = Layout.SUPERBLOCK_LBA + 1;
        long nameTable = map + mapBlocks;
        long root = nameTable + 1;
        BlockStore store = new BlockStore(MemorySource.zeros(blocks));
        Superblock sb = new Superblock(Layout.MAGIC, Layout.VERSION, Layout.BLOCK, blocks, root, map, nameTable,
                mapBlocks > 1 ? mapBlocks : 0, 0);
        store.put(Layout.SUPERBLOCK_LBA, sb.encode());
        FreeMap free = FreeMap.empty(map, (int) mapBlocks);
        for (long b = 0; b < Layout.RESERVED_LOW; b++) free.set(b, true);
        for (long b = Layout.SUPERBLOCK_LBA; b <= root; b++) free.set(b, true);
        free.writeTo(store);
        store.put(nameTable, new byte[Layout.BLOCK]);
        store.put(root, new byte[Layout.BLOCK]);
        return store;
    }
}
