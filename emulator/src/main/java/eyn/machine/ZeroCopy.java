package eyn.machine;

import eyn.machine.disk.DriveException;
import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.FdTable;
import eyn.machine.files.Mode;
import eyn.machine.files.OpenFile;

/**
 * Zero-copy file operations on the machine's fd table. Errors are thrown with EYN-OS's error line;
 * progress lines that EYN-OS prints along the way go to the console as it goes.
 */
public final class ZeroCopy {
    private final Machine machine;

    ZeroCopy(Machine machine) {
        this.machine = machine;
    }

    private FdTable fds() {
        return machine.fds();
    }

    /** zopen: the trace lines EYN-OS prints, then the handle; the file is shared, not copied. */
    public OpenFile open(String typed, String abs, Mode mode) throws MachineError {
        Console out = machine.console();
        boolean faithful = machine.faithful();
        out.ok("[ZERO-COPY] Opening file: " + typed + " (flags: " + mode.flags() + ")");
        // EYN-OS never reuses an fd and counts every open since boot against the limit (Z2)
        int fd = faithful ? fds().nextNeverReused() : fds().lowestFree();
        if (fd < 0) throw new MachineError("[ZERO-COPY] Error: Too many zero-copy files open (limit: " + fds().limit() + ")");
        out.ok("[ZERO-COPY] Using drive: " + machine.currentDriveNumber());
        out.ok("[ZERO-COPY] Filesystem read successfully");
        out.ok("[ZERO-COPY] Looking for file: " + abs);
        var entry = machine.drive().stat(abs);
        if (entry != null && entry.directory()) {
            out.ok("[ZERO-COPY] File found, size: 0 bytes");
            throw new MachineError("[ZERO-COPY] Error: Not a file: " + abs);
        }
        ChunkedBytes content = machine.fileForView(abs, "[ZERO-COPY] ", "Error: Failed to read file for zero-copy",
                "Error: Out of memory for zero-copy mapping");
        out.ok("[ZERO-COPY] File found, size: " + content.length() + " bytes");
        out.ok("[ZERO-COPY] Allocating " + content.length() + " bytes for file mapping");
        // EYN-OS copies the whole file into one heap block (Z1): faithful mode allocates that block, and so
        // inherits the allocator's limits (an empty file, a file over 75 % of the heap)
        Machine.View view = machine.allocateView(faithful ? content.length() : Machine.FD_HANDLE_SIZE, content.length(),
                "[ZERO-COPY] Error: Out of memory for zero-copy mapping");
        out.ok("[ZERO-COPY] Memory allocated successfully at " + (faithful ? "" : hex(view.window())));
        out.ok("[ZERO-COPY] Reading file into memory...");
        OpenFile file = new OpenFile(fd, machine.currentDriveNumber(), abs, mode, view.descriptor(), content);
        file.window = view.window();
        file.windowSpan = view.span();
        fds().install(file);
        out.ok("[ZERO-COPY] File read successfully (" + content.length() + " bytes)");
        out.ok("[ZERO-COPY] File opened successfully with fd: " + fd);
        return file;
    }

    /** The open file behind an fd, or the "Invalid file descriptor" error. */
    public OpenFile file(long fd) throws MachineError {
        OpenFile f = fd > Integer.MAX_VALUE ? null : fds().get((int) fd);
        if (f != null && f.closed && !machine.faithful()) f = null;
        if (f == null) throw new MachineError("Error: Invalid file descriptor: " + fd);
        return f;
    }

    /** zread: up to {@code count} bytes from the offset, through a heap buffer of the size read. */
    public byte[] read(long fd, long count) throws MachineError {
        OpenFile f = file(fd);
        if (machine.faithful()) return readFaithfully(f, count);
        if (!f.mode.readable()) throw new MachineError("Error: File not opened for reading");
        if (count == 0) throw new MachineError("Error: Count must be greater than 0");
        int n = (int) Math.min(count, f.size() - f.offset);
        if (n <= 0) throw new MachineError("Error: End of file on fd " + fd);
        int buffer = machine.allocate(n + 1);
        if (buffer == 0) throw new MachineError("Error: Out of memory for read buffer");
        byte[] data = f.content.read(f.offset, n);
        machine.noteRead(f.window + f.offset, n);
        machine.fillBuffer(buffer, data, n);
        machine.free(buffer);
        f.offset += n;
        f.accesses++;
        fds().countOperation();
        return data;
    }

    /**
     * EYN-OS's read: any open mode reads (Z4), a closed fd is "not opened for reading" (Z3); at the end of the
     * file nothing is counted and 0 bytes come back; a count of 0 elsewhere counts as an access (Z13).
     */
    private byte[] readFaithfully(OpenFile f, long count) throws MachineError {
        if (f.closed) throw new MachineError("Error: File not opened for reading");
        if (count > f.size() - f.offset) count = Math.max(0, f.size() - f.offset);
        if (f.offset >= f.size()) return new byte[0];
        int n = (int) Math.min(count, f.size() - f.offset);
        byte[] data = f.content.read(f.offset, n);
        machine.noteRead(f.window + f.offset, n);
        f.offset += n;
        f.accesses++;
        fds().countOperation();
        return data;
    }

    /** EYN-OS's write: any open mode writes (Z4), nothing past the end of the file (Z7); changes stay in memory. */
    private int writeFaithfully(OpenFile f, byte[] data) throws MachineError {
        if (f.closed) throw new MachineError("Error: File not opened for writing");
        if ((long) f.offset + data.length > f.size()) throw new MachineError("Error: Cannot extend file size in zero-copy mode");
        machine.reserve(f.content.writeCost(f.offset, data.length), OUT_OF_MEMORY_EXTENSION);
        f.content.write(f.offset, data, 0, data.length);
        f.offset += data.length;
        f.accesses++;
        f.dirty = true;
        fds().countOperation();
        return data.length;
    }

    /** zwrite: the data at the offset, growing the file when it runs past the end. */
    public int write(long fd, byte[] data) throws MachineError {
        OpenFile f = file(fd);
        if (machine.faithful()) return writeFaithfully(f, data);
        if (!f.mode.writable()) throw new MachineError("Error: File not opened for writing");
        if ((long) f.offset + data.length > Integer.MAX_VALUE) throw new MachineError("Error: Write size overflow");
        checkGrowth(f, (long) f.offset + data.length);
        machine.reserve(f.content.writeCost(f.offset, data.length), OUT_OF_MEMORY_EXTENSION);
        int buffer = machine.allocate(Math.max(1, data.length));
        if (buffer == 0) throw new MachineError("Error: Out of memory for write buffer");
        machine.fillBuffer(buffer, data, data.length);
        machine.free(buffer);
        f.content.write(f.offset, data, 0, data.length);
        f.offset += data.length;
        f.dirty = true;
        f.accesses++;
        fds().countOperation();
        fitWindow(f);
        return data.length;
    }

    public int seek(long fd, long offset, Whence whence) throws MachineError {
        OpenFile f = file(fd);
        long base = switch (whence) {
            case SET -> 0;
            case CUR -> f.offset;
            case END -> f.size();
        };
        long target = base + offset;
        // EYN-OS computes the offset in 32 unsigned bits: a negative one wraps past the end (Z14)
        if (machine.faithful()) target &= 0xFFFFFFFFL;
        if (target < 0) throw new MachineError("Error: Seek before start of file");
        if (target > f.size()) throw new MachineError("Error: Seek beyond end of file");
        f.offset = (int) target;
        return f.offset;
    }

    /** zsplice/ztee: moves bytes by sharing chunks. Tee leaves the input offset where it was. */
    public int transfer(long in, long out, long count, boolean tee) throws MachineError {
        OpenFile src = in > Integer.MAX_VALUE ? null : fds().get((int) in);
        OpenFile dst = out > Integer.MAX_VALUE ? null : fds().get((int) out);
        if (src == null || dst == null || (!machine.faithful() && (src.closed || dst.closed))) {
            throw new MachineError("Error: Invalid file descriptors");
        }
        if (machine.faithful()) return transferFaithfully(src, dst, count, tee);
        if (src == dst) throw new MachineError("Error: fd_in and fd_out must differ");
        if (!src.mode.readable()) throw new MachineError("Error: File not opened for reading");
        if (!dst.mode.writable()) throw new MachineError("Error: File not opened for writing");
        if (count == 0) throw new MachineError("Error: Count must be greater than 0");
        int n = (int) Math.min(count, src.size() - src.offset);
        if (n <= 0) throw new MachineError("Error: End of file on fd " + in);
        if ((long) dst.offset + n > Integer.MAX_VALUE) throw new MachineError("Error: Write size overflow");
        checkGrowth(dst, (long) dst.offset + n);
        machine.reserve(dst.content.transferCost(src.content, src.offset, dst.offset, n), OUT_OF_MEMORY_EXTENSION);
        machine.noteRead(src.window + src.offset, n);
        dst.content.transferFrom(src.content, src.offset, dst.offset, n);
        if (!tee) src.offset += n;
        dst.offset += n;
        dst.dirty = true;
        fds().countOperation();
        fitWindow(dst);
        return n;
    }

    /**
     * EYN-OS's splice and tee: no mode checks, never past the end of either file (Z8), an fd may be spliced into
     * itself (Z9: both offsets are the same one, so it moves twice); nothing to move is a silent failure.
     */
    private int transferFaithfully(OpenFile src, OpenFile dst, long count, boolean tee) throws MachineError {
        long n = Math.min(count, Math.min(src.size() - src.offset, dst.size() - dst.offset));
        // EYN-OS counts the operation even when nothing moves, and then reports the failure
        fds().countOperation();
        if (n <= 0) throw new MachineError(null);
        machine.reserve(n + dst.content.writeCost(dst.offset, n), OUT_OF_MEMORY_EXTENSION);
        byte[] data = src.content.read(src.offset, (int) n);
        dst.content.write(dst.offset, data, 0, data.length);
        if (!tee) src.offset += (int) n;
        dst.offset += (int) n;
        dst.dirty = true;
        return (int) n;
    }

    /** zclose: writes a dirty writable fd back to its drive, then frees the handle. */
    public boolean close(long fd) {
        try {
            closeOrThrow(fd);
            return true;
        } catch (MachineError e) {
            return false;
        }
    }

    public void closeOrThrow(long fd) throws MachineError {
        OpenFile f = file(fd);
        if (machine.faithful()) {
            // EYN-OS frees the copy, discards the changes (Z7) and leaves a closed handle that stays valid (Z3)
            if (!f.closed) {
                machine.free(f.handleAddress);
                machine.windows().release(f.window);
            }
            fds().clear(f.fd);
            return;
        }
        String failure = null;
        if (f.dirty && f.mode.writable()) {
            try {
                machine.writeBack(f.drive, f.path, f.content);
            } catch (DriveException e) {
                failure = "[ZERO-COPY] Error: Write-back failed (" + f.path + ": " + e.getMessage() + ")";
            }
        }
        machine.free(f.handleAddress);
        machine.windows().release(f.window);
        fds().remove(f.fd);
        if (failure != null) throw new MachineError(failure);
    }

    /** A file may not grow past the machine's limit (its RAM by default): refuse before any byte moves. */
    private void checkGrowth(OpenFile f, long end) throws MachineError {
        long limit = machine.config().maxFileBytes();
        if (end > f.size() && end > limit) {
            throw new MachineError("Error: File too large: fd " + f.fd + " would grow to " + end + " bytes (limit " + limit + ")");
        }
    }

    private void fitWindow(OpenFile f) {
        if (f.size() <= f.windowSpan) return;
        machine.windows().release(f.window);
        long span = WindowSpace.spanFor(f.size());
        long moved = machine.windows().reserve(span);
        f.window = moved < 0 ? 0 : moved;
        f.windowSpan = moved < 0 ? 0 : span;
    }

    /** What a write, splice or tee refused by the host memory budget prints after the {@code [MEMORY]} line (EYN-OS's words for a failed growth). */
    public static final String OUT_OF_MEMORY_EXTENSION = "Error: Out of memory for file extension";

    public static String hex(long address) {
        return String.format("0x%08X", address);
    }
}
