package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import eyn.server.JsonRpcFrames;
import eyn.server.common.SocketHost;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code eyn dap --listen} process: the adapter host the VS Code extension keeps per window. */
class DapHostTest {
    @TempDir
    Path dir;

    /** One client of the host, speaking raw DAP over its socket. */
    private static final class Client implements AutoCloseable {
        final SocketChannel channel;
        final InputStream in;
        final OutputStream out;
        final List<JsonObject> seen = new ArrayList<>();
        int seq;

        Client(Path socket) throws Exception {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            in = SocketHost.inputOf(channel);
            out = SocketHost.outputOf(channel);
        }

        JsonObject request(String command, String arguments) throws Exception {
            int id = ++seq;
            JsonRpcFrames.send(out, "{\"seq\":" + id + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":" + arguments + "}");
            while (true) {
                JsonObject m = JsonRpcFrames.read(in);
                seen.add(m);
                if (m.get("type").getAsString().equals("response") && m.get("request_seq").getAsInt() == id) return m;
            }
        }

        JsonObject event(String name) throws Exception {
            for (JsonObject m : seen) {
                if (m.get("type").getAsString().equals("event") && m.get("event").getAsString().equals(name)) {
                    seen.remove(m);
                    return m;
                }
            }
            while (true) {
                JsonObject m = JsonRpcFrames.read(in);
                if (m.get("type").getAsString().equals("event") && m.get("event").getAsString().equals(name)) return m;
                seen.add(m);
            }
        }

        String output() {
            StringBuilder b = new StringBuilder();
            for (JsonObject m : seen) {
                if (m.has("event") && m.get("event").getAsString().equals("output")) b.append(m.getAsJsonObject("body").get("output").getAsString());
            }
            return b.toString();
        }

        @Override
        public void close() throws Exception {
            channel.close();
        }
    }

    /** A whole session: launch stopped on entry, one step, the variables, then to the end. Returns the client's output. */
    private static String session(Path socket, Path script, String variable, String value) throws Exception {
        try (Client c = new Client(socket)) {
            assertTrue(c.request("initialize", "{\"adapterID\":\"eyn\",\"linesStartAt1\":true}").get("success").getAsBoolean());
            c.event("initialized");
            JsonObject launched = c.request("launch", "{\"program\":" + new JsonPrimitive(script.toString()) + ",\"stopOnEntry\":true}");
            assertTrue(launched.get("success").getAsBoolean(), launched.toString());
            c.request("configurationDone", "{}");
            assertEquals("entry", c.event("stopped").getAsJsonObject("body").get("reason").getAsString());
            c.request("next", "{\"threadId\":1}");
            c.event("stopped");
            int frame = c.request("stackTrace", "{\"threadId\":1}").getAsJsonObject("body").getAsJsonArray("stackFrames")
                    .get(0).getAsJsonObject().get("id").getAsInt();
            String variables = "";
            for (var scope : c.request("scopes", "{\"frameId\":" + frame + "}").getAsJsonObject("body").getAsJsonArray("scopes")) {
                int ref = scope.getAsJsonObject().get("variablesReference").getAsInt();
                variables += c.request("variables", "{\"variablesReference\":" + ref + "}").getAsJsonObject("body").toString();
            }
            assertTrue(variables.contains("\"name\":\"" + variable + "\"") && variables.contains("\"value\":\"" + value + "\""),
                    "this session's own variable: " + variables);
            c.request("continue", "{\"threadId\":1}");
            c.event("terminated");
            c.request("disconnect", "{}");
            return c.output();
        }
    }

    private static String awaitLine(BufferedReader err, String prefix) throws Exception {
        String line;
        while ((line = err.readLine()) != null) {
            if (line.startsWith(prefix)) return line;
        }
        throw new AssertionError("stderr ended before a line starting with " + prefix);
    }

    @Test
    void servesSessionsSideBySideRehearsesAndEndsWithItsStdin() throws Exception {
        Path socket = dir.resolve("dap.sock");
        Path a = Files.writeString(dir.resolve("a.eyn"), "set WHO=alpha\necho hello $WHO\n");
        Path b = Files.writeString(dir.resolve("b.eyn"), "set WHO=beta\necho hello $WHO\n");
        Process host = JsonRpcFrames.start("dap", "--listen", socket.toString());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(host.getErrorStream(), StandardCharsets.UTF_8));
            assertEquals("eyn dap: listening on " + socket, awaitLine(err, "eyn dap: listening"));
            // an editor connected while the host rehearses (held until the rehearsal has said how it ended)
            Client early = new Client(socket);
            assertTrue(early.request("initialize", "{\"adapterID\":\"eyn\"}").get("success").getAsBoolean());
            // two editors' sessions at once, beside it: each sees its own machine
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> sessionOrFail(socket, a, "WHO", "alpha"));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> sessionOrFail(socket, b, "WHO", "beta"));
            String outA = first.get(60, TimeUnit.SECONDS);
            String outB = second.get(60, TimeUnit.SECONDS);
            assertTrue(outA.contains("hello alpha") && !outA.contains("beta"), outA);
            assertTrue(outB.contains("hello beta") && !outB.contains("alpha"), outB);
            String rehearsal = awaitLine(err, "eyn dap: rehearsal");
            // the rehearsal gave way to the sessions above
            assertTrue(rehearsal.matches("eyn dap: rehearsal \\d+ steps in \\d+ ms, cut short by a user's session"), rehearsal);
            early.close();
            // a client that sends 2 MiB without a header, and one that announces a body of a terabyte: each
            // ends only its own session
            try (Client garbage = new Client(socket)) {
                garbage.out.write(new byte[2 << 20]);
                garbage.out.flush();
                assertEquals(-1, garbage.in.read(), "the host closes a connection it cannot read");
            } catch (java.io.IOException closedWhileWriting) {
                // the host gave up on the stream before all of it was written: the same outcome
            }
            try (Client huge = new Client(socket)) {
                huge.out.write("Content-Length: 1000000000000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                huge.out.flush();
            }
            // a session after the rehearsal and the garbage, on the same process
            assertTrue(session(socket, a, "WHO", "alpha").contains("hello alpha"));
            host.getOutputStream().close();
            assertTrue(host.waitFor(15, TimeUnit.SECONDS), "the host ends when the editor that started it goes away");
            assertEquals(0, host.exitValue());
            assertFalse(Files.exists(socket), "the socket is removed");
        } finally {
            host.destroyForcibly();
        }
    }

    private static String sessionOrFail(Path socket, Path script, String variable, String value) {
        try {
            return session(socket, script, variable, value);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Test
    void refusesASessionOverItsMostWithAMessageAndAdmitsOneAgainWhenASessionEnds() throws Exception {
        Path socket = dir.resolve("dap.sock");
        Process host = JsonRpcFrames.start("dap", "--listen", socket.toString());
        List<Client> clients = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(host.getErrorStream(), StandardCharsets.UTF_8));
            // nobody else connected: the whole rehearsal (unless a slow machine reached its deadline first)
            String rehearsal = awaitLine(err, "eyn dap: rehearsal"); // its sessions are over: every place is free
            assertTrue(rehearsal.matches("eyn dap: rehearsal [1-9]\\d* steps in \\d+ ms, compilers idle after \\d+ ms more"), rehearsal);
            for (int i = 0; i < DapCommand.MOST_SESSIONS; i++) {
                Client c = new Client(socket);
                clients.add(c);
                assertTrue(c.request("initialize", "{\"adapterID\":\"eyn\"}").get("success").getAsBoolean());
            }
            try (Client over = new Client(socket)) {
                JsonObject refused = over.request("initialize", "{\"adapterID\":\"eyn\"}");
                assertFalse(refused.get("success").getAsBoolean());
                assertEquals(BusyHost.message(DapCommand.MOST_SESSIONS), refused.get("message").getAsString());
            }
            clients.remove(0).close();
            boolean admitted = false;
            for (int attempt = 0; attempt < 50 && !admitted; attempt++) {
                try (Client again = new Client(socket)) {
                    admitted = again.request("initialize", "{\"adapterID\":\"eyn\"}").get("success").getAsBoolean();
                }
                if (!admitted) Thread.sleep(100);
            }
            assertTrue(admitted, "a place frees when a session ends");
        } finally {
            for (Client c : clients) c.close();
            host.destroyForcibly();
        }
    }

    @Test
    void takesOverAStaleSocketRefusesALiveOneAndRemovesItsOwnWhenKilled() throws Exception {
        Path socket = dir.resolve("dap.sock");
        // a socket nobody listens on, as a killed process leaves it
        try (var dead = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        Process host = JsonRpcFrames.start("dap", "--listen", socket.toString());
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(host.getErrorStream(), StandardCharsets.UTF_8));
            assertEquals("eyn dap: removed the stale socket " + socket, awaitLine(err, "eyn dap: removed"));
            awaitLine(err, "eyn dap: listening");
            Process second = JsonRpcFrames.start("dap", "--listen", socket.toString());
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue(), "a live host's socket is never taken over");
            host.destroy(); // SIGTERM, as a system shutting down sends it
            assertTrue(host.waitFor(15, TimeUnit.SECONDS));
            assertFalse(Files.exists(socket), "a host ended by a signal removes its socket");
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void refusesASocketPathThatExistsOrCannotBeMadeAndTheTwoListeningOptionsTogether() throws Exception {
        Path taken = Files.writeString(dir.resolve("taken"), "someone's file\n");
        Process host = JsonRpcFrames.start("dap", "--listen", taken.toString());
        assertTrue(host.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, host.exitValue());
        assertTrue(new String(host.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains(taken + " already exists"));
        assertEquals("someone's file\n", Files.readString(taken), "the file is left as it was");
        Path nowhere = dir.resolve("no such folder").resolve("dap.sock");
        Process missing = JsonRpcFrames.start("dap", "--listen", nowhere.toString());
        assertTrue(missing.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, missing.exitValue());
        String why = new String(missing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(why.startsWith("eyn dap: cannot listen on " + nowhere + ": ") && !why.contains("\n"), "one line, no stack trace: " + why);
        Process both = JsonRpcFrames.start("dap", "--listen", dir.resolve("s").toString(), "--port", "0");
        assertTrue(both.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, both.exitValue());
        assertTrue(new String(both.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("give --listen or --port, not both"));
    }
}
