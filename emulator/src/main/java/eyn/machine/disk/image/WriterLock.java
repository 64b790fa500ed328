package eyn.machine.disk.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per image. The lock is an OS file lock on a file beside the image, not on the image
 * itself: a commit renames a new file over the image, and a lock on the old file would no longer
 * guard the new one. The OS drops the lock when the process dies, so a killed session never leaves
 * the image locked.
 */
final class WriterLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path image) {
        return image.resolveSibling("." + image.getFileName() + ".eyn-lock");
    }

    static WriterLock acquire(Path image) throws IOException {
        Path file = lockFileOf(image);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this process holds it already (a second drive over the same image)
        }
        if (lock == null) {
            ch.close();
            throw new IOException("image is already open for writing by another session: " + image
                    + " (lock " + file.getFileName() + "); open it without --persist or close the other session");
        }
        return new WriterLock(file, ch, lock);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file); // while still locked, so no other writer holds this file
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
