package eyn.server.common;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the client's raw byte stream in place of LSP4J's reader, which gives up for good on one bad
 * header or one body nested too deeply. It reads the {@code Content-Length} framing itself and hands
 * on ({@link FrameMessageProducer}) only the bodies of well-formed frames, each one JSON value nested at
 * most {@link #MAX_DEPTH} levels.
 * A malformed header, a body that is not one balanced JSON value (a length shorter or longer than the
 * body) or an over-deep body is logged and dropped, and reading resynchronises at the next
 * {@code Content-Length} header. When no header can be found in {@link #MAX_SKIP} bytes, it gives up:
 * {@link #failure()} says why and the stream ends, so the server exits with a non-zero status.
 */
public final class FrameGuard {
    /** The deepest nesting of arrays and objects a message body may have. */
    public static final int MAX_DEPTH = 64;
    /** The largest body accepted (an editor's 16 MB document, escaped, fits). */
    public static final int MAX_BODY = 64 << 20;
    /** Bytes of garbage skipped while looking for the next header before giving up. */
    public static final int MAX_SKIP = 1 << 20;
    private static final int MAX_LINE = 8192;
    private static final byte[] KEY = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final InputStream raw;
    private final Log log;
    private final String name;
    private boolean ended;
    private volatile String failure;
    /** A header line found inside garbage, to be parsed before reading further. */
    private String pendingLine;

    public FrameGuard(InputStream raw, Log log, String name) {
        // the headers are read a byte at a time: from a socket (eyn lsp --port) each would be a system call
        this.raw = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
        this.log = log;
        this.name = name;
    }

    /** Why the guard gave up on the stream, or null when it ended normally (or has not ended). */
    public String failure() {
        return failure;
    }

    /**
     * The body of the next well-formed frame, or null at the end of the input (or when the guard gave up,
     * see {@link #failure()}). Called by one thread, the reader's.
     */
    public byte[] nextBody() throws IOException {
        if (ended) return null;
        byte[] body = nextFrame();
        ended = body == null;
        return body;
    }

    /** The body of the next well-formed frame; null at the end of the input. */
    private byte[] nextFrame() throws IOException {
        while (true) {
            long length = -1;
            boolean sawHeader = false;
            boolean resync = false;
            while (true) {
                String line = pendingLine != null ? pendingLine : readLine();
                pendingLine = null;
                if (line == null) return null;
                if (line.isEmpty()) {
                    if (length >= 0) break;
                    if (!sawHeader) continue; // blank lines between frames
                    dropped("a header without Content-Length");
                    resync = true;
                    break;
                }
                int colon = line.indexOf(':');
                String key = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
                if (key.equals("content-length")) {
                    String value = line.substring(colon + 1).trim();
                    length = parseLength(value);
                    if (length < 0) {
                        dropped("a bad header 'Content-Length: " + printable(value) + "'");
                        resync = true;
                        break;
                    }
                    if (length > MAX_BODY) {
                        dropped("a message of " + length + " bytes (the limit is " + MAX_BODY + ")");
                        resync = true;
                        break;
                    }
                    sawHeader = true;
                } else if (colon > 0 && key.matches("[a-z0-9-]+")) {
                    sawHeader = true; // Content-Type and other headers are accepted and ignored
                } else {
                    int at = indexOfKey(line);
                    dropped("bytes that are not a header: '" + printable(at > 0 ? line.substring(0, at) : line) + "'");
                    if (at > 0) pendingLine = line.substring(at);
                    resync = true;
                    break;
                }
            }
            if (resync) {
                if (pendingLine == null && !skipToHeader()) return null;
                continue;
            }
            byte[] body = new byte[(int) length];
            // readNBytes(byte[], int, int) never asks the stream for zero bytes, which some pipes block on
            if (raw.readNBytes(body, 0, body.length) < length) return null; // the input ended in the middle of a body
            String problem = JsonShape.check(body, MAX_DEPTH);
            if (problem != null) {
                dropped("a message whose body " + problem);
                continue;
            }
            return body;
        }
    }

    private void dropped(String what) {
        log.error(name + ": ignored " + what + "; reading on from the next Content-Length header");
    }

    /** Reads raw bytes until "Content-Length:" (any case); false when the input ends or the limit is reached. */
    private boolean skipToHeader() throws IOException {
        int matched = 0;
        for (long skipped = 0; skipped < MAX_SKIP; skipped++) {
            int c = raw.read();
            if (c < 0) return false;
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == KEY[matched]) {
                matched++;
                if (matched == KEY.length) {
                    String rest = readLine();
                    if (rest == null) return false;
                    pendingLine = "Content-Length:" + rest;
                    return true;
                }
            } else {
                matched = lower == KEY[0] ? 1 : 0;
            }
        }
        failure = name + ": no Content-Length header in the last " + MAX_SKIP + " bytes of input; giving up";
        return false;
    }

    /** One header line without its CR LF, null at the end of the input; an over-long line is cut. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = raw.read();
            if (c < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            if (c == '\n') break;
            line.write(c);
            if (line.size() >= MAX_LINE) break;
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int indexOfKey(String line) {
        return line.toLowerCase(Locale.ROOT).indexOf("content-length:");
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 12) return -1;
        for (int i = 0; i < value.length(); i++) if (value.charAt(i) < '0' || value.charAt(i) > '9') return -1;
        return Long.parseLong(value);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) b.append(c);
            else b.append(String.format("\\x%02x", (int) c & 0xFF));
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }

    /** A scan of a JSON text's shape: balanced, one value, not too deep. Not a full validation. */
    static final class JsonShape {
        private JsonShape() {}

        /** Null when the body is one balanced JSON value at most {@code maxDepth} deep; else what is wrong. */
        static String check(byte[] body, int maxDepth) {
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            boolean started = false;
            boolean closed = false;
            for (byte x : body) {
                int c = x & 0xFF;
                if (inString) {
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') {
                        inString = false;
                        if (depth == 0) closed = true;
                    }
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
                if (closed) return "holds more than one JSON value (is its Content-Length right?)";
                started = true;
                switch (c) {
                    case '{', '[' -> {
                        if (++depth > maxDepth) return "is nested deeper than " + maxDepth + " levels";
                    }
                    case '}', ']' -> {
                        if (--depth < 0) return "is not balanced JSON";
                        if (depth == 0) closed = true;
                    }
                    case '"' -> inString = true;
                    default -> {
                        if (depth == 0) return "is not a JSON object";
                    }
                }
            }
            if (!started) return "is empty";
            if (inString || depth > 0) return "is cut short (is its Content-Length right?)";
            return null;
        }
    }
}
