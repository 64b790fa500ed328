package eyn.server.common;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * Parses the bodies {@link FrameGuard} reads and hands each message on, in place of LSP4J's
 * {@code StreamMessageProducer}, which read the frame a second time after the guard: the headers byte
 * by byte, then the body through a new {@code InputStreamReader}, whose 8 KiB decoding buffers were half
 * of what the debug adapter allocated per step (a step and its refresh are ten or more small requests;
 * JFR: 200 of 390 MB over a benchmark session), so that its young collections came three times as often.
 * A body is decoded at once into a String (UTF-8, as LSP4J's default charset; the guard passes no other
 * Content-Type) and parsed as LSP4J's handler parses any message. What LSP4J's reader does with a message
 * it cannot use, this does too: a message with issues (bad parameters) goes to the issue handler, which
 * answers the client; any other failure to read or handle it is logged and reading goes on.
 */
public final class FrameMessageProducer implements MessageProducer, Closeable {
    private final FrameGuard frames;
    private final MessageJsonHandler jsonHandler;
    private final MessageIssueHandler issueHandler;
    private final Log log;
    private volatile boolean closed;

    public FrameMessageProducer(FrameGuard frames, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler, Log log) {
        this.frames = frames;
        this.jsonHandler = jsonHandler;
        this.issueHandler = issueHandler;
        this.log = log;
    }

    /**
     * What a launcher builder's {@code createMessageProcessor} returns in place of LSP4J's: the messages of
     * {@code frames} parsed with the remote endpoint's JSON handler, their issues answered by it.
     */
    public static ConcurrentMessageProcessor processor(FrameGuard frames, RemoteEndpoint remote, MessageConsumer consumer, Log log) {
        return new ConcurrentMessageProcessor(new FrameMessageProducer(frames, remote.getJsonHandler(), remote, log), consumer);
    }

    /** Reads and hands on messages until the input ends or {@link #close()}. */
    @Override
    public void listen(MessageConsumer callback) {
        try {
            byte[] body;
            while (!closed && (body = frames.nextBody()) != null) {
                // as LSP4J's reader: a message with issues goes to the issue handler, any other failure of the
                // message's parsing or handling is logged, and reading goes on
                try {
                    callback.consume(jsonHandler.parseMessage(new String(body, StandardCharsets.UTF_8)));
                } catch (MessageIssueException e) {
                    issueHandler.handle(e.getRpcMessage(), e.getIssues());
                } catch (RuntimeException e) {
                    log.error("ignored a message that could not be read or handled: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            if (!closed) log.error("reading the client's input failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
