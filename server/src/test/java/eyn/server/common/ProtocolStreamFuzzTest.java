package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import eyn.server.dap.DapCommand;
import eyn.server.lsp.BytePipe;
import eyn.server.lsp.LspCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Raw byte streams, headers included, into both servers: after an initialize frame, any bytes, then
 * the input closes. The server must end (never linger), everything it wrote must be well-formed
 * frames, and no error it sends may carry a Java stack trace.
 */
class ProtocolStreamFuzzTest {
    private static final byte[] LSP_INIT = frame("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    private static final byte[] DAP_INIT = frame("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"eyn\"}}");

    private static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + b.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(b, 0, all, header.length, b.length);
        return all;
    }

    @FuzzTest(maxDuration = "10m")
    void lsp(byte[] data) throws Exception {
        drive(false, data);
    }

    @FuzzTest(maxDuration = "10m")
    void dap(byte[] data) throws Exception {
        drive(true, data);
    }

    /** A line of a Java stack trace, as JSON escapes it. */
    private static final java.util.regex.Pattern JAVA_FRAME = java.util.regex.Pattern.compile("\\\\n\\\\tat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private static int indexOf(byte[] a, byte[] key, int from) {
        outer:
        for (int i = from; i <= a.length - key.length; i++) {
            for (int j = 0; j < key.length; j++) if (a[i + j] != key[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Exceptions that escaped a server thread (the JVM would print their stack trace on stderr). */
    private static final java.util.List<String> UNCAUGHT = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    static {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith("eyn-")) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                UNCAUGHT.add("uncaught in " + thread.getName() + ": " + trace);
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
    }

    private static void assertNothingUncaught() {
        synchronized (UNCAUGHT) {
            String all = String.join("\n", UNCAUGHT);
            UNCAUGHT.clear();
            assertTrue(all.isEmpty(), all);
        }
    }

    private static void drive(boolean dap, byte[] data) throws Exception {
        assertNothingUncaught(); // (one that escaped after the previous input ended is reported here)
        BytePipe up = new BytePipe();
        BytePipe down = new BytePipe();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log l = new Log(new PrintStream(log, true));
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                status.complete(dap ? DapCommand.serve(up.in(), down.out(), l) : LspCommand.serve(up.in(), down.out(), l));
            } catch (Throwable e) {
                status.completeExceptionally(e);
            } finally {
                down.close();
            }
        }, "fuzz-server");
        t.setDaemon(true);
        t.start();
        up.out().write(dap ? DAP_INIT : LSP_INIT);
        up.out().write(data);
        up.close();
        assertNotNull(status.get(30, TimeUnit.SECONDS), "the server ends when its input closes");
        // every byte written is part of a frame; only the last one may be cut, by the end of the session
        // (a response still being written when the input closed and the server stopped)
        byte[] out = down.in().readAllBytes();
        int pos = 0;
        while (pos < out.length) {
            int end = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            String header = new String(out, pos, (end < 0 ? out.length : end) - pos, StandardCharsets.US_ASCII);
            assertTrue(header.startsWith("Content-Length: ") || (end < 0 && "Content-Length: ".startsWith(header)),
                    "not a protocol frame: " + header);
            if (end < 0) break;
            int length = Integer.parseInt(header.substring(16).trim());
            int body = end + 4;
            if (body + length > out.length) break;
            JsonObject m = JsonParser.parseString(new String(out, body, length, StandardCharsets.UTF_8)).getAsJsonObject();
            // no error carries a Java stack trace, and nothing the server reports is an internal error
            assertFalse(JAVA_FRAME.matcher(m.toString()).find(), "no stack trace: " + m);
            assertFalse(m.has("message") && m.get("message").isJsonPrimitive() && m.get("message").getAsString().startsWith("Internal error"), m.toString());
            pos = body + length;
        }
        // the log escapes control characters of the input it quotes, so a newline and a tab come from a real trace
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("\n\tat "), log.toString(StandardCharsets.UTF_8));
        // no server thread ended with an exception the JVM would print with its stack trace
        assertNothingUncaught();
    }
}
