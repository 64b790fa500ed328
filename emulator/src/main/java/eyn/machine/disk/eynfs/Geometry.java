package eyn.machine.disk.eynfs;

/**
 * What a valid superblock means on a given image: which blocks exist, which the free map covers and
 * which hold metadata. EYN-OS's formatter writes {@code total_blocks} = 1,024,000 whatever the image
 * size, so the blocks that really exist are the smaller of that and the image.
 */
public record Geometry(Superblock sb, long imageBlocks) {
    /** Blocks that exist: chains pointing at or past this are broken. */
    public long existing() {
        return Math.min(sb.totalBlocks(), imageBlocks);
    }

    /** Blocks the free map can describe, and so the only ones a file may be allocated in. */
    public long allocatable() {
        return Math.min(existing(), sb.mapBlocks() * Layout.BITS_PER_MAP_BLOCK);
    }

    /** The superblock, the free-map blocks and the name table: never part of a file. */
    public boolean metadata(long block) {
        if (block < Layout.RESERVED_LOW || block == Layout.SUPERBLOCK_LBA || block == sb.nameTableBlock()) return true;
        return block >= sb.freeBlockMap() && block < sb.freeBlockMap() + sb.mapBlocks();
    }

    /**
     * Why this superblock cannot be mounted at all, or null when it can. These are the faults no
     * part of the image can be trusted after; everything else is left to {@link Checker}.
     */
    String fatal() {
        if (sb.magic() != Layout.MAGIC) {
            return String.format("no EYNFS at LBA %d: magic is 0x%08X, expected 0x%08X (\"EYNF\")", Layout.SUPERBLOCK_LBA, sb.magic(), Layout.MAGIC);
        }
        if (sb.version() != Layout.VERSION) return "EYNFS version " + sb.version() + " is not supported (only version " + Layout.VERSION + ")";
        if (sb.blockSize() != Layout.BLOCK) return "block size " + sb.blockSize() + " is not supported (only " + Layout.BLOCK + ")";
        if (sb.totalBlocks() <= Layout.SUPERBLOCK_LBA) return "total_blocks " + sb.totalBlocks() + " leaves no room past the superblock";
        if (sb.rootDirBlock() < Layout.RESERVED_LOW || sb.rootDirBlock() >= existing()) {
            return "root directory block " + sb.rootDirBlock() + " is outside the image (" + existing() + " blocks)";
        }
        long maxMap = (existing() + Layout.BITS_PER_MAP_BLOCK - 1) / Layout.BITS_PER_MAP_BLOCK;
        if (sb.mapBlocks() > Math.max(1, maxMap)) return "free map of " + sb.mapBlocks() + " blocks is longer than the image needs (" + maxMap + ")";
        if (sb.freeBlockMap() < Layout.RESERVED_LOW || sb.freeBlockMap() + sb.mapBlocks() > existing()) {
            return "free map block " + sb.freeBlockMap() + " is outside the image (" + existing() + " blocks)";
        }
        if (metadata(sb.rootDirBlock())) return "root directory block " + sb.rootDirBlock() + " overlaps the superblock or free map";
        return null;
    }
}
