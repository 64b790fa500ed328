package eyn.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Raw Content-Length framing, for tests that drive a real server process byte by byte. */
public final class JsonRpcFrames {
    private JsonRpcFrames() {}

    public static Process start(String... args) throws IOException {
        String[] command = new String[4 + args.length];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = "eyn.server.Main";
        System.arraycopy(args, 0, command, 4, args.length);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    public static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads one framed message; fails if the stream holds anything that is not a frame. */
    public static JsonObject read(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("stream closed; header so far: " + header);
            header.write(b);
        }
        String h = header.toString(StandardCharsets.US_ASCII);
        if (!h.startsWith("Content-Length: ")) throw new IOException("not a protocol frame: " + h);
        int length = Integer.parseInt(h.substring(16, h.indexOf('\r')).trim());
        byte[] body = in.readNBytes(length);
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Reads until the JSON-RPC response with this id, keeping everything else in {@code others}. */
    public static JsonObject response(InputStream in, int id, List<JsonObject> others) throws IOException {
        while (true) {
            JsonObject m = read(in);
            if (m.has("id") && m.get("id").isJsonPrimitive() && m.get("id").getAsInt() == id && !m.has("method")) return m;
            others.add(m);
        }
    }
}
