package eyn.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.eynfs.EynfsDrive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eyn mkfs, eyn export and eyn run --drive N=IMAGE, with and without --persist. */
class ImageDrivesTest {
    @TempDir
    Path tmp;

    private Path image() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("hello.txt"), "hello from the host");
        Files.createDirectories(src.resolve("sub"));
        Files.write(src.resolve("sub/data.bin"), new byte[3000]);
        Path img = tmp.resolve("disk.img");
        CliRunner.Result r = CliRunner.run("mkfs", img.toString(), "--size", "4", "--from", src.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Made " + img + ": EYNFS, 4 MiB, 2 files and 1 folders (3019 bytes) from " + src + "\n", r.out());
        assertEquals(4 * 1024 * 1024, Files.size(img));
        return img;
    }

    private Path script(String text) throws Exception {
        Path s = tmp.resolve("s.eyn");
        Files.writeString(s, text);
        return s;
    }

    @Test
    void mkfsRefusesToReplaceAFileAndOddSizes() throws Exception {
        Path img = image();
        CliRunner.Result again = CliRunner.run("mkfs", img.toString(), "--size", "4");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("exists already"), again.err());
        assertEquals(2, CliRunner.run("mkfs", tmp.resolve("x.img").toString(), "--size", "1").status());
    }

    @Test
    void runReadsAnImageAndLeavesItUntouchedWithoutPersist() throws Exception {
        Path img = image();
        byte[] before = Files.readAllBytes(img);
        Path s = script("ls\nread hello.txt\nsize sub/data.bin\ncopy hello.txt copy.txt\ndel hello.txt\nfscheck\n");
        CliRunner.Result r = CliRunner.run("run", "--no-color", "--drive", "0=" + img, s.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().startsWith("hello.txt\nsub/\nDisplaying as raw text...\nhello from the host\n/sub/data.bin: 3000 bytes\n"), r.out());
        assertTrue(r.out().contains("Filesystem is healthy."), r.out());
        assertArrayEquals(before, Files.readAllBytes(img));
    }

    @Test
    void persistWritesTheImageAndExportReadsItBack() throws Exception {
        Path img = image();
        Path s = script("makedir newdir\ncopy hello.txt newdir/copied.txt\ndel sub/data.bin\n");
        CliRunner.Result r = CliRunner.run("run", "--no-color", "--persist", "--drive", "0=" + img, s.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        Path out = tmp.resolve("out");
        CliRunner.Result e = CliRunner.run("export", img.toString(), out.toString());
        assertEquals(0, e.status(), e.err());
        assertEquals("hello from the host", Files.readString(out.resolve("newdir/copied.txt")));
        assertTrue(Files.isDirectory(out.resolve("sub")));
        assertEquals(List.of(), Files.list(out.resolve("sub")).toList());
        assertEquals(List.of(), Files.list(tmp).filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                "no temporary or lock file is left beside the image");
    }

    @Test
    void aSecondWriterIsRefused() throws Exception {
        Path img = image();
        EynfsDrive first = EynfsDrive.open(img, true, Integer.MAX_VALUE);
        try {
            Path s = script("ls\n");
            CliRunner.Result r = CliRunner.run("run", "--persist", "--drive", "0=" + img, s.toString());
            assertEquals(2, r.status());
            assertTrue(r.err().contains("image is already open for writing by another session"), r.err());
            assertEquals(0, CliRunner.run("run", "--drive", "0=" + img, s.toString()).status(), "readers are welcome");
        } finally {
            first.close();
        }
        assertEquals(0, CliRunner.run("run", "--persist", "--drive", "0=" + img, script("ls\n").toString()).status());
    }

    @Test
    void badImagesAreUsageErrorsThatSayWhy() throws Exception {
        Path junk = tmp.resolve("junk.img");
        Files.write(junk, new byte[2100 * 512]);
        CliRunner.Result r = CliRunner.run("run", "--drive", "1=" + junk, script("ls\n").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--drive 1: " + junk + ": no EYNFS at LBA 2048: magic is 0x00000000"), r.err());
        Files.write(junk, new byte[100]);
        r = CliRunner.run("run", "--drive", "1=" + junk, script("ls\n").toString());
        assertTrue(r.err().contains("smaller than one 512-byte block"), r.err());
    }
}
