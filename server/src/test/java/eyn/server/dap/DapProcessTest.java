package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import eyn.server.JsonRpcFrames;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code eyn dap} process on stdio, driven with raw DAP messages. */
class DapProcessTest {
    @TempDir
    Path dir;

    private static String request(int seq, String command, String arguments) {
        return "{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":" + arguments + "}";
    }

    /** Reads DAP messages until the response to {@code seq}, keeping the rest in order. */
    private static JsonObject response(InputStream in, int seq, List<JsonObject> seen) throws Exception {
        while (true) {
            JsonObject m = JsonRpcFrames.read(in);
            seen.add(m);
            if (m.get("type").getAsString().equals("response") && m.get("request_seq").getAsInt() == seq) return m;
        }
    }

    private static JsonObject event(InputStream in, String name, List<JsonObject> seen) throws Exception {
        for (JsonObject m : seen) if (m.get("type").getAsString().equals("event") && m.get("event").getAsString().equals(name)) return m;
        while (true) {
            JsonObject m = JsonRpcFrames.read(in);
            seen.add(m);
            if (m.get("type").getAsString().equals("event") && m.get("event").getAsString().equals(name)) return m;
        }
    }

    @Test
    void aWholeSessionOverStdioWithTheInitializedEventAfterTheResponse() throws Exception {
        Path script = dir.resolve("s.eyn");
        Files.writeString(script, "set X=1\necho hi $X\nmalformed-command\n");
        Process p = JsonRpcFrames.start("dap");
        try {
            OutputStream out = p.getOutputStream();
            InputStream in = p.getInputStream();
            List<JsonObject> seen = new ArrayList<>();
            JsonRpcFrames.send(out, request(1, "initialize", "{\"adapterID\":\"eyn\",\"linesStartAt1\":true}"));
            JsonObject init = response(in, 1, seen);
            assertTrue(init.get("success").getAsBoolean());
            JsonObject initialized = JsonRpcFrames.read(in);
            assertEquals("initialized", initialized.get("event").getAsString(), "initialized comes right after the initialize response");
            JsonRpcFrames.send(out, "{this is not json}");
            JsonRpcFrames.send(out, request(2, "launch", "{\"program\":" + new com.google.gson.JsonPrimitive(script.toString()) + ",\"stopOnEntry\":true}"));
            assertTrue(response(in, 2, seen).get("success").getAsBoolean());
            JsonRpcFrames.send(out, request(3, "configurationDone", "{}"));
            response(in, 3, seen);
            assertEquals("entry", event(in, "stopped", seen).getAsJsonObject("body").get("reason").getAsString());
            JsonRpcFrames.send(out, request(4, "noSuchRequest", "{}"));
            JsonObject unknown = response(in, 4, seen);
            assertTrue(!unknown.get("success").getAsBoolean());
            JsonRpcFrames.send(out, request(5, "continue", "{\"threadId\":1}"));
            response(in, 5, seen);
            JsonObject exited = event(in, "exited", seen);
            assertEquals(1, exited.getAsJsonObject("body").get("exitCode").getAsInt(), "a command failed");
            event(in, "terminated", seen);
            assertTrue(seen.stream().anyMatch(m -> m.has("event") && m.get("event").getAsString().equals("output")
                    && m.getAsJsonObject("body").get("output").getAsString().contains("hi 1")), seen.toString());
            JsonRpcFrames.send(out, request(6, "disconnect", "{}"));
            response(in, 6, seen);
            p.getOutputStream().close();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "eyn dap exits when its client goes away");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aDebugSessionThatRunsTheJvmOutOfMemoryEndsInOneLineWithStatusThree() throws Exception {
        // a budget far past the heap lets the JVM itself run out: the adapter must then exit, not linger
        Files.writeString(dir.resolve("a.txt"), "0123456789abcdefghij");
        Path script = dir.resolve("grow.eyn");
        Files.writeString(script, "zopen a.txt rw\nzopen a.txt rw\nloop 60\nzseek 1 0 end\nztee 0 1 2147483647\n"
                + "zseek 0 0 end\nzseek 1 0 set\nztee 1 0 2147483647\nzseek 0 0 set\nendloop\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "eyn.server.Main", "dap").start();
        try {
            OutputStream out = p.getOutputStream();
            InputStream in = p.getInputStream();
            List<JsonObject> seen = new ArrayList<>();
            JsonRpcFrames.send(out, request(1, "initialize", "{\"adapterID\":\"eyn\",\"linesStartAt1\":true}"));
            response(in, 1, seen);
            JsonRpcFrames.send(out, request(2, "launch", "{\"program\":" + new com.google.gson.JsonPrimitive(script.toString())
                    + ",\"noDebug\":true,\"ram\":4096,\"memoryBudget\":\"64G\"}"));
            assertTrue(response(in, 2, seen).get("success").getAsBoolean());
            JsonRpcFrames.send(out, request(3, "configurationDone", "{}"));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the adapter exits when the JVM runs out of memory");
            assertEquals(3, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.lines().anyMatch(l -> l.startsWith("eyn: out of host memory")), err);
            assertTrue(!err.contains("\tat "), "no stack trace: " + err);
        } finally {
            p.destroyForcibly();
        }
    }
}
