package eyn.server.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import eyn.server.common.FrameGuard;
import eyn.server.common.Log;
import eyn.server.common.ReusingMessageConsumer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a client of an adapter host that already serves its most sessions gets: its first request (an
 * editor's {@code initialize}) fails with a message that says why, which VS Code shows; then the
 * connection closes. The limit keeps the host's memory bounded: each session has its own machine.
 */
final class BusyHost {
    private BusyHost() {}

    static String message(int most) {
        return "The EYN debug adapter host already serves " + most + " debug sessions, its most: stop one and start this one again.";
    }

    /** A {@link eyn.server.common.ProtocolServer.Serve} that refuses with {@link #message}. */
    static eyn.server.common.ProtocolServer.Serve refusing(int most) {
        return (InputStream in, OutputStream out, Log log) -> {
            byte[] body = new FrameGuard(in, log, "eyn dap").nextBody();
            if (body == null) return 0;
            JsonObject response = new JsonObject();
            response.addProperty("seq", 1);
            response.addProperty("type", "response");
            response.add("request_seq", field(body, "seq", new JsonPrimitive(0)));
            response.add("command", field(body, "command", new JsonPrimitive("initialize")));
            response.addProperty("success", false);
            response.addProperty("message", message(most));
            byte[] json = response.toString().getBytes(StandardCharsets.UTF_8);
            ReusingMessageConsumer.writeFrame(out, json, json.length);
            log.error("refused a debug session: " + most + " are running");
            return 0;
        };
    }

    /** A field of the request, or the fallback when the body is not an object with it. */
    private static JsonElement field(byte[] body, String name, JsonElement fallback) {
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (e.isJsonObject() && e.getAsJsonObject().get(name) instanceof JsonPrimitive p) return p;
        } catch (RuntimeException malformed) {
            // answered all the same
        }
        return fallback;
    }
}
