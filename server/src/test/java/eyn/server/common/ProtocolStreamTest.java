package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import eyn.server.JsonRpcFrames;
import eyn.server.dap.DapCommand;
import eyn.server.lsp.BytePipe;
import eyn.server.lsp.LspCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both servers over raw byte streams: malformed headers, bodies of the wrong length and over-deep
 * bodies are logged and skipped, the reader resynchronises at the next header, and a stream with
 * no header to be found ends the server with a non-zero status and a reason on stderr. The
 * lifecycle is the spec's: -32002 before initialize, a second initialize refused, -32602 for
 * missing params.
 */
@org.junit.jupiter.api.Timeout(60)
class ProtocolStreamTest {
    /** A server's serve loop on in-memory pipes, with its log. */
    private static final class Raw implements AutoCloseable {
        final BytePipe up = new BytePipe();
        final BytePipe down = new BytePipe();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final CompletableFuture<Integer> status = new CompletableFuture<>();

        Raw(boolean dap) {
            Log l = new Log(new PrintStream(log, true));
            Thread t = new Thread(() -> {
                try {
                    status.complete(dap ? DapCommand.serve(up.in(), down.out(), l) : LspCommand.serve(up.in(), down.out(), l));
                } catch (Exception e) {
                    status.completeExceptionally(e);
                } finally {
                    down.close();
                }
            }, "test-raw-server");
            t.setDaemon(true);
            t.start();
        }

        OutputStream out() {
            return up.out();
        }

        InputStream in() {
            return down.in();
        }

        void bytes(String s) throws IOException {
            up.out().write(s.getBytes(StandardCharsets.UTF_8));
        }

        String log() {
            return log.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            up.close();
        }
    }

    private static String lsp(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    private static String dap(int seq, String command, String arguments) {
        return "{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\"" + (arguments == null ? "" : ",\"arguments\":" + arguments) + "}";
    }

    private static JsonObject dapResponse(InputStream in, int seq) throws IOException {
        while (true) {
            JsonObject m = JsonRpcFrames.read(in);
            if (m.get("type").getAsString().equals("response") && m.get("request_seq").getAsInt() == seq) return m;
        }
    }

    private static String deep(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    private static final String INIT = "{\"capabilities\":{}}";

    @Test
    void lspBadHeadersWrongLengthsAndDeepBodiesAreSkippedAndTheServerKeepsServing() throws Exception {
        try (Raw s = new Raw(false)) {
            var others = new ArrayList<JsonObject>();
            s.bytes("Content-Length: abc\r\n\r\n" + lsp(90, "initialize", INIT));
            JsonRpcFrames.send(s.out(), lsp(1, "initialize", INIT));
            assertTrue(JsonRpcFrames.response(s.in(), 1, others).getAsJsonObject("result").has("capabilities"));
            // a length shorter than the body: the frame is dropped, the tail is skipped up to the next header
            String shortened = lsp(91, "shutdown", null);
            s.bytes("Content-Length: 10\r\n\r\n" + shortened);
            JsonRpcFrames.send(s.out(), lsp(2, "workspace/symbol", "{\"query\":\"\"}"));
            assertTrue(JsonRpcFrames.response(s.in(), 2, others).has("result"));
            // nested far deeper than any real message
            JsonRpcFrames.send(s.out(), lsp(92, "workspace/symbol", "{\"query\":" + deep(5000) + "}"));
            s.bytes("garbage without any header\r\n\r\n");
            JsonRpcFrames.send(s.out(), lsp(3, "workspace/symbol", "{\"query\":\"\"}"));
            assertTrue(JsonRpcFrames.response(s.in(), 3, others).has("result"));
            for (JsonObject m : others) assertFalse(m.has("id") && m.get("id").getAsInt() >= 90, "dropped frames are not answered: " + m);
            String log = s.log();
            assertTrue(log.contains("ignored a bad header 'Content-Length: abc'"), log);
            assertTrue(log.contains("is nested deeper than 64 levels"), log);
            assertTrue(log.contains("holds more than one JSON value") || log.contains("cut short"), log);
            assertTrue(log.contains("not a header: 'garbage without any header'"), log);
            JsonRpcFrames.send(s.out(), lsp(4, "shutdown", null));
            JsonRpcFrames.response(s.in(), 4, others);
            JsonRpcFrames.send(s.out(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertEquals(0, s.status.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void lspGivesUpWithStatusOneWhenNoHeaderCanBeFound() throws Exception {
        try (Raw s = new Raw(false)) {
            JsonRpcFrames.send(s.out(), lsp(1, "initialize", INIT));
            JsonRpcFrames.response(s.in(), 1, new ArrayList<>());
            s.bytes("x".repeat(2 * FrameGuard.MAX_SKIP));
            assertEquals(1, s.status.get(20, TimeUnit.SECONDS));
            assertTrue(s.log().contains("[eyn fatal] eyn lsp: no Content-Length header in the last"), s.log());
        }
    }

    @Test
    void lspLifecycleAndMissingParams() throws Exception {
        try (Raw s = new Raw(false)) {
            var others = new ArrayList<JsonObject>();
            JsonRpcFrames.send(s.out(), lsp(1, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///a.eyn\"},\"position\":{\"line\":0,\"character\":0}}"));
            assertEquals(-32002, JsonRpcFrames.response(s.in(), 1, others).getAsJsonObject("error").get("code").getAsInt());
            JsonRpcFrames.send(s.out(), lsp(2, "initialize", INIT));
            assertTrue(JsonRpcFrames.response(s.in(), 2, others).has("result"));
            JsonRpcFrames.send(s.out(), lsp(3, "initialize", INIT));
            JsonObject again = JsonRpcFrames.response(s.in(), 3, others);
            assertEquals(-32600, again.getAsJsonObject("error").get("code").getAsInt(), again.toString());
            JsonRpcFrames.send(s.out(), lsp(4, "textDocument/hover", null));
            JsonObject missing = JsonRpcFrames.response(s.in(), 4, others).getAsJsonObject("error");
            assertEquals(-32602, missing.get("code").getAsInt(), missing.toString());
            assertTrue(missing.get("message").getAsString().contains("textDocument/hover needs its parameters"), missing.toString());
            JsonRpcFrames.send(s.out(), lsp(5, "textDocument/hover", "{\"position\":{\"line\":0,\"character\":0}}"));
            JsonObject partial = JsonRpcFrames.response(s.in(), 5, others);
            if (partial.has("error")) {
                assertEquals(-32602, partial.getAsJsonObject("error").get("code").getAsInt(), partial.toString());
                assertFalse(partial.getAsJsonObject("error").has("data"), partial.toString());
            }
            assertFalse(s.log().contains("\tat "), "no stack trace on stderr: " + s.log());
        }
    }

    @Test
    void dapResynchronisesAndKeepsTheLifecycle() throws Exception {
        try (Raw s = new Raw(true)) {
            JsonRpcFrames.send(s.out(), dap(1, "threads", null));
            JsonObject early = dapResponse(s.in(), 1);
            assertFalse(early.get("success").getAsBoolean());
            assertTrue(early.get("message").getAsString().contains("not initialized"), early.toString());
            s.bytes("Content-Length: -5\r\n\r\n");
            JsonRpcFrames.send(s.out(), dap(2, "initialize", "{\"adapterID\":\"eyn\"}"));
            assertTrue(dapResponse(s.in(), 2).get("success").getAsBoolean());
            JsonRpcFrames.send(s.out(), dap(3, "initialize", "{\"adapterID\":\"eyn\"}"));
            JsonObject again = dapResponse(s.in(), 3);
            assertFalse(again.get("success").getAsBoolean(), again.toString());
            JsonRpcFrames.send(s.out(), dap(4, "variables", null));
            JsonObject missing = dapResponse(s.in(), 4);
            assertFalse(missing.get("success").getAsBoolean());
            assertTrue(missing.get("message").getAsString().contains("variables needs its parameters"), missing.toString());
            JsonRpcFrames.send(s.out(), dap(5, "evaluate", "{\"expression\":" + deep(1000) + "}"));
            s.bytes("Content-Length: 5\r\n\r\n" + dap(6, "threads", null));
            JsonRpcFrames.send(s.out(), dap(7, "threads", null));
            JsonObject threads = dapResponse(s.in(), 7);
            assertTrue(threads.get("success").getAsBoolean(), threads.toString());
            String log = s.log();
            assertTrue(log.contains("nested deeper"), log);
            assertTrue(log.contains("Content-Length: -5"), log);
            assertFalse(log.contains("\tat "), log);
            JsonRpcFrames.send(s.out(), dap(8, "disconnect", null));
            dapResponse(s.in(), 8);
            assertEquals(0, s.status.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void dapGivesUpWithStatusOne() throws Exception {
        try (Raw s = new Raw(true)) {
            s.bytes("\u0000".repeat(2 * FrameGuard.MAX_SKIP));
            assertEquals(1, s.status.get(20, TimeUnit.SECONDS));
            assertTrue(s.log().contains("[eyn fatal] eyn dap: no Content-Length header"), s.log());
        }
    }

    @Test
    void theShapeCheck() {
        assertEquals(null, FrameGuard.JsonShape.check("{\"a\":[1,{\"b\":\"]]]\\\"\"}]}".getBytes(StandardCharsets.UTF_8), 3));
        assertTrue(FrameGuard.JsonShape.check("{\"a\":[[[]]]}".getBytes(StandardCharsets.UTF_8), 3).contains("deeper"));
        assertTrue(FrameGuard.JsonShape.check("{\"a\":".getBytes(StandardCharsets.UTF_8), 3).contains("cut short"));
        assertTrue(FrameGuard.JsonShape.check("{}{}".getBytes(StandardCharsets.UTF_8), 3).contains("more than one"));
        assertTrue(FrameGuard.JsonShape.check("  ".getBytes(StandardCharsets.UTF_8), 3).contains("empty"));
    }
}
