package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.junit.jupiter.api.Test;

/**
 * The reader both servers use in place of LSP4J's: every well-formed message reaches the consumer in order,
 * whatever characters it holds; a message whose parameters do not fit goes to the issue handler; one that
 * cannot be read at all is logged; neither stops the reading; and a small message costs a fraction of the
 * garbage LSP4J's reader made for it.
 */
class FrameMessageProducerTest {
    /** A request {@code add} whose parameters must be a pair of numbers. */
    record Pair(int a, int b) {}

    private static final MessageJsonHandler HANDLER = new MessageJsonHandler(Map.of("add", JsonRpcMethod.request("add", Integer.class, Pair.class)));

    /** Held, so that its level stays set: what LSP4J's reader logs of the unreadable message is not this test's output. */
    private static final java.util.logging.Logger LSP4J_READER_LOG = java.util.logging.Logger.getLogger(StreamMessageProducer.class.getName());

    static {
        LSP4J_READER_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.Gson();

    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String request(int id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"add\",\"params\":" + params + "}";
    }

    /** What one listen over these frames gave: the messages, the issues, the log. */
    record Read(List<Message> messages, List<String> issues, String log) {}

    private static Read read(String input) {
        List<Message> messages = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log l = new Log(new PrintStream(log, true, StandardCharsets.UTF_8));
        FrameGuard frames = new FrameGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), l, "test");
        new FrameMessageProducer(frames, HANDLER, (message, list) -> {
            for (MessageIssue issue : list) issues.add(issue.getText());
        }, l).listen(messages::add);
        assertNull(frames.failure());
        return new Read(messages, issues, log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyWellFormedMessageReachesTheConsumerInOrderWithItsCharacters() {
        StringBuilder input = new StringBuilder();
        List<String> texts = JsonSamples.texts();
        for (int i = 0; i < texts.size(); i++) {
            input.append(frame("{\"jsonrpc\":\"2.0\",\"method\":\"note\",\"params\":{\"text\":" + GSON.toJson(texts.get(i))
                    + ",\"n\":" + i + "}}"));
        }
        Read r = read(input.toString());
        assertEquals(texts.size(), r.messages().size());
        for (int i = 0; i < texts.size(); i++) {
            var params = ((org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage) r.messages().get(i)).getParams();
            var object = (com.google.gson.JsonObject) params;
            assertEquals(i, object.get("n").getAsInt());
            assertEquals(texts.get(i), object.get("text").getAsString(), "message " + i);
        }
        assertEquals("", r.log());
    }

    @Test
    void parametersThatDoNotFitGoToTheIssueHandlerAndReadingGoesOn() {
        Read r = read(frame(request(1, "{\"a\":1,\"b\":2}")) + frame(request(2, "{\"a\":\"one\",\"b\":2}")) + frame(request(3, "{\"a\":3,\"b\":4}")));
        assertEquals(2, r.messages().size());
        assertEquals(new Pair(1, 2), ((RequestMessage) r.messages().get(0)).getParams());
        assertEquals(new Pair(3, 4), ((RequestMessage) r.messages().get(1)).getParams());
        assertEquals(1, r.issues().size(), r.issues().toString());
    }

    @Test
    void aMessageThatCannotBeReadIsLoggedAndReadingGoesOn() {
        // an id that is an array: Gson's reader throws
        String input = frame("{\"jsonrpc\":\"2.0\",\"id\":[1,2],\"method\":7}") + frame(request(4, "{\"a\":5,\"b\":6}"));
        Read r = read(input);
        assertEquals(1, r.messages().size());
        assertEquals(new Pair(5, 6), assertInstanceOf(RequestMessage.class, r.messages().get(0)).getParams());
        assertTrue(r.log().contains("ignored a message that could not be read or handled: java.lang.IllegalStateException"), r.log());
        assertEquals(r.messages(), lsp4jRead(input), "as LSP4J's reader does");
    }

    @Test
    void aHandlerThatFailsIsLoggedAndReadingGoesOn() {
        List<Message> messages = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log l = new Log(new PrintStream(log, true, StandardCharsets.UTF_8));
        String input = frame(request(1, "{\"a\":1,\"b\":1}")) + frame(request(2, "{\"a\":2,\"b\":2}"));
        FrameGuard frames = new FrameGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), l, "test");
        new FrameMessageProducer(frames, HANDLER, (m, issues) -> { }, l).listen(m -> {
            if (messages.add(m) && messages.size() == 1) throw new IllegalStateException("the first one fails");
        });
        assertEquals(2, messages.size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("could not be read or handled: the first one fails"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSmallMessageCostsAFractionOfTheGarbageOfLsp4jsReader() throws Exception {
        String body = request(7, "{\"a\":1,\"b\":2}");
        int n = 2000;
        String input = frame(body).repeat(n);
        // both warmed first, so that class loading and first-use caches are not counted
        for (int round = 0; round < 3; round++) {
            perMessage(() -> read(input), n);
            perMessage(() -> lsp4jRead(input), n);
        }
        long ours = perMessage(() -> read(input), n);
        long lsp4j = perMessage(() -> lsp4jRead(input), n);
        // measured: about 4 KB here (half of it Gson's JsonReader buffer), 12 KB with LSP4J's reader
        assertTrue(ours * 2 < lsp4j, "bytes allocated per message: " + ours + " here, " + lsp4j + " with LSP4J's reader");
    }

    private static List<Message> lsp4jRead(String input) {
        List<Message> messages = new ArrayList<>();
        new StreamMessageProducer(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), HANDLER).listen(messages::add);
        return messages;
    }

    /** The bytes this thread allocated per message while {@code work} read {@code n} of them. */
    private static long perMessage(Runnable work, int n) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return (threads.getCurrentThreadAllocatedBytes() - before) / n;
    }
}
