package eyn.fuzz;

import static eyn.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.EynfsFormat;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.MemorySource;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes mounting and reading EYNFS images: random mutations of a valid image (its superblock,
 * free map, directories and file chains) must mount with a DriveException or mount; a mounted
 * image lists, reads and checks without throwing anything else; an image with errors refuses
 * every change and stays byte for byte the same; an image without errors takes a valid change and
 * still checks clean afterwards.
 *
 * <p>Input: 4-byte records. Byte 0 picks one of the interesting blocks (bit 7: write a u32 from a
 * table of telling values, else one byte), bytes 1-2 the offset in the block, byte 3 the value.
 */
class EynfsImageFuzzTest {
    static final int BLOCKS = 2100;
    static final long[] BLOCKS_OF_INTEREST = {2048, 2049, 2050, 2051, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 30, 40};
    static final long[] TELLING = {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 2047, 2048, 2049, 2050, 2051, 2052, 2099, 2100, 4095, 4096,
            70000, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 508, 509, 1016, 5000, 0x45594E46L, 11, 512, 1024000};
    static final byte[] BASE = base();

    /** A valid image: files of 0, 1, 2 and 20 blocks, nested directories, a directory of two blocks. */
    static byte[] base() {
        try {
            EynfsDrive d = EynfsDrive.inMemory(EynfsFormat.format(BLOCKS), "base", Integer.MAX_VALUE);
            d.write("/a.txt", ChunkedBytes.of("alpha".getBytes()));
            d.write("/empty", ChunkedBytes.empty());
            d.makeDirectory("/d");
            d.write("/d/two.bin", ChunkedBytes.of(new byte[700]));
            d.makeDirectory("/d/e");
            d.write("/d/e/long.bin", ChunkedBytes.of(new byte[20 * 508]));
            for (int i = 0; i < 11; i++) d.write("/d/f" + i, ChunkedBytes.of(new byte[] {(byte) i}));
            BlockStore s = d.fs().store();
            byte[] out = new byte[BLOCKS * 512];
            for (long b = 0; b < BLOCKS; b++) s.read(b, out, (int) b * 512);
            return out;
        } catch (DriveException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void mountAndRead(byte[] input) {
        byte[] image = BASE.clone();
        for (int i = 0; i + 3 < input.length && i < 4 * 64; i += 4) {
            int pick = input[i] & 0xFF;
            long block = BLOCKS_OF_INTEREST[(pick & 0x7F) % BLOCKS_OF_INTEREST.length];
            int offset = (((input[i + 1] & 0xFF) << 8) | (input[i + 2] & 0xFF)) % 512;
            int at = (int) block * 512 + offset;
            if ((pick & 0x80) != 0) {
                long v = TELLING[(input[i + 3] & 0xFF) % TELLING.length];
                for (int k = 0; k < 4 && at + k < image.length; k++) image[at + k] = (byte) (v >>> (8 * k));
            } else {
                image[at] = input[i + 3];
            }
        }
        byte[] mutated = image.clone();
        EynfsDrive drive;
        try {
            drive = EynfsDrive.inMemory(new BlockStore(MemorySource.of(image)), "fuzz", 1 << 20);
        } catch (DriveException e) {
            check(e.getMessage() != null && !e.getMessage().isEmpty(), "a refused mount must say why");
            return;
        }
        int[] budget = {5000};
        walk(drive, "/", 0, budget);
        try {
            drive.check();
        } catch (DriveException e) {
            throw new AssertionError("check failed on an in-memory image: " + e.getMessage());
        }
        boolean errors = drive.fs().hasErrors();
        ChunkedBytes payload = ChunkedBytes.of(new byte[1200]);
        try {
            drive.write("/fuzz-new.txt", payload);
            check(!errors, "an image with errors accepted a write");
            check(Arrays.equals(payload.toByteArray(), drive.read("/fuzz-new.txt").toByteArray()), "written bytes read back differently");
            drive.makeDirectory("/fuzz-dir");
            drive.deleteFile("/fuzz-new.txt");
            check(drive.check().stream().noneMatch(Drive.Problem::corrupt), "a valid change on a clean image left errors: " + drive.check());
        } catch (DriveException e) {
            if (errors) check(drive.fs().store().changedBlocks() == 0, "a refused change still changed blocks");
        }
        check(Arrays.equals(mutated, image), "the source image bytes were modified");
    }

    private static void walk(Drive drive, String dir, int depth, int[] budget) {
        check(depth <= 70, "the tree is deeper than the check allows: " + dir);
        java.util.List<Drive.Entry> entries;
        try {
            entries = drive.list(dir);
        } catch (DriveException e) {
            return;
        }
        check(entries.size() <= 288, "a directory listed more entries than EYN-OS reads: " + entries.size());
        for (Drive.Entry e : entries) {
            if (--budget[0] < 0) return;
            String path = FsPath.child(dir, e.name());
            if (e.name().isEmpty() || e.name().contains("/")) continue; // not addressable by path; listed only
            Drive.Entry st = drive.stat(path);
            if (e.directory()) {
                walk(drive, path, depth + 1, budget);
            } else if (st != null && !st.directory()) {
                try {
                    ChunkedBytes c = drive.read(path);
                    check(c.length() == st.size(), path + ": read " + c.length() + " bytes, size says " + st.size());
                } catch (DriveException ex) {
                    check(ex.getMessage() != null, "a failed read must say why");
                }
            }
        }
    }

}
