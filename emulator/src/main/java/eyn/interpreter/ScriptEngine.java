package eyn.interpreter;

import eyn.language.ScriptLine;

/**
 * The per-dialect half of the interpreter: what a line does. The {@link Interpreter} keeps frames,
 * steps, captures, snapshots and nested scripts; an engine decides what one statement does to its
 * frame. One engine per dialect, chosen once from the profile.
 */
interface ScriptEngine {
    /** Prepares a new frame (before its first line). */
    void begin(Frame f);

    /** Runs a statement that starts fresh on the frame's current line. */
    void execute(Frame f, ScriptLine line);

    /** Runs the next step of a half-done line (a substitution, or the line itself once they are in). */
    void resume(Frame f);

    /** True for lines the engine passes over without a step (blank lines, comments, suppressed lines). */
    boolean skips(Frame f, ScriptLine line);

    /** Whether the frame's half-done line waits for a nested script's output. */
    boolean waiting(Frame f);

    /** Hands a nested script's captured output to the frame's waiting line. */
    void deliver(Frame f, String captured);

    /** Before a frame is removed: end-of-script warnings. */
    void end(Frame f);

    /** How many characters one capture keeps. */
    int captureLimit();

    /** The line number to stop at once (the frame ends without running further lines), or false. */
    boolean stopped(Frame f);
}
