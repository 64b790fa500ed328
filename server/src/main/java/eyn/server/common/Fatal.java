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
     * Heap set aside at start and let go first thing when the heap has run out: the handler itself
     * must allocate (its line, the first run of its code), and without this it failed with a second
     * OutOfMemoryError, so the process never halted and lingered with dead threads.
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
        reserve = new byte[4 << 20];
        // run the message code once now: its first run links string concatenation, which allocates
        message(new OutOfMemoryError("start"));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof VirtualMachineError v) {
                reserve = null;
                try {
                    die(v);
                } finally {
                    Runtime.getRuntime().halt(OUT_OF_MEMORY);
                }
            } else {
                err.println("eyn: internal error in thread " + thread.getName() + ": " + e);
            }
        });
    }

    private static String message(VirtualMachineError e) {
        String what = e instanceof OutOfMemoryError
                ? "out of host memory (" + (e.getMessage() == null ? "OutOfMemoryError" : e.getMessage())
                        + "; max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)"
                : e.toString();
        return "eyn: " + what + ": stopping (exit status " + OUT_OF_MEMORY + ")";
    }

    /** Reports a JVM failure in one line, flushes the output and halts. Never returns. */
    public static void die(VirtualMachineError e) {
        reserve = null;
        try {
            flush.run();
        } catch (Throwable ignored) {
            // the output may be gone (broken pipe) or unflushable without memory
        }
        try {
            err.println(message(e));
            err.flush();
        } finally {
            Runtime.getRuntime().halt(OUT_OF_MEMORY);
        }
    }
}
