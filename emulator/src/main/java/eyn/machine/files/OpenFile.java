package eyn.machine.files;

/**
 * One zero-copy file handle. Its bytes are a copy-on-write view of the file as it was at open time;
 * {@code handleAddress} is the handle's block in the emulated heap and {@code window} where the
 * data appears in the emulated address space.
 */
public final class OpenFile {
    public final int fd;
    public final int drive;
    public final String path;
    public final Mode mode;
    public final int handleAddress;
    public final ChunkedBytes content;
    public int offset;
    public boolean dirty;
    public int accesses;
    public long window;
    public long windowSpan;
    /** A closed handle that EYN-OS still finds valid (faithful mode): flags 0, size 0, no data. */
    public boolean closed;

    /** The handle EYN-OS leaves behind when an fd is closed. */
    public static OpenFile closed(int fd) {
        OpenFile f = new OpenFile(fd, 0, "", null, 0, ChunkedBytes.empty());
        f.closed = true;
        return f;
    }

    public OpenFile(int fd, int drive, String path, Mode mode, int handleAddress, ChunkedBytes content) {
        this.fd = fd;
        this.drive = drive;
        this.path = path;
        this.mode = mode;
        this.handleAddress = handleAddress;
        this.content = content;
    }

    public int size() {
        return content.length();
    }

    OpenFile copy() {
        OpenFile f = new OpenFile(fd, drive, path, mode, handleAddress, content.share());
        f.offset = offset;
        f.dirty = dirty;
        f.accesses = accesses;
        f.window = window;
        f.windowSpan = windowSpan;
        f.closed = closed;
        return f;
    }
}
