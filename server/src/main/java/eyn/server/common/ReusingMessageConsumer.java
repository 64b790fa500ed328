package eyn.server.common;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Writes each message as LSP4J's {@code StreamMessageConsumer} does (a {@code Content-Length} header,
 * then the JSON in UTF-8), but serialises it into character and byte buffers that its thread keeps for
 * the next message, instead of into a String that is then copied and encoded. The characters go to a
 * plain array, not through a {@code BufferedWriter}: Gson writes a message in thousands of small pieces,
 * and the writer's lock and open-check on each were half of what the server spent answering completion
 * while the user typed (JFR, a 2026 script's 126 items). A publication of 25,000
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

    /** Writes the first {@code length} bytes of {@code body} as one frame (its Content-Length header, the body) and flushes. */
    public static void writeFrame(OutputStream output, byte[] body, int length) throws IOException {
        output.write(("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        output.write(body, 0, length);
        output.flush();
    }

    @Override
    public void consume(Message message) {
        Buffer buffer = buffers.get();
        boolean reusable = false;
        try {
            buffer.reset();
            jsonHandler.serialize(message, buffer.chars);
            buffer.encode();
            synchronized (outputLock) {
                writeFrame(output, buffer.bytes, buffer.size);
            }
            reusable = buffer.capacity() <= KEEP_AT_MOST;
        } catch (IOException e) {
            throw new JsonRpcException(e);
        } finally {
            // after a failure the buffers may hold characters of the message it did not finish
            if (!reusable) buffers.remove();
        }
    }

    /** One thread's buffers: the message's characters, then its UTF-8 bytes. */
    private static final class Buffer {
        final Chars chars = new Chars();
        byte[] bytes = new byte[8192];
        int size;
        /** Unpaired surrogates become '?', as {@code String.getBytes} (LSP4J's way) makes them. */
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

        void reset() {
            chars.count = 0;
            size = 0;
        }

        /** Encodes the characters written into {@link #bytes}, growing it as needed. */
        void encode() {
            CharBuffer in = CharBuffer.wrap(chars.array, 0, chars.count);
            if (bytes.length < chars.count) bytes = new byte[chars.count + chars.count / 8];
            ByteBuffer out = ByteBuffer.wrap(bytes);
            utf8.reset();
            for (CoderResult r = utf8.encode(in, out, true); r.isOverflow(); r = utf8.encode(in, out, true)) out = grown(out);
            for (CoderResult r = utf8.flush(out); r.isOverflow(); r = utf8.flush(out)) out = grown(out);
            size = out.position();
        }

        private ByteBuffer grown(ByteBuffer out) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
            return ByteBuffer.wrap(bytes).position(out.position());
        }

        int capacity() {
            return Math.max(bytes.length, 2 * chars.array.length);
        }
    }

    /** A writer into a growing character array, without a lock: one thread writes one message at a time into it. */
    private static final class Chars extends Writer {
        char[] array = new char[8192];
        int count;

        private void ensure(int more) {
            if (count + more > array.length) array = Arrays.copyOf(array, Math.max(array.length * 2, count + more));
        }

        @Override
        public void write(int c) {
            ensure(1);
            array[count++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, array, count, length);
            count += length;
        }

        @Override
        public void write(String s, int offset, int length) {
            ensure(length);
            s.getChars(offset, offset + length, array, count);
            count += length;
        }

        @Override
        public Writer append(CharSequence s) {
            String text = String.valueOf(s);
            write(text, 0, text.length());
            return this;
        }

        @Override
        public void flush() {
            // nothing is held back: the characters are encoded once the message is complete
        }

        @Override
        public void close() {
            // the buffer is kept for the thread's next message
        }
    }
}
