package eyn.server.common;

import java.io.PrintStream;

/**
 * The last resort when the JVM itself fails (an {@link OutOfMemoryError} that no budget caught): one
 * line on stderr, output flushed, and the process ends with {@link #OUT_OF_MEMORY} rather than
 * lingering with dead threads.
 */
public final class Fatal {
    /** The exit status of every {@code eyn} command that ran out of host memory. */
    public static final int OUT_OF_MEMORY = 3;

    private static volatile PrintStream err = System.err;
    private static volatile Runnable flush = () -> { };
    /**
     * Heap kept aside for the last words: when the JVM is out of memory and what filled it is still
     * reachable (a debug session's machine), dropping this leaves room to build and print the line.
     */
    private static volatile byte[] reserve;

    private Fatal() {}

    /** Where the one line goes, and what to flush first (the command's output). */
    public static void setup(PrintStream stderr, Runnable flushOutput) {
        err = stderr;
        flush = flushOutput;
    }

    /** Installs the handler for errors no thread caught. */
    public static void install() {
        reserve = new byte[RESERVE];
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            // first, before any call: resolving a call the first time takes heap, and without this there is none
            reserve = null;
            try {
                if (e instanceof VirtualMachineError v) die(v);
                else err.println("eyn: internal error in thread " + thread.getName() + ": " + e);
            } catch (Throwable again) {
                // even the report failed (no memory at all): end anyway rather than linger with a dead thread
                if (e instanceof VirtualMachineError) Runtime.getRuntime().halt(OUT_OF_MEMORY);
            }
        });
    }

    private static final int RESERVE = 512 * 1024;

    /** Reports a JVM failure in one line, flushes the output and halts. Never returns. */
    public static void die(VirtualMachineError e) {
        reserve = null;
        try {
            flush.run();
        } catch (Throwable ignored) {
            // the output may be gone (broken pipe) or unflushable without memory
        }
        try {
            String what = e instanceof OutOfMemoryError
                    ? "out of host memory (" + (e.getMessage() == null ? "OutOfMemoryError" : e.getMessage())
                            + "; max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)"
                    : e.toString();
            err.println("eyn: " + what + ": stopping (exit status " + OUT_OF_MEMORY + ")");
            err.flush();
        } finally {
            Runtime.getRuntime().halt(OUT_OF_MEMORY);
        }
    }
}
