package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDriveTest {
    @TempDir
    Path tmp;

    private Path folder() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("drive"));
        Files.writeString(root.resolve("a.txt"), "alpha");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/b.txt"), "bravo");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        return root;
    }

    private String run(Drive drive, String script) {
        StringBuilder out = new StringBuilder();
        Interpreter in = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))),
                (c, t, w) -> out.append(t), Options.defaults());
        in.start("t.eyn", script);
        in.run();
        in.machine().shutdown();
        return out.toString();
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> root.relativize(p).toString(), p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    @Test
    void anOverlayNeverWritesToTheHostFolder() throws IOException {
        Path root = folder();
        Map<String, String> before = snapshot(root);
        String out = run(TreeDrive.overFolder(new HostFolder(root), false), String.join("\n",
                "zopen a.txt rw", "zwrite 0 CHANGED", "zclose 0", "copy a.txt c.txt", "del sub/b.txt", "makedir new",
                "mmap c.txt", "msync 0x01000000", "read a.txt", ""));
        assertTrue(out.contains("CHANGEDalpha".substring(0, 7)), out);
        assertEquals(before, snapshot(root));
        assertFalse(Files.exists(root.resolve("new")));
    }

    @Test
    void persistWritesChangesBackWithoutLeavingTemporaryFiles() throws IOException {
        Path root = folder();
        run(TreeDrive.overFolder(new HostFolder(root), true), String.join("\n",
                "zopen a.txt rw", "zseek 0 0 end", "zwrite 0 +more", "zclose 0", "copy a.txt sub/c.txt", "del sub/b.txt",
                "makedir new", "zopen sub/c.txt w", "zwrite 0 C", "", ""));
        assertEquals("alpha+more", Files.readString(root.resolve("a.txt")));
        assertEquals("Clpha+more", Files.readString(root.resolve("sub/c.txt")), "dirty fds are written back at shutdown");
        assertFalse(Files.exists(root.resolve("sub/b.txt")));
        assertTrue(Files.isDirectory(root.resolve("new")));
        try (Stream<Path> files = Files.walk(root)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void pathsCannotLeaveTheDriveRoot() throws IOException {
        Path root = folder();
        Drive drive = TreeDrive.overFolder(new HostFolder(root), true);
        assertEquals("/secret.txt", FsPath.resolve("/", "../secret.txt"));
        assertEquals("/etc/passwd", FsPath.resolve("/sub", "../../../../etc/passwd"));
        assertNull(drive.stat("/secret.txt"));
        String out = run(drive, "read ../secret.txt\nread " + tmp.resolve("secret.txt") + "\ncopy a.txt ../escaped.txt\n");
        assertFalse(out.contains("outside"), out);
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        assertTrue(Files.exists(root.resolve("escaped.txt")), "'..' above the root stays at the root");
    }

    @Test
    void linksAreNotPartOfTheDrive() throws Exception {
        Path root = folder();
        Files.createSymbolicLink(root.resolve("link.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("linkdir"), tmp);
        Drive drive = TreeDrive.overFolder(new HostFolder(root), true);
        assertNull(drive.stat("/link.txt"));
        assertNull(drive.stat("/linkdir"));
        assertThrows(DriveException.class, () -> drive.read("/linkdir/secret.txt"));
        drive.write("/a.txt", ChunkedBytes.of("x".getBytes(StandardCharsets.UTF_8)));
        assertEquals("outside", Files.readString(tmp.resolve("secret.txt")));
    }

    @Test
    void hostNamesLongerThanEynfsAllowsAreInvisible() throws IOException {
        Path root = folder();
        Files.writeString(root.resolve("a_name_that_is_much_too_long_for_eynfs.txt"), "x");
        Drive drive = TreeDrive.overFolder(new HostFolder(root), false);
        assertFalse(run(drive, "ls\n").contains("much_too_long"));
    }

    @Test
    void aDriveCopyIsIndependent() throws Exception {
        Drive drive = TreeDrive.inMemory();
        drive.write("/x", ChunkedBytes.of(new byte[] {1}));
        Drive copy = drive.copy();
        drive.write("/x", ChunkedBytes.of(new byte[] {2, 2}));
        drive.makeDirectory("/d");
        assertEquals(1, copy.stat("/x").size());
        assertNull(copy.stat("/d"));
    }
}
