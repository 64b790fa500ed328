package eyn.server.dap;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.lsp4j.debug.ProgressEndEventArguments;
import org.eclipse.lsp4j.debug.ProgressStartEventArguments;
import org.eclipse.lsp4j.debug.ProgressUpdateEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/** Progress of a long {@code continue}: progressStart after a second of running, an update every second, progressEnd at the stop. */
final class ProgressReporter {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eyn-dap-progress");
        t.setDaemon(true);
        return t;
    });
    private final EventGate gate;
    private final java.util.function.Supplier<IDebugProtocolClient> client;

    ProgressReporter(EventGate gate, java.util.function.Supplier<IDebugProtocolClient> client) {
        this.gate = gate;
        this.client = client;
    }

    /** Starts reporting a run of {@code title}; {@code statements} counts what has run so far. */
    Run start(String title, LongSupplier statements) {
        return new Run(title, statements);
    }

    void shutdown() {
        ticker.shutdownNow();
    }

    final class Run {
        private final String id = "eyn-run-" + System.nanoTime();
        private final String title;
        private final LongSupplier statements;
        private volatile boolean started;
        private final ScheduledFuture<?> task;

        private Run(String title, LongSupplier statements) {
            this.title = title;
            this.statements = statements;
            task = ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }

        private void tick() {
            String message = statements.getAsLong() + " statements";
            if (!started) {
                started = true;
                ProgressStartEventArguments s = new ProgressStartEventArguments();
                s.setProgressId(id);
                s.setTitle(title);
                s.setCancellable(false);
                s.setMessage(message);
                gate.send(() -> client.get().progressStart(s));
            } else {
                ProgressUpdateEventArguments u = new ProgressUpdateEventArguments();
                u.setProgressId(id);
                u.setMessage(message);
                gate.send(() -> client.get().progressUpdate(u));
            }
        }

        void end() {
            task.cancel(false);
            if (!started) return;
            ProgressEndEventArguments e = new ProgressEndEventArguments();
            e.setProgressId(id);
            e.setMessage(statements.getAsLong() + " statements");
            gate.send(() -> client.get().progressEnd(e));
        }
    }
}
