package eyn.bench;

import eyn.interpreter.OutputSink;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;

/** Shared pieces of the benchmarks: a sink that drops output and file contents built chunk by chunk. */
final class BenchSupport {
    static final int MIB = 1024 * 1024;

    /** Drops everything, like a terminal nobody looks at. */
    static final OutputSink DISCARD = (color, text, where) -> { };

    private BenchSupport() {}

    /**
     * {@code size} bytes of a fixed pattern, written one chunk at a time so that no array of the
     * whole size is ever needed.
     */
    static ChunkedBytes patterned(int size, int seed) {
        ChunkedBytes content = ChunkedBytes.empty();
        byte[] chunk = new byte[ChunkedBytes.CHUNK];
        for (int pos = 0; pos < size; pos += chunk.length) {
            int n = Math.min(chunk.length, size - pos);
            for (int i = 0; i < n; i++) chunk[i] = (byte) ((pos + i) * 31 + seed);
            content.write(pos, chunk, 0, n);
        }
        return content;
    }

    static void write(TreeDrive drive, String path, ChunkedBytes content) {
        try {
            drive.write(path, content);
        } catch (DriveException e) {
            throw new IllegalStateException("cannot write " + path, e);
        }
    }
}
