package eyn.server.dap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one thread that runs the interpreter and answers requests about it, so that no two touch the
 * machine at once. A short read-only request (the stack, scopes, variables an editor asks for after
 * every stop) is answered on the caller's thread instead when the session thread has nothing queued
 * or running: handing it over and back costs two thread wake-ups each, and on a busy machine a
 * wake-up can wait milliseconds for a core, which made the refresh after a stop slow now and then.
 * Answering in place changes no order: nothing queued can be overtaken, and the lock keeps a task
 * submitted meanwhile from starting until the answer is made.
 */
final class SessionThread {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eyn-dap-session");
        t.setDaemon(true);
        return t;
    });
    /** Tasks handed over and not yet finished: zero means the session thread is idle. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Held by whoever touches the machine: the session thread for each task, or a caller answering in place. */
    private final ReentrantLock machine = new ReentrantLock();

    /** Runs the task on the session thread, after every task handed over before it. */
    void execute(Runnable task) {
        pending.incrementAndGet();
        try {
            thread.execute(() -> {
                machine.lock();
                try {
                    task.run();
                } finally {
                    machine.unlock();
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet(); // refused after shutdown: nothing will run it
            throw e;
        }
    }

    /** The body's answer, made on the session thread after every task handed over before it. */
    <T> CompletableFuture<T> submit(Supplier<T> body) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        execute(() -> complete(answer, body));
        return answer;
    }

    /**
     * The answer of a short body that only reads the machine: made here and now when the session
     * thread is idle, else queued like {@link #submit}.
     */
    <T> CompletableFuture<T> read(Supplier<T> body) {
        if (pending.get() == 0 && machine.tryLock()) {
            try {
                // checked again under the lock: a task handed over since waits for it, one that started would hold it
                if (pending.get() == 0) {
                    CompletableFuture<T> answer = new CompletableFuture<>();
                    complete(answer, body);
                    return answer;
                }
            } finally {
                machine.unlock();
            }
        }
        return submit(body);
    }

    private static <T> void complete(CompletableFuture<T> answer, Supplier<T> body) {
        try {
            answer.complete(body.get());
        } catch (Throwable t) {
            // wrapped as supplyAsync wraps it, so that either path reaches the client as the same error response
            answer.completeExceptionally(t instanceof CompletionException ? t : new CompletionException(t));
        }
    }

    void shutdownNow() {
        thread.shutdownNow();
    }
}
