package eyn.machine.disk.eynfs;

/**
 * The superblock at LBA 2048 (nine little-endian u32s). {@code mapBlocks} is our extension, kept in
 * the first reserved word: EYN-OS's free map is one block (4096 blocks of disk); images made by
 * {@code eyn mkfs} larger than that record how many map blocks follow {@code freeBlockMap}. EYN-OS
 * ignores the word and still sees the first map block, which covers the blocks it can allocate.
 */
public record Superblock(long magic, long version, long blockSize, long totalBlocks, long rootDirBlock,
                         long freeBlockMap, long nameTableBlock, long mapBlocksWord, long reserved1) {

    static Superblock parse(byte[] b) {
        return new Superblock(Layout.u32(b, 0), Layout.u32(b, 4), Layout.u32(b, 8), Layout.u32(b, 12), Layout.u32(b, 16),
                Layout.u32(b, 20), Layout.u32(b, 24), Layout.u32(b, 28), Layout.u32(b, 32));
    }

    byte[] encode() {
        byte[] b = new byte[Layout.BLOCK];
        long[] words = {magic, version, blockSize, totalBlocks, rootDirBlock, freeBlockMap, nameTableBlock, mapBlocksWord, reserved1};
        for (int i = 0; i < words.length; i++) Layout.putU32(b, i * 4, words[i]);
        return b;
    }

    /** Free-map blocks: one, as on EYN-OS, unless our extension word says more. */
    public long mapBlocks() {
        return mapBlocksWord <= 1 ? 1 : mapBlocksWord;
    }
}
