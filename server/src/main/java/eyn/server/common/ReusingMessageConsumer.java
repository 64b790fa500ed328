package eyn.server.common;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Writes each message as LSP4J's {@code StreamMessageConsumer} does (a {@code Content-Length} header,
 * then the JSON in UTF-8), but serialises it straight into a byte buffer that its thread keeps for the
 * next message, instead of into a String that is then copied and encoded. A publication of 25,000
 * diagnostics (a 200,000-line script) is 5 MB of JSON: its growing string, the string and its bytes were
 * 43 % of the language server's allocation while typing (JFR), enough to fill the young generation every
 * few versions and push the analyses it held into the old one.
 */
public final class ReusingMessageConsumer implements MessageConsumer {
    /** A buffer that grew past this is dropped after its message, so that one huge message does not stay resident. */
    static final int KEEP_AT_MOST = 16 << 20;

    private final OutputStream output;
    private final MessageJsonHandler jsonHandler;
    private final Object outputLock = new Object();
    /** Per thread: messages are serialised concurrently, as LSP4J's are, and written one at a time. */
    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

    public ReusingMessageConsumer(OutputStream output, MessageJsonHandler jsonHandler) {
        this.output = output;
        this.jsonHandler = jsonHandler;
    }

    @Override
    public void consume(Message message) {
        Buffer buffer = buffers.get();
        boolean reusable = false;
        try {
            buffer.reset();
            jsonHandler.serialize(message, buffer.writer);
            buffer.writer.flush();
            byte[] header = ("Content-Length: " + buffer.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            synchronized (outputLock) {
                output.write(header);
                buffer.writeTo(output);
                output.flush();
            }
            reusable = buffer.capacity() <= KEEP_AT_MOST;
        } catch (IOException e) {
            throw new JsonRpcException(e);
        } finally {
            // after a failure the writer may hold characters of the message it did not finish
            if (!reusable) buffers.remove();
        }
    }

    private static final class Buffer extends ByteArrayOutputStream {
        /** Buffered: the encoder copies every string written to it into a new array, and Gson writes a message in small pieces. */
        final Writer writer = new BufferedWriter(new OutputStreamWriter(this, StandardCharsets.UTF_8), 8192);

        Buffer() {
            super(8192);
        }

        int capacity() {
            return buf.length;
        }
    }
}
