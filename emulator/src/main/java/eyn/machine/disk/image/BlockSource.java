package eyn.machine.disk.image;

import java.io.IOException;

/** Where the blocks of a disk image come from before anything changed them: a host file or memory. */
public interface BlockSource {
    int BLOCK = 512;

    /** How many whole 512-byte blocks the image holds. */
    long blocks();

    /** Reads block {@code block} into {@code dst} at {@code off}; blocks past the end read as zeros. */
    void read(long block, byte[] dst, int off) throws IOException;
}
