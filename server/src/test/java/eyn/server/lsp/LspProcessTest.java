package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import eyn.server.JsonRpcFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code eyn lsp} process on stdio, driven with raw bytes as an editor would. */
class LspProcessTest {
    @TempDir
    Path root;

    static Process start() throws IOException {
        // --stdio as vscode-languageclient passes it
        return JsonRpcFrames.start("lsp", "--stdio", "--trace", "verbose");
    }

    static void send(OutputStream out, String json) throws IOException {
        JsonRpcFrames.send(out, json);
    }

    static JsonObject response(InputStream in, int id, List<JsonObject> others) throws IOException {
        return JsonRpcFrames.response(in, id, others);
    }

    private static boolean isDiagnostics(JsonObject m) {
        return m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics");
    }

    @Test
    void malformedInputIsAnsweredOrLoggedAndTheServerKeepsServing() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        Process p = start();
        try {
            OutputStream out = p.getOutputStream();
            InputStream in = p.getInputStream();
            List<JsonObject> others = new ArrayList<>();
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":" + sleeper.pid()
                    + ",\"rootUri\":\"" + root.toUri() + "\",\"capabilities\":{}}}");
            assertTrue(response(in, 1, others).getAsJsonObject("result").has("capabilities"));
            send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            send(out, "{this is not json");
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"bogus\":true}}");
            JsonObject bad = response(in, 2, others);
            assertTrue(bad.has("error") || bad.get("result").isJsonNull(), bad.toString());
            if (bad.has("error")) assertTrue(!bad.getAsJsonObject("error").has("data"), "no stack trace: " + bad);
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/noSuchMethod\",\"params\":{}}");
            JsonObject unknown = response(in, 3, others);
            assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());
            send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                    + root.resolve("x.eyn").toUri() + "\",\"languageId\":\"eyn\",\"version\":1,\"text\":\"zopne a\\n\"}}}");
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                    + root.resolve("x.eyn").toUri() + "\"},\"position\":{\"line\":0,\"character\":1}}}");
            response(in, 4, others);
            // the hover does not wait for the analysis: its diagnostics may follow the answer
            for (int read = 0; read < 20 && others.stream().noneMatch(LspProcessTest::isDiagnostics); read++) {
                others.add(eyn.server.JsonRpcFrames.read(in));
            }
            assertTrue(others.stream().anyMatch(m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")),
                    others.toString());

            // the client dies: the server notices and exits on its own
            sleeper.destroy();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "eyn lsp must exit when the client process dies");
        } finally {
            p.destroyForcibly();
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theServerExitsWhenStdinCloses() throws Exception {
        Process p = start();
        try {
            send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            response(p.getInputStream(), 1, new ArrayList<>());
            p.getOutputStream().close();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "eyn lsp must exit when its input closes");
            assertEquals(1, p.exitValue(), "no shutdown was received");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void shutdownThenExitEndsWithStatusZero() throws Exception {
        Process p = start();
        try {
            OutputStream out = p.getOutputStream();
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            response(p.getInputStream(), 1, new ArrayList<>());
            send(out, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            response(p.getInputStream(), 2, new ArrayList<>());
            send(out, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(p.waitFor(15, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.contains("[eyn info] initialize"), err);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aClientCanConnectOverALoopbackPort() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "eyn.server.Main", "lsp", "--port", "0").start();
        try {
            var err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assertTrue(line != null && line.startsWith("eyn lsp: listening on 127.0.0.1:"), String.valueOf(line));
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            String token = err.readLine().split(" ")[3];
            try (java.net.Socket missing = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                send(missing.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
                String answer = new String(missing.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertEquals("eyn lsp: wrong or missing token; connection refused\n", answer, "a client without the token is refused");
            }
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write((token + "\n").getBytes(StandardCharsets.US_ASCII));
                send(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
                JsonObject r = response(socket.getInputStream(), 1, new ArrayList<>());
                assertTrue(r.getAsJsonObject("result").has("capabilities"));
                send(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
                response(socket.getInputStream(), 2, new ArrayList<>());
                send(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            }
            assertTrue(p.waitFor(15, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }
}
