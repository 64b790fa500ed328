package eyn.machine.disk.eynfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.Drive;
import eyn.machine.files.ChunkedBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An image written byte by byte from the format description (eyn-os-behaviour.md section 8.1), with
 * no driver code: our driver must read it, and our mkfs plus the same changes must produce the
 * same bytes.
 */
class HandBuiltImageTest {
    static final int BLOCKS = 2100;

    /** Superblock at 2048, free map 2049, name table 2050, root 2051; hello.txt, two.bin, d/, d/e.txt. */
    static byte[] handBuilt() {
        ByteBuffer img = ByteBuffer.allocate(BLOCKS * 512).order(ByteOrder.LITTLE_ENDIAN);
        int sb = 2048 * 512;
        img.putInt(sb, 0x45594E46).putInt(sb + 4, 11).putInt(sb + 8, 512).putInt(sb + 12, BLOCKS)
                .putInt(sb + 16, 2051).putInt(sb + 20, 2049).putInt(sb + 24, 2050);
        int map = 2049 * 512;
        img.put(map, (byte) 0xFF);          // blocks 0-3 reserved, 4-7 hello, two.bin (2), d
        img.put(map + 1, (byte) 0x01);      // block 8: d/e.txt
        img.put(map + 256, (byte) 0x0F);    // blocks 2048-2051: superblock, map, name table, root
        int root = 2051 * 512;              // next pointer 0, then 52-byte entries
        entry(img, root + 4, "hello.txt", 1, 5, 4);
        entry(img, root + 4 + 52, "two.bin", 1, 600, 5);
        entry(img, root + 4 + 104, "d", 2, 0, 7);
        img.position(4 * 512 + 4);
        img.put("hello".getBytes(StandardCharsets.US_ASCII));
        img.putInt(5 * 512, 6);             // two.bin: 508 bytes in block 5, 92 in block 6
        for (int i = 0; i < 600; i++) img.put((i < 508 ? 5 * 512 + 4 + i : 6 * 512 + 4 + i - 508), (byte) (i % 251));
        entry(img, 7 * 512 + 4, "e.txt", 1, 0, 8); // an empty file still owns one block, as on EYN-OS
        return img.array();
    }

    private static void entry(ByteBuffer img, int at, String name, int type, int size, int first) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n.length; i++) img.put(at + i, n[i]);
        img.put(at + 32, (byte) type);
        img.putInt(at + 36, size);
        img.putInt(at + 40, first);
    }

    static byte[] twoBin() {
        byte[] b = new byte[600];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i % 251);
        return b;
    }

    @Test
    void ourDriverReadsTheHandBuiltImage() throws Exception {
        EynfsDrive drive = Images.mount(handBuilt());
        assertEquals(List.of(new Drive.Entry("hello.txt", false, 5), new Drive.Entry("two.bin", false, 600), new Drive.Entry("d", true, 0)),
                drive.list("/"));
        assertEquals("hello", new String(drive.read("/hello.txt").toByteArray(), StandardCharsets.US_ASCII));
        assertArrayEquals(twoBin(), drive.read("/two.bin").toByteArray());
        assertEquals(List.of(new Drive.Entry("e.txt", false, 0)), drive.list("/d"));
        assertEquals(0, drive.read("/d/e.txt").length());
        assertEquals(List.of(), drive.check());
        assertEquals(List.of(5L, 6L), drive.fs().chain(5, 10));
    }

    @Test
    void ourMkfsAndWritesProduceTheSameBytes() throws Exception {
        EynfsDrive drive = EynfsDrive.inMemory(EynfsFormat.format(BLOCKS), "ours", Integer.MAX_VALUE);
        drive.write("/hello.txt", ChunkedBytes.of("hello".getBytes(StandardCharsets.US_ASCII)));
        drive.write("/two.bin", ChunkedBytes.of(twoBin()));
        drive.makeDirectory("/d");
        drive.write("/d/e.txt", ChunkedBytes.empty());
        byte[] ours = Images.bytes(drive.fs().store());
        byte[] hand = handBuilt();
        for (int b = 0; b < BLOCKS; b++) {
            for (int i = 0; i < 512; i++) {
                int at = b * 512 + i;
                if (ours[at] != hand[at]) throw new AssertionError("block " + b + " byte " + i + ": ours " + ours[at] + ", by hand " + hand[at]);
            }
        }
        assertTrue(drive.check().isEmpty());
    }
}
