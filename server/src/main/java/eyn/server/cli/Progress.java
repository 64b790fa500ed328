package eyn.server.cli;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import java.io.PrintStream;

/** A once-a-second status line on stderr while a long script runs ({@code --progress}). */
final class Progress {
    private final Thread thread;

    private Progress(Thread thread) {
        this.thread = thread;
    }

    static Progress start(Interpreter interpreter, PrintStream err) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    Location at;
                    try {
                        at = interpreter.next(); // read while the interpreter runs: only for display
                    } catch (RuntimeException raced) {
                        at = null;
                    }
                    err.print("\r[eyn] " + interpreter.counters().statements + " statements"
                            + (at == null ? "" : ", at " + at) + "\u001b[K");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "eyn-progress");
        t.setDaemon(true);
        t.start();
        return new Progress(t);
    }

    void stop() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.print("\r\u001b[K");
    }
}
