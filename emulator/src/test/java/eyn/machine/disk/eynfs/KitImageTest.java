package eyn.machine.disk.eynfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveCopy;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real Release 13 image, made by EYN-OS's own formatter and copy script, read by our driver. */
class KitImageTest {
    @Test
    void listsAndReadsExactlyTheFilesBesideTheImage() throws Exception {
        EynfsDrive drive = Images.mount(Images.kitImage());
        Map<String, byte[]> expected = Images.kitFiles();
        Map<String, byte[]> actual = Images.contents(drive);
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) assertArrayEquals(expected.get(path), actual.get(path), path);
    }

    @Test
    void listsTheRootInDiskOrderAsTheOsDoes() throws Exception {
        EynfsDrive drive = Images.mount(Images.kitImage());
        assertEquals(List.of("test.md", "hello_world.asm", "test.asm", "eynos.rei", "test.txt", "test", "games"),
                drive.list("/").stream().map(Drive.Entry::name).toList());
        assertEquals(24588, drive.stat("/eynos.rei").size());
        assertTrue(drive.stat("/games").directory());
    }

    @Test
    void superblockIsTheFormattersAndTheCheckFindsNoErrors() throws Exception {
        EynfsDrive drive = Images.mount(Images.kitImage());
        Superblock sb = drive.fs().superblock();
        assertEquals(Layout.MAGIC, sb.magic());
        assertEquals(11, sb.version());
        assertEquals(1024000, sb.totalBlocks());
        assertEquals(2051, sb.rootDirBlock());
        assertEquals(2049, sb.freeBlockMap());
        assertEquals(2050, sb.nameTableBlock());
        assertFalse(drive.fs().hasErrors(), drive.findings().toString());
        assertEquals(List.of(), drive.check(), "fscheck calls it healthy, as EYN-OS does");
        // the formatter's two quirks are noted at mount, not reported as problems
        String notes = drive.findings().toString();
        assertTrue(notes.contains("note: total_blocks is 1024000"), notes);
        assertTrue(notes.contains("[2048, 2049, 2050, 2051]"), notes);
    }

    @Test
    void writesLandInFreeBlocksAndNeverOnTheUnmarkedMetadata() throws Exception {
        EynfsDrive drive = Images.mount(Images.kitImage());
        byte[] big = new byte[3000 * 508]; // more than blocks 64..2047 hold, so allocation must skip 2048..2051
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 7);
        drive.write("/big.bin", ChunkedBytes.of(big));
        drive.makeDirectory("/new");
        drive.write("/new/a.txt", ChunkedBytes.of("hello".getBytes(StandardCharsets.UTF_8)));
        EynfsDrive again = Images.mount(Images.bytes(drive.fs().store()));
        assertFalse(again.fs().hasErrors(), again.findings().toString());
        assertArrayEquals(big, again.read("/big.bin").toByteArray());
        assertEquals("hello", new String(again.read("/new/a.txt").toByteArray(), StandardCharsets.UTF_8));
        for (long b : again.fs().chain(again.fs().lookup("/big.bin").firstBlock(), Integer.MAX_VALUE)) {
            assertTrue(b < 2048 || b > 2051, "block " + b + " is metadata");
        }
        // the kit's own files are untouched
        Map<String, byte[]> expected = Images.kitFiles();
        for (var e : expected.entrySet()) {
            if (!e.getKey().endsWith("/")) assertArrayEquals(e.getValue(), again.read(e.getKey()).toByteArray(), e.getKey());
        }
    }

    @Test
    void copiesIntoAFreshImageUnchanged() throws Exception {
        EynfsDrive kit = Images.mount(Images.kitImage());
        EynfsDrive fresh = EynfsDrive.inMemory(EynfsFormat.format(4096), "fresh", Integer.MAX_VALUE);
        DriveCopy.Counts counts = DriveCopy.copyTree(kit, fresh);
        assertEquals(new DriveCopy.Counts(7, 2, 24588 + 1247 + 873 + 86 + 435 + 5 + 11), counts);
        Map<String, byte[]> a = Images.contents(kit);
        Map<String, byte[]> b = Images.contents(fresh);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        assertTrue(fresh.check().isEmpty(), fresh.check().toString());
    }
}
