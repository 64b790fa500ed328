package eyn.machine.disk.eynfs;

/** EYNFS version 11 constants, as EYN-OS Release 13 and its 2026 successors lay the disk out. */
public final class Layout {
    public static final int BLOCK = 512;
    public static final long SUPERBLOCK_LBA = 2048;
    public static final long MAGIC = 0x45594E46L; // "EYNF" as a little-endian u32
    public static final int VERSION = 11;
    public static final int ENTRY = 52;
    public static final int ENTRIES_PER_BLOCK = (BLOCK - 4) / ENTRY; // 9
    public static final int PAYLOAD = BLOCK - 4; // 508 data bytes after the next pointer
    public static final int NAME_FIELD = 32;
    public static final int MAX_NAME = NAME_FIELD - 1;
    public static final int TYPE_FILE = 1;
    public static final int TYPE_DIR = 2;
    /** Blocks 0..3 are reserved by the OS's formatter (marked used in its free map). */
    public static final int RESERVED_LOW = 4;
    /** One free-map block covers 4096 blocks; EYN-OS reads only the first map block. */
    public static final int BITS_PER_MAP_BLOCK = BLOCK * 8;
    /**
     * EYN-OS counts at most 32 blocks of a directory (eynfs_count_dir_entries), so entries in later
     * blocks are invisible to it: 288 entries per directory.
     */
    public static final int MAX_DIR_BLOCKS = 32;
    public static final int MAX_DIR_ENTRIES = MAX_DIR_BLOCKS * ENTRIES_PER_BLOCK;

    private Layout() {}

    static long u32(byte[] b, int pos) {
        return (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    }

    static void putU32(byte[] b, int pos, long v) {
        b[pos] = (byte) v;
        b[pos + 1] = (byte) (v >>> 8);
        b[pos + 2] = (byte) (v >>> 16);
        b[pos + 3] = (byte) (v >>> 24);
    }

    /** Data blocks a file of {@code size} bytes occupies: at least one, as EYN-OS allocates one on create. */
    static long blocksFor(long size) {
        return Math.max(1, (size + PAYLOAD - 1) / PAYLOAD);
    }
}
