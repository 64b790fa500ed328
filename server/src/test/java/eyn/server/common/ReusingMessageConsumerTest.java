package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonIOException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import eyn.server.JsonRpcFrames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;

/**
 * The consumer both servers write with puts on the wire exactly the bytes LSP4J's own would, message after
 * message from one reused buffer: big after small, small after big, any character, after a message that
 * failed half-way, and from several threads at once without interleaving.
 */
class ReusingMessageConsumerTest {
    /** Serialising one of these writes a little and then fails, as a broken adapter would. */
    static final class Exploding {}

    private static final MessageJsonHandler HANDLER = new MessageJsonHandler(Map.of(), gson -> gson.registerTypeAdapter(Exploding.class,
            new TypeAdapter<Exploding>() {
                @Override
                public void write(JsonWriter out, Exploding value) throws java.io.IOException {
                    out.beginObject().name("half").value("written \u00e9\u20ac");
                    throw new JsonIOException("this adapter fails half-way");
                }

                @Override
                public Exploding read(JsonReader in) {
                    throw new UnsupportedOperationException();
                }
            }));

    private static Message publication(int count, Random random) {
        List<Diagnostic> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                // every kind of character: ASCII, control, Latin-1, BMP, surrogate pairs and a surrogate alone
                switch (random.nextInt(6)) {
                    case 0 -> text.append((char) (' ' + random.nextInt(95)));
                    case 1 -> text.append((char) random.nextInt(32));
                    case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                    case 3 -> text.append((char) (0x800 + random.nextInt(0xD000)));
                    case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                    default -> text.appendCodePoint(0x10000 + random.nextInt(0xFFFFF));
                }
            }
            Diagnostic d = new Diagnostic(new Range(new Position(i, 0), new Position(i, 3)), text.toString(), DiagnosticSeverity.Warning, "eyn");
            list.add(d);
        }
        NotificationMessage m = new NotificationMessage();
        m.setMethod("textDocument/publishDiagnostics");
        m.setParams(new PublishDiagnosticsParams("file:///a%20b.eyn", list, 7));
        return m;
    }

    private static byte[] lsp4j(Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StreamMessageConsumer(out, HANDLER).consume(m);
        return out.toByteArray();
    }

    @Test
    void messagesOfEverySizeOneAfterAnotherAreTheBytesLsp4jWrites() {
        Random random = new Random(12);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ReusingMessageConsumer consumer = new ReusingMessageConsumer(ours, HANDLER);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // small, big, small, bigger (the buffer grows and is reused), one past the buffer kept, then small again
        for (int count : new int[] {0, 1, 3000, 2, 20000, 5, 150_000, 1}) {
            Message m = publication(count, random);
            consumer.consume(m);
            expected.writeBytes(lsp4j(m));
            assertArrayEquals(expected.toByteArray(), ours.toByteArray(), "after a publication of " + count);
        }
    }

    @Test
    void aMessageThatFailsHalfWayLeavesNothingOfItInTheNext() {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ReusingMessageConsumer consumer = new ReusingMessageConsumer(ours, HANDLER);
        ResponseMessage bad = new ResponseMessage();
        bad.setId("1");
        bad.setResult(new Exploding());
        assertThrows(RuntimeException.class, () -> consumer.consume(bad));
        assertEquals(0, ours.size(), "nothing of a failed message is written");
        Message good = publication(3, new Random(1));
        consumer.consume(good);
        assertArrayEquals(lsp4j(good), ours.toByteArray());
    }

    @Test
    void threadsWritingAtOnceWriteWholeFrames() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ReusingMessageConsumer consumer = new ReusingMessageConsumer(ours, HANDLER);
        int threads = 4;
        int each = 30;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread thread = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) consumer.consume(publication(random.nextInt(400), random));
            });
            thread.start();
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started) thread.join();
        ByteArrayInputStream in = new ByteArrayInputStream(ours.toByteArray());
        for (int i = 0; i < threads * each; i++) {
            assertEquals("textDocument/publishDiagnostics", JsonRpcFrames.read(in).get("method").getAsString(), "frame " + i);
        }
        assertEquals(0, in.available(), "nothing after the last frame");
    }
}
