package eyn.machine.disk.eynfs;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.MemorySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** Test images: the real Release 13 kit image, and helpers to see a drive as a map of paths. */
final class Images {
    private Images() {}

    /** The pristine 10 MiB image made by EYN-OS's own tools (r13/eynfs.img, gzipped: mostly zeros). */
    static byte[] kitImage() {
        try (InputStream in = new GZIPInputStream(Images.class.getResourceAsStream("/eynfs/r13-eynfs.img.gz"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kit image's files (r13/testdir), kept once in the repository beside the conformance corpus. */
    static final Path KIT_FILES = Path.of("../conformance/testdir");

    /** The files beside the kit image (r13/testdir), as path -> bytes; "/dir/" for directories. */
    static Map<String, byte[]> kitFiles() throws IOException {
        Path root = KIT_FILES;
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) continue;
                String rel = "/" + root.relativize(p).toString().replace('\\', '/');
                files.put(Files.isDirectory(p) ? rel + "/" : rel, Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return files;
    }

    static EynfsDrive mount(byte[] image) throws DriveException {
        return EynfsDrive.inMemory(new BlockStore(MemorySource.of(image)), "test.img", Integer.MAX_VALUE);
    }

    /** Every file and directory on the drive, as path -> bytes ("/dir/" for directories). */
    static Map<String, byte[]> contents(Drive drive) throws DriveException {
        Map<String, byte[]> out = new TreeMap<>();
        walk(drive, "/", out);
        return out;
    }

    private static void walk(Drive drive, String dir, Map<String, byte[]> out) throws DriveException {
        for (Drive.Entry e : drive.list(dir)) {
            String path = FsPath.child(dir, e.name());
            if (e.directory()) {
                out.put(path + "/", new byte[0]);
                walk(drive, path, out);
            } else {
                byte[] bytes = drive.read(path).toByteArray();
                if (bytes.length != e.size()) throw new AssertionError(path + ": listed size " + e.size() + ", read " + bytes.length);
                out.put(path, bytes);
            }
        }
    }

    /** The whole image as bytes, as a commit would write it. */
    static byte[] bytes(BlockStore store) throws IOException {
        byte[] out = new byte[(int) (store.blocks() * BlockStore.BLOCK)];
        for (long b = 0; b < store.blocks(); b++) store.read(b, out, (int) (b * BlockStore.BLOCK));
        return out;
    }
}
