package eyn.machine.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persisting like a careful editor: modes kept, read-only refused, temporary files hidden and cleaned, no way out by links. */
class HostFolderCareTest {
    @TempDir
    Path tmp;

    private Path root() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("drive"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/b.txt"), "bravo");
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/b.txt"), "secret");
        return root;
    }

    private static ChunkedBytes bytes(String s) {
        return ChunkedBytes.of(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRewrittenFileKeepsItsModeAndANewFileIsNotPrivate() throws Exception {
        Path root = root();
        Path f = root.resolve("script.sh");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        HostFolder host = new HostFolder(root);
        host.writeAtomically(f, bytes("new"));
        assertEquals("new", Files.readString(f));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        host.writeAtomically(root.resolve("fresh.txt"), bytes("x"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("fresh.txt"))));
    }

    @Test
    void aReadOnlyFileIsRefusedWithAClearError() throws Exception {
        Path root = root();
        Path f = root.resolve("ro.txt");
        Files.writeString(f, "keep");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        TreeDrive drive = TreeDrive.overFolder(new HostFolder(root), true);
        DriveException e = assertThrows(DriveException.class, () -> drive.write("/ro.txt", bytes("changed")));
        assertTrue(e.getMessage().contains("Read-only file"), e.getMessage());
        assertEquals("keep", Files.readString(f));
    }

    @Test
    void temporaryFilesAreHiddenAndCleanedAtTheNextPersistingStart() throws Exception {
        Path root = root();
        Files.writeString(root.resolve(".eyn-4815162342.tmp"), "half a write, left by kill -9");
        Files.writeString(root.resolve("sub/.eyn-99.tmp"), "another");
        Files.writeString(root.resolve(".eyn-notes.tmp"), "the user's own file");
        HostFolder host = new HostFolder(root);
        assertTrue(host.list(root).stream().noneMatch(e -> e.name().equals(".eyn-4815162342.tmp")), "hidden from listings");
        assertEquals(2, host.removeStaleTemporaryFiles());
        assertFalse(Files.exists(root.resolve(".eyn-4815162342.tmp")));
        assertFalse(Files.exists(root.resolve("sub/.eyn-99.tmp")));
        assertTrue(Files.exists(root.resolve(".eyn-notes.tmp")), "only our own names are removed");
    }

    @Test
    void aHardLinkIsNotPartOfTheDrive() throws Exception {
        Path root = root();
        Path link = root.resolve("hl.txt");
        try {
            Files.createLink(link, tmp.resolve("outside/b.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            return; // no hard links here
        }
        HostFolder host = new HostFolder(root);
        assertTrue(host.list(root).stream().noneMatch(e -> e.name().equals("hl.txt")), "not listed");
        assertThrows(IOException.class, () -> host.load(link));
        assertThrows(IOException.class, () -> host.writeAtomically(link, bytes("x")));
        assertEquals("secret", Files.readString(tmp.resolve("outside/b.txt")));
    }

    @Test
    void aFolderSwappedForALinkAfterTheListingLeadsNowhere() throws Exception {
        Path root = root();
        HostFolder host = new HostFolder(root);
        TreeDrive drive = TreeDrive.overFolder(host, true);
        assertEquals(1, drive.list("/sub").size(), "listed while it was a folder");
        Files.move(root.resolve("sub"), tmp.resolve("moved"));
        Files.createSymbolicLink(root.resolve("sub"), tmp.resolve("outside"));
        IOException read = assertThrows(IOException.class, () -> host.load(root.resolve("sub/b.txt")));
        assertTrue(read.getMessage().contains("link"), read.getMessage());
        assertThrows(IOException.class, () -> host.writeAtomically(root.resolve("sub/new.txt"), bytes("x")));
        assertFalse(Files.exists(tmp.resolve("outside/new.txt")));
        assertEquals("secret", Files.readString(tmp.resolve("outside/b.txt")));
    }
}
