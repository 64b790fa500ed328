package eyn.interpreter;

import eyn.machine.Color;

/** Where a script's visible output goes: a terminal, a test buffer, a debug console. */
public interface OutputSink {
    /** {@code where} is the statement that printed, or null outside any script. */
    void write(Color color, String text, Location where);

    default void clear() {}
}
