package eyn.server.dap;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugRequestMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Holds events back while a response is owed, so that clients always see the response to
 * {@code initialize}, {@code next}, {@code continue}... before the event it causes ({@code initialized},
 * {@code stopped}). Sits on the launcher's message streams: incoming requests open a debt, outgoing
 * responses pay it, and queued events go out when nothing is owed.
 */
final class EventGate implements Function<MessageConsumer, MessageConsumer> {
    private final Queue<Runnable> held = new ArrayDeque<>();
    private int owed;

    @Override
    public MessageConsumer apply(MessageConsumer next) {
        return message -> {
            boolean incomingRequest = message instanceof RequestMessage || message instanceof DebugRequestMessage;
            boolean response = message instanceof ResponseMessage || message instanceof DebugResponseMessage;
            if (incomingRequest) {
                synchronized (this) {
                    owed++;
                }
            }
            next.consume(message);
            if (response) paid();
        };
    }

    private void paid() {
        Runnable[] ready;
        synchronized (this) {
            owed = Math.max(0, owed - 1);
            if (owed > 0 || held.isEmpty()) return;
            ready = held.toArray(new Runnable[0]);
            held.clear();
        }
        for (Runnable r : ready) r.run();
    }

    /** Sends an event now, or as soon as every pending request has its response. */
    void send(Runnable event) {
        synchronized (this) {
            if (owed > 0) {
                held.add(event);
                return;
            }
        }
        event.run();
    }

    static boolean isRequest(Message m) {
        return m instanceof RequestMessage;
    }
}
