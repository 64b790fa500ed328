package eyn.machine.disk.image;

import java.util.Arrays;

/** An image that exists only in memory: all zeros (a fresh disk) or given bytes (tests, fuzzing). */
public final class MemorySource implements BlockSource {
    private final byte[] bytes;
    private final long blocks;

    private MemorySource(byte[] bytes, long blocks) {
        this.bytes = bytes;
        this.blocks = blocks;
    }

    /** A zero-filled disk of {@code blocks} blocks; nothing is allocated until blocks are written. */
    public static MemorySource zeros(long blocks) {
        return new MemorySource(new byte[0], blocks);
    }

    /** The bytes as an image; a trailing partial block is ignored, as a disk would. */
    public static MemorySource of(byte[] image) {
        return new MemorySource(image, image.length / BLOCK);
    }

    @Override
    public long blocks() {
        return blocks;
    }

    @Override
    public void read(long block, byte[] dst, int off) {
        long start = block * BLOCK;
        if (block < 0 || block >= blocks || start >= bytes.length) {
            Arrays.fill(dst, off, off + BLOCK, (byte) 0);
            return;
        }
        System.arraycopy(bytes, (int) start, dst, off, BLOCK);
    }
}
