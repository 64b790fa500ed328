package eyn.server.common;

import java.io.PrintStream;
import java.util.function.BiConsumer;

/**
 * Server logging: to stderr and, once connected, to the client (window/logMessage), at the level the
 * {@code trace} setting chooses. Never to stdout, which is the protocol channel.
 */
public final class Log {
    public enum Level { OFF, ERROR, INFO, VERBOSE }

    private final PrintStream err;
    private volatile Level level = Level.ERROR;
    private volatile BiConsumer<Level, String> client;

    public Log(PrintStream err) {
        this.err = err;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    public void connect(BiConsumer<Level, String> toClient) {
        this.client = toClient;
    }

    public void error(String message) { log(Level.ERROR, message); }

    /** A reason the server stops: always on stderr, whatever the level. */
    public void fatal(String message) {
        err.println("[eyn fatal] " + message);
        err.flush();
    }
    public void info(String message) { log(Level.INFO, message); }
    public void verbose(String message) { log(Level.VERBOSE, message); }

    private void log(Level at, String message) {
        if (level == Level.OFF || at.ordinal() > level.ordinal()) return;
        err.println("[eyn " + at.name().toLowerCase() + "] " + message);
        BiConsumer<Level, String> c = client;
        if (c != null) {
            try {
                c.accept(at, message);
            } catch (RuntimeException e) {
                // the client is gone; stderr has the line
            }
        }
    }

    public static Level parse(String trace) {
        if (trace == null) return Level.ERROR;
        return switch (trace.toLowerCase()) {
            case "off" -> Level.OFF;
            case "messages", "info" -> Level.INFO;
            case "verbose", "debug" -> Level.VERBOSE;
            default -> Level.ERROR;
        };
    }
}
