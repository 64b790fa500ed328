package eyn.analysis;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Lets a caller stop the work of an analysis that executes (the dry run) when its result is no
 * longer wanted, e.g. when the editor sent a newer version of the document. The check is polled
 * between statements; the analysis then completes with the facts gathered so far.
 */
public final class Cancel {
    private static final ThreadLocal<BooleanSupplier> CHECK = new ThreadLocal<>();

    private Cancel() {}

    /** Runs {@code work} on this thread; executing steps inside it stop as soon as {@code cancelled} says so. */
    public static <T> T when(BooleanSupplier cancelled, Supplier<T> work) {
        BooleanSupplier old = CHECK.get();
        CHECK.set(cancelled);
        try {
            return work.get();
        } finally {
            if (old == null) CHECK.remove();
            else CHECK.set(old);
        }
    }

    /** Stops a static analysis whose result is no longer wanted (it has no partial result worth keeping). */
    static void stopIfRequested() {
        if (requested()) throw new java.util.concurrent.CancellationException("a newer version of the document arrived");
    }

    /** Whether the current work should stop: cancelled by its caller, or its thread interrupted. */
    static boolean requested() {
        BooleanSupplier c = CHECK.get();
        return (c != null && c.getAsBoolean()) || Thread.currentThread().isInterrupted();
    }
}
