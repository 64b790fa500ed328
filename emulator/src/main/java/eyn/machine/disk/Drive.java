package eyn.machine.disk;

import eyn.machine.files.ChunkedBytes;
import java.util.List;

/**
 * An emulated EYNFS drive. Paths are absolute and already normalised ({@link FsPath#resolve}).
 * Contents go in and out as {@link ChunkedBytes}: callers get a shared view and hand over one.
 * A later issue adds real EYNFS disk images behind the same interface.
 */
public interface Drive {
    record Entry(String name, boolean directory, int size) {}

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

    /** One line for humans: what backs this drive. */
    String describe();
}
