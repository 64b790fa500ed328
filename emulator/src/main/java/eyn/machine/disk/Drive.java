package eyn.machine.disk;

import eyn.machine.files.ChunkedBytes;
import java.util.List;

/**
 * An emulated EYNFS drive. Paths are absolute and already normalised ({@link FsPath#resolve}).
 * Contents go in and out as {@link ChunkedBytes}: callers get a shared view and hand over one.
 * Behind it: {@link TreeDrive} (memory or a host folder) and {@code eynfs.EynfsDrive} (a disk image).
 */
public interface Drive {
    record Entry(String name, boolean directory, int size) {}

    /** Something fscheck found; {@code corrupt} ones mean the file system cannot be trusted. */
    record Problem(boolean corrupt, String message) {}

    /** Null when nothing is at the path. */
    Entry stat(String path);

    List<Entry> list(String dir) throws DriveException;

    ChunkedBytes read(String file) throws DriveException;

    /** Creates or replaces a file; its directory must exist. */
    void write(String file, ChunkedBytes content) throws DriveException;

    void makeDirectory(String dir) throws DriveException;

    void deleteFile(String file) throws DriveException;

    void deleteDirectory(String dir) throws DriveException;

    /** An independent copy for snapshots; cheap because contents are shared copy-on-write. */
    Drive copy();

    /** Reports what a copy of this drive holds (file contents and image blocks are shared between copies). */
    default void footprint(eyn.machine.Footprint f) {
        f.own(4096);
    }

    /** One line for humans: what backs this drive. */
    String describe();

    /** fscheck: what is wrong with the file system; a tree in memory or a folder has nothing to check. */
    default List<Problem> check() throws DriveException {
        list("/");
        return List.of();
    }

    /** Adds the host memory this drive holds (loaded files, changed blocks) to a measurement of its machine. */
    default void measure(eyn.machine.memory.MemoryMeter meter) {}

    /**
     * The budget that loads and writes of this drive ask before they hold more host memory; a refused
     * one fails with {@link DriveException.Kind#OUT_OF_MEMORY}. Copies (snapshots) keep it.
     */
    default void attach(eyn.machine.memory.MemoryBudget budget) {}

    /** At most how much more host memory {@link #read} of this file holds (0 when its contents are in memory already). */
    default long readCost(String file) {
        Entry e = stat(file);
        return e == null || e.directory() ? 0 : e.size();
    }

    /** Makes pending changes durable where the drive keeps them elsewhere (an image written on flush). */
    default void flush() throws DriveException {}

    /** Releases what the drive holds on the host (an image's writer lock). */
    default void close() {}
}
