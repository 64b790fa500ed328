package eyn.machine.disk.eynfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.DriveException.Kind;
import eyn.machine.files.ChunkedBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes on a fresh image: each leaves an image that checks clean and reads back the same after a remount. */
class EynfsOperationsTest {
    private static EynfsDrive fresh(long blocks) throws DriveException {
        return EynfsDrive.inMemory(EynfsFormat.format(blocks), "t", Integer.MAX_VALUE);
    }

    private static ChunkedBytes bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed);
        return ChunkedBytes.of(b);
    }

    /** Remounts the image bytes and checks they show the same tree, cleanly. */
    private static EynfsDrive remounted(EynfsDrive drive) throws Exception {
        EynfsDrive again = Images.mount(Images.bytes(drive.fs().store()));
        assertEquals(List.of(), again.check());
        Map<String, byte[]> a = Images.contents(drive);
        Map<String, byte[]> b = Images.contents(again);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        return again;
    }

    @Test
    void growAndTruncateGiveBlocksBack() throws Exception {
        EynfsDrive d = fresh(4096);
        long free = d.fs().freeBlocks();
        d.write("/f", bytes(100, 1));
        assertEquals(free - 1, d.fs().freeBlocks());
        d.write("/f", bytes(5000, 2)); // grow: 10 blocks
        assertEquals(free - 10, d.fs().freeBlocks());
        assertArrayEquals(bytes(5000, 2).toByteArray(), d.read("/f").toByteArray());
        d.write("/f", bytes(508, 3)); // truncate to exactly one block
        assertEquals(free - 1, d.fs().freeBlocks());
        assertEquals(508, d.stat("/f").size());
        d.write("/f", ChunkedBytes.empty());
        assertEquals(0, d.stat("/f").size());
        assertEquals(free - 1, d.fs().freeBlocks(), "an empty file keeps one block, as on EYN-OS");
        remounted(d);
        d.deleteFile("/f");
        assertEquals(free, d.fs().freeBlocks());
        assertNull(d.stat("/f"));
        remounted(d);
    }

    @Test
    void directoriesChainBlocksAndStopAtWhatTheOsReads() throws Exception {
        EynfsDrive d = fresh(4096);
        d.makeDirectory("/many");
        for (int i = 0; i < Layout.MAX_DIR_ENTRIES; i++) d.write("/many/f" + i, bytes(i % 3, i));
        assertEquals(Layout.MAX_DIR_ENTRIES, d.list("/many").size());
        assertEquals(32, d.fs().chain(d.fs().lookup("/many").firstBlock(), 100).size());
        DriveException full = assertThrows(DriveException.class, () -> d.write("/many/one-more", bytes(1, 0)));
        assertEquals(Kind.TOO_LARGE, full.kind());
        assertTrue(full.getMessage().contains("directory full"), full.getMessage());
        d.deleteFile("/many/f10"); // leaves a hole, which the next create fills
        d.write("/many/again", bytes(3, 0));
        assertEquals("again", d.list("/many").get(10).name());
        remounted(d);
    }

    @Test
    void directoryRulesAndNames() throws Exception {
        EynfsDrive d = fresh(4096);
        d.makeDirectory("/a");
        d.makeDirectory("/a/b");
        d.write("/a/b/c.txt", bytes(10, 0));
        assertEquals(Kind.EXISTS, assertThrows(DriveException.class, () -> d.makeDirectory("/a")).kind());
        assertEquals(Kind.NOT_EMPTY, assertThrows(DriveException.class, () -> d.deleteDirectory("/a")).kind());
        assertEquals(Kind.NOT_A_FILE, assertThrows(DriveException.class, () -> d.write("/a", bytes(1, 0))).kind());
        assertEquals(Kind.NOT_FOUND, assertThrows(DriveException.class, () -> d.write("/nope/x", bytes(1, 0))).kind());
        assertEquals(Kind.NOT_A_DIRECTORY, assertThrows(DriveException.class, () -> d.write("/a/b/c.txt/x", bytes(1, 0))).kind());
        String name31 = "n".repeat(31);
        d.write("/" + name31, bytes(1, 0));
        assertEquals(31, d.stat("/" + name31).name().length());
        assertEquals(Kind.BAD_NAME, assertThrows(DriveException.class, () -> d.write("/" + "n".repeat(32), bytes(1, 0))).kind());
        assertEquals(Kind.BAD_NAME, assertThrows(DriveException.class, () -> d.write("/" + "é".repeat(16), bytes(1, 0))).kind(),
                "the limit is 31 bytes, not characters");
        d.deleteFile("/a/b/c.txt");
        d.deleteDirectory("/a/b");
        d.deleteDirectory("/a");
        assertEquals(List.of(new Drive.Entry(name31, false, 1)), d.list("/"));
        remounted(d);
    }

    @Test
    void aChangeThatDoesNotFitLeavesTheImageAsItWas() throws Exception {
        EynfsDrive d = fresh(EynfsFormat.MIN_BLOCKS + 100); // blocks 4..2047 and a few past the root
        d.write("/keep", bytes(1000, 5));
        byte[] before = Images.bytes(d.fs().store());
        long free = d.fs().freeBlocks();
        DriveException e = assertThrows(DriveException.class, () -> d.write("/huge", bytes((int) (free + 1) * 508, 0)));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertArrayEquals(before, Images.bytes(d.fs().store()));
        assertEquals(free, d.fs().freeBlocks());
        d.write("/fits", bytes((int) free * 508, 0)); // exactly the free space
        assertEquals(0, d.fs().freeBlocks());
        // rewriting a file may reuse its own blocks even on a full disk
        d.write("/fits", bytes((int) free * 508 - 10, 1));
        remounted(d);
    }

    @Test
    void copiesAreIndependent() throws Exception {
        EynfsDrive d = fresh(4096);
        d.write("/x", bytes(2000, 1));
        Drive snapshot = d.copy();
        d.write("/x", bytes(10, 2));
        d.write("/y", bytes(10, 3));
        assertEquals(2000, snapshot.stat("/x").size());
        assertNull(snapshot.stat("/y"));
        assertArrayEquals(bytes(2000, 1).toByteArray(), snapshot.read("/x").toByteArray());
        snapshot.write("/z", bytes(1, 1));
        assertNull(d.stat("/z"));
    }

    @Test
    void largeImagesKeepAFreeMapLongerThanOneBlock() throws Exception {
        EynfsDrive d = fresh(20000); // 10 MB: five map blocks
        assertEquals(5, d.fs().superblock().mapBlocks());
        d.write("/big", bytes(5_000_000, 9)); // past block 4096, which EYN-OS's one-block map cannot reach
        assertArrayEquals(bytes(5_000_000, 9).toByteArray(), remounted(d).read("/big").toByteArray());
    }
}
