package eyn.machine.disk;

import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The only code that touches the host's files. It never follows links, never leaves its root, and
 * writes a file by writing a temporary file beside it and moving it into place atomically.
 */
public final class HostFolder {
    record HostEntry(String name, boolean directory, long size) {}

    private final Path root;
    private final long maxFileBytes;

    public HostFolder(Path folder) throws IOException {
        this(folder, Integer.MAX_VALUE);
    }

    /** A folder whose files larger than {@code maxFileBytes} cannot be read (editors' dry runs stay small). */
    public HostFolder(Path folder, long maxFileBytes) throws IOException {
        this.root = folder.toRealPath();
        this.maxFileBytes = maxFileBytes;
        if (!Files.isDirectory(root)) throw new IOException("not a folder: " + folder);
    }

    public Path root() {
        return root;
    }

    List<HostEntry> list(Path dir) {
        List<HostEntry> entries = new ArrayList<>();
        if (!inside(dir)) return entries;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (FsPath.invalidName(name) != null) continue; // EYNFS could not hold it: invisible
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) entries.add(new HostEntry(name, true, 0));
                else if (a.isRegularFile() && a.size() <= Integer.MAX_VALUE) entries.add(new HostEntry(name, false, a.size()));
                // links and special files are not part of the drive
            }
        } catch (IOException e) {
            return entries;
        }
        return entries;
    }

    ChunkedBytes load(Path file) throws IOException {
        if (!inside(file)) throw new IOException("outside the drive");
        if (Files.size(file) > maxFileBytes) throw new IOException("larger than " + maxFileBytes + " bytes");
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(ch)) {
            ChunkedBytes content = ChunkedBytes.empty();
            byte[] buffer = new byte[ChunkedBytes.CHUNK * 16];
            int pos = 0;
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                content.write(pos, buffer, 0, n);
                pos += n;
            }
            return content;
        }
    }

    void writeAtomically(Path file, ChunkedBytes content) throws IOException {
        requireWritable(file);
        Path temp = Files.createTempFile(file.getParent(), ".eyn-", ".tmp");
        try {
            try (var out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[ChunkedBytes.CHUNK * 16];
                for (int pos = 0; pos < content.length(); pos += buffer.length) {
                    int n = Math.min(buffer.length, content.length() - pos);
                    content.read(pos, buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void makeDirectory(Path dir) throws IOException {
        requireWritable(dir);
        Files.createDirectory(dir);
    }

    void delete(Path path) throws IOException {
        requireWritable(path);
        Files.deleteIfExists(path);
    }

    private void requireWritable(Path path) throws IOException {
        if (!inside(path) || path.equals(root)) throw new IOException("outside the drive");
        if (Files.isSymbolicLink(path)) throw new IOException("refusing to replace a link");
        if (!Files.isDirectory(path.getParent(), LinkOption.NOFOLLOW_LINKS)) throw new IOException("no such folder");
    }

    private boolean inside(Path path) {
        return path.normalize().startsWith(root);
    }
}
