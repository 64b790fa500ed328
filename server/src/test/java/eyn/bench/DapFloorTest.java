package eyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor answers every request of the benchmark's stepping phase, at the adapter's sizes. */
class DapFloorTest {
    @Test
    void answersOneStepOfTheBenchmarkAtTheAdaptersSizes() throws Exception {
        List<String> requests = List.of(
                request(1, "initialize", "{\"adapterID\":\"eyn\"}"),
                request(2, "launch", "{\"program\":\"/tmp/bench.eyn\",\"stopOnEntry\":true}"),
                request(3, "configurationDone", null),
                request(4, "next", "{\"threadId\":1}"),
                request(5, "threads", null),
                request(6, "stackTrace", "{\"threadId\":1}"),
                request(7, "scopes", "{\"frameId\":1}"),
                request(8, "variables", "{\"variablesReference\":2}"),
                request(9, "disconnect", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DapFloor(new ByteArrayInputStream(String.join("", requests).getBytes(StandardCharsets.UTF_8)), out).serve();

        List<String> bodies = frames(out.toString(StandardCharsets.UTF_8));
        List<String> kinds = new ArrayList<>();
        for (String body : bodies) {
            JsonObject m = JsonParser.parseString(body).getAsJsonObject();
            kinds.add(m.has("event") ? "event " + m.get("event").getAsString()
                    : m.get("command").getAsString() + " " + m.get("request_seq").getAsInt());
        }
        assertEquals(List.of("initialize 1", "event initialized", "launch 2", "configurationDone 3", "event stopped", "next 4",
                "event stopped", "threads 5", "stackTrace 6", "scopes 7", "variables 8", "disconnect 9"), kinds);
        assertEquals(DapFloor.NEXT, bytes(bodies.get(5)));
        assertEquals(DapFloor.STOPPED, bytes(bodies.get(6)));
        assertEquals(DapFloor.STACK, bytes(bodies.get(8)));
        assertEquals(DapFloor.SCOPES, bytes(bodies.get(9)));
        assertEquals(DapFloor.VARIABLES[1], bytes(bodies.get(10)));
        JsonObject scopes = JsonParser.parseString(bodies.get(9)).getAsJsonObject().getAsJsonObject("body");
        assertEquals(DapFloor.VARIABLES.length, scopes.getAsJsonArray("scopes").size());
        assertTrue(JsonParser.parseString(bodies.get(8)).getAsJsonObject().getAsJsonObject("body")
                .getAsJsonArray("stackFrames").get(0).getAsJsonObject().has("id"));
    }

    @Test
    void findsAFieldsValueWithoutParsing() {
        String json = "{\"seq\": 12, \"type\":\"request\",\"command\":\"variables\",\"arguments\":{\"variablesReference\":-3}}";
        assertEquals("12", DapFloor.field(json, "seq"));
        assertEquals("\"variables\"", DapFloor.field(json, "command"));
        assertEquals("-3", DapFloor.field(json, "variablesReference"));
    }

    private static String request(int seq, String command, String arguments) {
        String body = "{\"seq\":" + seq + ",\"type\":\"request\",\"command\":\"" + command + "\""
                + (arguments == null ? "" : ",\"arguments\":" + arguments) + "}";
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static List<String> frames(String stream) {
        List<String> bodies = new ArrayList<>();
        int at = 0;
        while (at < stream.length()) {
            int end = stream.indexOf("\r\n\r\n", at);
            int length = Integer.parseInt(stream.substring(at, end).replace("Content-Length:", "").trim());
            bodies.add(stream.substring(end + 4, end + 4 + length));
            at = end + 4 + length;
        }
        return bodies;
    }

    private static int bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }
}
