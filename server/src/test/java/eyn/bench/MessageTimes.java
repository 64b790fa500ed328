package eyn.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a server's output on the client's behalf and notes when each JSON-RPC message began and
 * finished arriving, so that a slow round can be split into the server's time to its first byte and
 * the time the message took to arrive and be read (LSP4J's reader parses as it reads, so the second
 * part is mostly the client's own parsing). Kept to the last message: the benchmark asks right after
 * a round.
 */
final class MessageTimes extends FilterInputStream {
    private final StringBuilder header = new StringBuilder();
    private int remaining = -1;
    private long firstByte;
    private volatile long lastFirstByte;
    private volatile long lastLastByte;
    private volatile int lastSize;

    MessageTimes(InputStream in) {
        super(in);
    }

    /** When the last complete message began arriving (System.nanoTime()). */
    long lastFirstByte() {
        return lastFirstByte;
    }

    /** When the last complete message's last byte arrived. */
    long lastLastByte() {
        return lastLastByte;
    }

    /** The last complete message's content length in bytes. */
    int lastSize() {
        return lastSize;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0) note(new byte[] {(byte) c}, 0, 1);
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) note(b, off, n);
        return n;
    }

    private void note(byte[] b, int off, int n) {
        long now = System.nanoTime();
        int i = off;
        int end = off + n;
        while (i < end) {
            if (remaining < 0) {
                if (header.length() == 0) firstByte = now;
                header.append((char) (b[i++] & 0xff));
                if (header.length() >= 4 && header.lastIndexOf("\r\n\r\n") == header.length() - 4) {
                    remaining = contentLength(header.toString());
                    lastSize = remaining;
                    header.setLength(0);
                    if (remaining == 0) finish(now);
                }
            } else {
                int take = Math.min(remaining, end - i);
                i += take;
                remaining -= take;
                if (remaining == 0) finish(now);
            }
        }
    }

    private void finish(long now) {
        lastFirstByte = firstByte;
        lastLastByte = now;
        remaining = -1;
    }

    private static int contentLength(String header) {
        for (String line : header.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) return Integer.parseInt(line.substring(15).trim());
        }
        return 0;
    }
}
