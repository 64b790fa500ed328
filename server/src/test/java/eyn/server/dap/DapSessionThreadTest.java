package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DapSessionThreadTest {
    private final SessionThread session = new SessionThread();

    @AfterEach
    void stop() {
        session.shutdownNow();
    }

    @Test
    void aReadWhileTheSessionIsIdleIsAnsweredOnTheCallersThread() throws Exception {
        session.submit(() -> null).get(5, TimeUnit.SECONDS);
        awaitIdle();
        CompletableFuture<String> answer = session.read(() -> Thread.currentThread().getName());
        assertTrue(answer.isDone());
        assertEquals(Thread.currentThread().getName(), answer.get());
    }

    @Test
    void aReadWaitsBehindATaskHandedOverBeforeIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        session.execute(() -> {
            await(release);
            order.add("task");
        });
        CompletableFuture<String> answer = session.read(() -> {
            order.add("read");
            return Thread.currentThread().getName();
        });
        assertFalse(answer.isDone());
        release.countDown();
        assertEquals("eyn-dap-session", answer.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("task", "read"), order);
    }

    @Test
    void aTaskHandedOverDuringAReadStartsAfterIt() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> task = new CompletableFuture<>();
        session.read(() -> {
            session.execute(() -> {
                order.add("task");
                task.complete(null);
            });
            sleep(50); // the session thread would run the task now if the read did not hold the machine
            order.add("read");
            return null;
        }).get(5, TimeUnit.SECONDS);
        task.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("read", "task"), order);
    }

    @Test
    void aFailedBodyFailsTheAnswerOnEitherPath() throws Exception {
        awaitIdle();
        ExecutionException inPlace = assertThrows(ExecutionException.class,
                () -> session.read(() -> { throw new IllegalStateException("in place"); }).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, inPlace.getCause());
        ExecutionException queued = assertThrows(ExecutionException.class,
                () -> session.submit(() -> { throw new IllegalStateException("queued"); }).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, queued.getCause());
    }

    @Test
    void submittedWorkRunsOnTheSessionThread() throws Exception {
        assertNotEquals(Thread.currentThread().getName(), session.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
    }

    /** The session thread counts a task finished just after completing its answer. */
    private void awaitIdle() throws Exception {
        for (int i = 0; i < 500; i++) {
            if (session.read(Thread::currentThread).get(5, TimeUnit.SECONDS) == Thread.currentThread()) return;
            Thread.sleep(2);
        }
        throw new AssertionError("the session thread stayed busy");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
