package eyn.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the debug adapter's cold step figures: a JVM process that answers the requests of
 * {@link DapBenchmark}'s stepping phase and does nothing else. It parses no JSON (it finds {@code seq} and
 * {@code command} by searching the text), keeps no state, and answers with bodies padded with spaces to the
 * sizes of the adapter's answers for the benchmark's stepping script (measured 2026-12-03: a stack of one
 * frame, seven scopes, 150-820 bytes of variables each). What it needs to step is what any JVM needs: its
 * interpreter and compilers warming up on a few pieces of text handling and I/O. Run beside the adapter by the
 * same client, its first 200 steps show how much of the adapter's cold figures a JVM on this machine costs
 * whatever the adapter does (docs/benchmarks.md, session 16).
 *
 * <p>Usage: {@code java -cp server/target/test-classes eyn.bench.DapFloor} (speaks DAP on stdin/stdout).
 */
public final class DapFloor {
    /** The sizes in bytes of the adapter's answers to one step's requests, in the order the benchmark asks them. */
    static final int NEXT = 75, STOPPED = 141, THREADS = 124, STACK = 223, SCOPES = 717;
    static final int[] VARIABLES = {172, 686, 823, 620, 157, 157, 186};

    private final DataInputStream in;
    private final OutputStream out;
    private int seq;

    DapFloor(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    public static void main(String[] args) throws IOException {
        new DapFloor(System.in, new FileOutputStream(FileDescriptor.out)).serve();
    }

    /** Answers requests until the input ends. */
    void serve() throws IOException {
        while (true) {
            int length = -1;
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) return;
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) break;
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(header.substring(15).trim());
            }
            byte[] body = new byte[length];
            in.readFully(body);
            answer(new String(body, StandardCharsets.UTF_8));
        }
    }

    private void answer(String request) throws IOException {
        String command = field(request, "command").replace("\"", "");
        String head = "{\"type\":\"response\",\"seq\":" + (++seq) + ",\"request_seq\":" + field(request, "seq")
                + ",\"success\":true,\"command\":\"" + command + "\"";
        switch (command) {
            case "initialize" -> {
                send(head + ",\"body\":{}}", 0);
                send(event("initialized", null), 0);
            }
            case "configurationDone" -> {
                send(head + "}", 0);
                send(event("stopped", "{\"reason\":\"entry\",\"threadId\":1}"), STOPPED);
            }
            case "next" -> {
                send(head + "}", NEXT);
                send(event("stopped", "{\"reason\":\"step\",\"threadId\":1}"), STOPPED);
            }
            case "threads" -> send(head + ",\"body\":{\"threads\":[{\"id\":1,\"name\":\"main\"}]}}", THREADS);
            case "stackTrace" -> send(head + ",\"body\":{\"stackFrames\":[{\"id\":1,\"name\":\"bench.eyn\",\"line\":1,\"column\":1}]}}", STACK);
            case "scopes" -> {
                StringBuilder scopes = new StringBuilder(head).append(",\"body\":{\"scopes\":[");
                for (int i = 1; i <= VARIABLES.length; i++) {
                    scopes.append(i > 1 ? "," : "").append("{\"name\":\"scope ").append(i).append("\",\"variablesReference\":")
                            .append(i).append(",\"expensive\":false}");
                }
                send(scopes.append("]}}").toString(), SCOPES);
            }
            case "variables" -> {
                int reference = Integer.parseInt(field(request, "variablesReference"));
                send(head + ",\"body\":{\"variables\":[]}}", VARIABLES[Math.floorMod(reference - 1, VARIABLES.length)]);
            }
            default -> send(head + "}", 0);
        }
        out.flush();
    }

    private String event(String name, String body) {
        return "{\"type\":\"event\",\"seq\":" + (++seq) + ",\"event\":\"" + name + "\"" + (body == null ? "" : ",\"body\":" + body) + "}";
    }

    /** The JSON value after {@code "name":} in a flat request, without parsing: a string with its quotes, or a number. */
    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) return "0";
        int start = json.indexOf(':', at) + 1;
        while (Character.isWhitespace(json.charAt(start))) start++;
        int end = start + 1;
        if (json.charAt(start) == '"') {
            end = json.indexOf('"', start + 1) + 1;
        } else {
            while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) end++;
        }
        return json.substring(start, end);
    }

    /** Writes one message, padded with trailing spaces (JSON whitespace) to {@code size} bytes. */
    private void send(String message, int size) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.max(bytes.length, size);
        out.write(("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        for (int i = bytes.length; i < length; i++) out.write(' ');
    }
}
