package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import eyn.server.JsonRpcFrames;
import eyn.server.dap.DapCommand;
import eyn.server.lsp.BytePipe;
import eyn.server.lsp.LspCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    private static void drive(boolean dap, byte[] data) throws Exception {
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
        InputStream out = down.in();
        while (true) {
            JsonObject m;
            try {
                m = JsonRpcFrames.read(out);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("stream closed; header so far: ")
                        && e.getMessage().endsWith(": ")) break; // the end, between frames
                throw e;
            }
            assertFalse(m.toString().contains("\\tat "), "no stack trace: " + m);
        }
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("\tat "), log.toString(StandardCharsets.UTF_8));
    }
}
