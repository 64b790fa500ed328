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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * The only code that touches the host's files. It never follows links, never leaves its root, and
 * writes a file by writing a temporary file beside it and moving it into place atomically, as a
 * careful editor does: the file keeps its permissions (and owner, where the process may set it), a
 * file that is read-only on the host is refused, and the temporary files ({@code .eyn-<digits>.tmp})
 * never show in listings and are removed by {@link #removeStaleTemporaryFiles()} when a later run
 * persists. A file with more than one hard link, like a symbolic link, may lead outside the folder:
 * it is not part of the drive. Opening checks the real path, so a folder swapped for a link after
 * the drive was listed cannot lead outside the root either.
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
                if (isTemporary(name)) continue; // a write in progress, or left by a crash
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) entries.add(new HostEntry(name, true, 0));
                else if (a.isRegularFile() && a.size() <= Integer.MAX_VALUE && links(p) <= 1) entries.add(new HostEntry(name, false, a.size()));
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
            // checked after opening: a folder on the way swapped for a link since the listing is caught here
            if (!file.toRealPath().equals(file.normalize())) throw new IOException("a link on the way leads outside the drive");
            if (links(file) > 1) throw new IOException("a file with several hard links may be outside the drive");
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
        java.util.Set<PosixFilePermission> mode = null;
        UserPrincipal owner = null;
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (links(file) > 1) throw new IOException("refusing to replace a file with several hard links");
            try {
                mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
                if (!mode.contains(PosixFilePermission.OWNER_WRITE)) throw new IOException("Read-only file");
            } catch (UnsupportedOperationException e) {
                if (!Files.isWritable(file)) throw new IOException("Read-only file");
            }
        }
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
            try {
                // an existing file keeps its mode (and owner where we may set it); a new one gets rw-r--r--
                Files.setPosixFilePermissions(temp, mode != null ? mode : PosixFilePermissions.fromString("rw-r--r--"));
                if (owner != null && !owner.equals(Files.getOwner(temp))) {
                    try {
                        Files.setOwner(temp, owner);
                    } catch (IOException e) {
                        // only root may give a file away: the file then belongs to whoever ran the script
                    }
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the host's defaults apply
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
        if (!path.getParent().toRealPath().equals(path.getParent().normalize())) throw new IOException("a link on the way leads outside the drive");
    }

    /** The names {@link #writeAtomically} gives its temporary files. */
    static boolean isTemporary(String name) {
        return name.startsWith(".eyn-") && name.endsWith(".tmp") && name.length() > 9
                && name.substring(5, name.length() - 4).chars().allMatch(Character::isDigit);
    }

    /**
     * Deletes the temporary files an interrupted write left (a {@code kill -9} in the middle of a
     * write), anywhere under the root, without following links. Call it before a run that persists.
     * Returns how many were removed.
     */
    public int removeStaleTemporaryFiles() {
        int[] removed = {0};
        try {
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile() && isTemporary(p.getFileName().toString())) {
                        try {
                            Files.deleteIfExists(p);
                            removed[0]++;
                        } catch (IOException e) {
                            // left for next time
                        }
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort
        }
        return removed[0];
    }

    /** The number of hard links to a file (1 where the file system cannot say). */
    private static int links(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private boolean inside(Path path) {
        return path.normalize().startsWith(root);
    }
}
