package eyn.debug;

/**
 * Moving the next statement by hand: goto targets (id = the 1-based line, a statement of the
 * current block) and restarting a frame through the history.
 */
public final class Navigation {
    private Navigation() {}

    /** The goto target of a line (0-based) of a script, or null; {@code path} null for a file not on drive 0. */
    public static Debugger.GotoTarget target(Debugger debugger, String path, int line) {
        return path == null ? null : debugger.gotoTarget(path, line);
    }

    /** A target's id, which {@link #jump} takes back. */
    public static int id(Debugger.GotoTarget target) {
        return target.line() + 1;
    }

    public static void jump(Debugger debugger, int targetId) {
        if (!debugger.jump(targetId - 1)) throw new Refusal("Cannot go to line " + targetId + ": pick a statement of the current block");
    }

    /** Goes back to where a frame ({@link StackView} id) began. */
    public static void restartFrame(Debugger debugger, int frameId) {
        if (debugger.history() == null) throw new Refusal("Restarting a frame needs reverse execution, which is off with 'persist'");
        if (!debugger.restartFrame(frameId - 1)) throw new Refusal("Frame " + frameId + " cannot be restarted: its start is out of the history");
    }
}
