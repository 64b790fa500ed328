package eyn.machine.disk.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * A disk image on the host: the only code that reads or writes image files. It reads blocks through
 * a small cache of 64 KiB segments and never writes in place: {@link #commit} writes the whole new
 * image to a temporary file beside it and renames it over the original, so a crash or a killed
 * session leaves either the old image or the new one, never a mix. Reads keep using the file as it
 * was opened (on Linux the renamed-over file stays readable through the open channel), which is
 * exactly the base the {@link BlockStore}'s overlay was made against.
 */
public final class ImageFile implements BlockSource, AutoCloseable {
    /** Larger images are refused: block numbers are u32 and the overlay's page table must stay small. */
    public static final long MAX_BYTES = 4L << 30;
    private static final int SEGMENT_BLOCKS = 128;
    private static final int SEGMENT = SEGMENT_BLOCKS * BLOCK;
    private static final int CACHED_SEGMENTS = 64;

    private final Path path;
    private final FileChannel channel;
    private final long bytes;
    private final WriterLock lock;
    /** Least recently used first; a full cache hands its eldest array to the next segment read. */
    private final LinkedHashMap<Long, byte[]> segments = new LinkedHashMap<>(CACHED_SEGMENTS * 2, 0.75f, true);

    private ImageFile(Path path, FileChannel channel, long bytes, WriterLock lock) {
        this.path = path;
        this.channel = channel;
        this.bytes = bytes;
        this.lock = lock;
    }

    /**
     * Opens an image. With {@code forWriting} the image is locked for this process: a second writer
     * (another {@code eyn run --persist}, a debug session) is refused with a message naming the lock.
     */
    /** What a drive makes of an opened image (it may fail with a reason). */
    public interface Mounter<D> {
        D mount(ImageFile image) throws eyn.machine.disk.DriveException;
    }

    /**
     * Opens an image and hands it to a drive; errors (no such file, locked by another writer, not a
     * file system the drive reads) say why in one line, and a failed mount closes the image again.
     */
    public static <D> D mount(Path file, boolean persist, Mounter<D> mounter) throws eyn.machine.disk.DriveException {
        ImageFile image;
        try {
            image = open(file, persist);
        } catch (IOException e) {
            throw new eyn.machine.disk.DriveException(eyn.machine.disk.DriveException.Kind.IO, "/", e.getMessage());
        }
        try {
            return mounter.mount(image);
        } catch (eyn.machine.disk.DriveException | RuntimeException e) {
            image.close();
            throw e;
        }
    }

    public static ImageFile open(Path file, boolean forWriting) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new IOException("no such image: " + file);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) throw new IOException("not a regular file: " + file);
        long size = Files.size(real);
        if (size > MAX_BYTES) throw new IOException("image larger than 4 GiB: " + file + " (" + size + " bytes)");
        if (size < BLOCK) throw new IOException("image smaller than one 512-byte block: " + file);
        WriterLock lock = forWriting ? WriterLock.acquire(real) : null;
        try {
            FileChannel ch = FileChannel.open(real, StandardOpenOption.READ);
            return new ImageFile(real, ch, size, lock);
        } catch (IOException e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public boolean writable() {
        return lock != null;
    }

    @Override
    public long blocks() {
        return bytes / BLOCK;
    }

    @Override
    public synchronized void read(long block, byte[] dst, int off) throws IOException {
        if (block < 0 || block >= blocks()) {
            Arrays.fill(dst, off, off + BLOCK, (byte) 0);
            return;
        }
        long seg = block / SEGMENT_BLOCKS;
        byte[] s = segments.get(seg);
        if (s == null) {
            s = loadSegment(seg);
            segments.put(seg, s);
        }
        System.arraycopy(s, (int) (block % SEGMENT_BLOCKS) * BLOCK, dst, off, BLOCK);
    }

    private byte[] loadSegment(long seg) throws IOException {
        byte[] s;
        if (segments.size() >= CACHED_SEGMENTS) {
            // a long sequential read would otherwise allocate its whole size again in segments
            var eldest = segments.entrySet().iterator();
            s = eldest.next().getValue();
            eldest.remove();
            java.util.Arrays.fill(s, (byte) 0);
        } else {
            s = new byte[SEGMENT];
        }
        ByteBuffer buf = ByteBuffer.wrap(s);
        long pos = seg * SEGMENT;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + buf.position());
            if (n < 0) break; // the file shrank under us: the rest reads as zeros
        }
        return s;
    }

    /**
     * Writes {@code store} (this image plus its changes) as the new image: a temporary file beside
     * the image, forced to disk, then renamed over it atomically.
     */
    public synchronized void commit(BlockStore store) throws IOException {
        if (lock == null) throw new IOException("image opened read-only: " + path);
        Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[SEGMENT * 16];
                long total = store.blocks();
                long block = 0;
                while (block < total) {
                    int n = (int) Math.min(buffer.length / BLOCK, total - block);
                    for (int i = 0; i < n; i++) store.read(block + i, buffer, i * BLOCK);
                    writeFully(out, ByteBuffer.wrap(buffer, 0, n * BLOCK), block * BLOCK);
                    block += n;
                }
                long tail = bytes - total * BLOCK; // a partial last block is kept as it was
                if (tail > 0) {
                    ByteBuffer t = ByteBuffer.allocate((int) tail);
                    channel.read(t, total * BLOCK);
                    t.flip();
                    writeFully(out, t, total * BLOCK);
                }
                out.force(true);
            }
            keepPermissions(temp);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The new image gets the old one's permissions (a temporary file starts private). */
    private void keepPermissions(Path temp) {
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(path));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the temporary file's defaults stay
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) pos += out.write(buf, pos);
    }

    /**
     * Writes a new image file from {@code store} (mkfs): a temporary file renamed into place, which
     * refuses to replace an existing file.
     */
    public static void create(Path file, BlockStore store) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IOException("no such folder: " + dir);
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) throw new IOException("exists already: " + file);
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] block = new byte[BLOCK];
                long total = store.blocks();
                for (long b = 0; b < total; b++) {
                    if (!store.isChanged(b)) continue; // untouched blocks stay holes: zeros
                    store.read(b, block, 0);
                    writeFully(out, ByteBuffer.wrap(block), b * BLOCK);
                }
                out.truncate(total * BLOCK);
                if (out.size() < total * BLOCK) writeFully(out, ByteBuffer.allocate(1), total * BLOCK - 1);
                out.force(true);
            }
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was pending: reads only
        }
        if (lock != null) lock.close();
    }
}
