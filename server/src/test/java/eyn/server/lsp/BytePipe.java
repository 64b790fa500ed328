package eyn.server.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * An in-memory pipe for protocol tests. Unlike PipedInputStream it does not fail when the thread
 * that last wrote has ended (LSP4J writes from pool threads that come and go).
 */
public final class BytePipe {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private boolean closed;

    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0; // as InputStream says; readNBytes(int) asks for zero bytes at the end
            synchronized (BytePipe.this) {
                while ((current == null || pos >= current.length) && chunks.isEmpty()) {
                    if (closed) return -1;
                    try {
                        BytePipe.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted");
                    }
                }
                if (current == null || pos >= current.length) {
                    current = chunks.poll();
                    pos = 0;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (BytePipe.this) {
                if (closed) throw new IOException("pipe closed");
                byte[] copy = new byte[len];
                System.arraycopy(b, off, copy, 0, len);
                chunks.add(copy);
                BytePipe.this.notifyAll();
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
