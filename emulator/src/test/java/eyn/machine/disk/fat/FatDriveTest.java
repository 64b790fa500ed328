package eyn.machine.disk.fat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.MemorySource;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A FAT32 image made by the standard Linux tools (mkfs.fat -F 32, then mcopy of HELLO.TXT,
 * a-rather-long-file-name.txt and docs/big.dat), read and changed through fat32-lib.
 */
class FatDriveTest {
    static byte[] mkfsImage() {
        try (InputStream in = new GZIPInputStream(FatDriveTest.class.getResourceAsStream("/eynfs/mkfs-fat-34mb.img.gz"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FatDrive mount(byte[] image) throws DriveException {
        return FatDrive.inMemory(new BlockStore(MemorySource.of(image)), "fat.img", Integer.MAX_VALUE);
    }

    private static String text(Drive d, String path) throws DriveException {
        return new String(d.read(path).toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void readsLongAndShortNames() throws Exception {
        FatDrive d = mount(mkfsImage());
        assertEquals(List.of(new Drive.Entry("HELLO.TXT", false, 10), new Drive.Entry("a-rather-long-file-name.txt", false, 12),
                new Drive.Entry("DOCS", true, 0)), d.list("/"));
        assertEquals("hello fat\n", text(d, "/HELLO.TXT"));
        assertEquals("a long name\n", text(d, "/a-rather-long-file-name.txt"));
        assertEquals("x".repeat(5000), text(d, "/docs/big.dat"));
        // mcopy stores lower-case 8.3 names as upper case plus a case flag, which fat32-lib does not read
        assertEquals(List.of(new Drive.Entry("BIG.DAT", false, 5000)), d.list("/docs"));
    }

    @Test
    void changesSurviveARemountAndCopiesAreIndependent() throws Exception {
        FatDrive d = mount(mkfsImage());
        d.write("/NEW.TXT", ChunkedBytes.of("short name".getBytes(StandardCharsets.UTF_8)));
        d.write("/written-with-a-long-name.md", ChunkedBytes.of(new byte[70_000]));
        d.makeDirectory("/sub");
        d.write("/sub/inner.txt", ChunkedBytes.of("in".getBytes(StandardCharsets.UTF_8)));
        d.write("/HELLO.TXT", ChunkedBytes.of("rewritten".getBytes(StandardCharsets.UTF_8)));
        d.deleteFile("/docs/big.dat");
        d.deleteDirectory("/docs");
        Drive snapshot = d.copy();
        d.deleteFile("/NEW.TXT");
        assertEquals("short name", text(snapshot, "/NEW.TXT"));
        assertNull(d.stat("/NEW.TXT"));

        byte[] bytes = new byte[(int) (d.storeForTests().blocks() * 512)];
        for (long b = 0; b < d.storeForTests().blocks(); b++) d.storeForTests().read(b, bytes, (int) b * 512);
        FatDrive again = mount(bytes);
        assertEquals("rewritten", text(again, "/HELLO.TXT"));
        assertEquals(70_000, again.read("/written-with-a-long-name.md").length());
        assertEquals("in", text(again, "/sub/inner.txt"));
        assertNull(again.stat("/docs"));
        assertThrows(DriveException.class, () -> again.deleteDirectory("/sub"));
    }

    @Test
    void garbageIsRefusedWithAMessage() {
        byte[] junk = new byte[4096 * 512];
        junk[510] = 0x55;
        junk[511] = (byte) 0xAA;
        DriveException e = assertThrows(DriveException.class, () -> mount(junk));
        assertEquals(true, e.getMessage().contains("not a FAT file system"), e.getMessage());
    }
}
