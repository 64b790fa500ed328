package eyn.server.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Remembers that the output failed (a reader such as {@code head} went away), which a
 * {@link java.io.PrintStream} would otherwise swallow, so that {@code eyn run} stops at once.
 */
final class BrokenPipeWatch extends FilterOutputStream {
    private volatile boolean broken;

    BrokenPipeWatch(OutputStream out) {
        super(out);
    }

    boolean broken() {
        return broken;
    }

    /** System.out is a PrintStream, which keeps its errors to itself until asked. */
    private void check() {
        if (out instanceof java.io.PrintStream ps && ps.checkError()) broken = true;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
            check();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
            check();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
            check();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }
}
