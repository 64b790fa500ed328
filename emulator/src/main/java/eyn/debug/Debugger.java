package eyn.debug;

import eyn.interpreter.Frame;
import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import eyn.interpreter.OutputSink;
import eyn.interpreter.StepResult;
import eyn.language.LineKind;
import eyn.language.ScriptLine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Run control over an {@link Interpreter}: continue, step over/in/out, pause, breakpoints,
 * exception filters, and reverse execution through {@link History}. Pure: the debug adapter calls
 * it from one thread and turns its {@link Stop}s into protocol events.
 */
public final class Debugger {
    public enum Mode { CONTINUE, NEXT, STEP_IN, STEP_OUT }

    public enum Reason { ENTRY, STEP, BREAKPOINT, FUNCTION_BREAKPOINT, DATA_BREAKPOINT, EXCEPTION, PAUSE, GOTO, EXITED }

    /**
     * A data breakpoint: execution stops after the step that changed what it watches (for
     * {@link WatchTarget.Access#READ}, after a step that read the watched bytes).
     */
    public record Watch(WatchTarget target, WatchTarget.Access access) {
        public Watch {
            if (!target.accesses().contains(access)) throw new IllegalArgumentException(target.description() + " cannot be watched for " + access);
        }

        public String description() {
            return target.description();
        }
    }

    /** The reason a failed step gives: its Failed effect, else the last red line it printed. */
    private String failureReason(StepResult r) {
        for (eyn.commands.Effect e : r.effects()) {
            if (e instanceof eyn.commands.Effect.Failed f) return f.reason();
        }
        return lastError == null ? "A command failed" : lastError;
    }

    /**
     * Why execution stopped; {@code text} explains exceptions and pauses; {@code failure} is the
     * command that failed when an exception filter stopped the run.
     */
    public record Stop(Reason reason, String text, Failure failure) {
        public Stop(Reason reason, String text) {
            this(reason, text, null);
        }

        public boolean exited() {
            return reason == Reason.EXITED;
        }

        /** A short phrase for the UI's "Paused on ..." header. */
        public String description() {
            return switch (reason) {
                case ENTRY -> text != null ? text : "Paused on entry";
                case STEP -> "Paused after a step";
                case BREAKPOINT -> text != null ? text : "Paused on breakpoint";
                case FUNCTION_BREAKPOINT -> "Paused before " + text;
                case DATA_BREAKPOINT -> "Data breakpoint: " + text;
                case EXCEPTION -> failure != null ? failure.title() : "Paused on exception";
                case PAUSE -> "Paused";
                case GOTO -> "Paused after goto";
                case EXITED -> "Exited";
            };
        }
    }

    /**
     * A command that failed (or a line an exception filter stops before): {@code at} is its line,
     * {@code kind} what went wrong ("Command not found", "Command failed", "Portability warning"),
     * {@code message} the error the command printed, {@code hint} a "did you mean" or null.
     */
    public record Failure(String kind, String command, String message, Location at, String hint, int callLine) {
        public Failure(String kind, String command, String message, Location at, String hint) {
            this(kind, command, message, at, hint, -1);
        }

        /** The exception box's title: what failed. */
        public String title() {
            return kind + (command == null || command.isEmpty() ? "" : ": " + command);
        }

        /** What failed and why, with the line: "Line 14: zopne: Command not found: zopne; did you mean 'zopen'?" */
        public String text() {
            return "Line " + (at.line() + 1) + ": " + message + (hint == null ? "" : "; did you mean '" + hint + "'?");
        }
    }

    /** A frame as a debugger shows it: innermost first, {@code line} 0-based, {@code index} into the interpreter's frames. */
    public record ShownFrame(int index, String name, String path, int line) {}

    private static final OutputSink NOWHERE = (color, text, where) -> { };

    private final Interpreter in;
    private final Breakpoints breakpoints;
    private final History history;
    private final Function<Location, String> portability;
    private final BiConsumer<String, Location> log;
    /** The key breakpoints are stored under for a script path (a debug adapter uses host file paths). */
    private Function<String, String> sourceKey = Function.identity();
    /** Source keys already worked out, by script path: the per-statement check must not resolve paths. */
    private final Map<String, String> keys = new java.util.HashMap<>();
    /** The breakpoint lines of the script last checked, as of {@link Breakpoints#version()} {@code linesVersion}. */
    private String linesPath;
    private java.util.BitSet linesOf;
    private int linesVersion = -1;
    private volatile boolean pauseRequested;
    private String lastError;
    private volatile List<Watch> watches = List.of();
    /** Reads of each watch's bytes so far (memory ranges watched for reads). */
    private volatile java.util.concurrent.atomic.AtomicLong[] reads = new java.util.concurrent.atomic.AtomicLong[0];
    /** The last stop, for the stack (a failed command's line) and the exception details. */
    private Stop lastStop;
    private Object[] watched = new Object[0];

    /**
     * {@code portability} names the portability problem of a line (or null); {@code log} receives
     * logpoint messages. A null history disables reverse execution.
     */
    public Debugger(Interpreter in, Breakpoints breakpoints, History history,
                    Function<Location, String> portability, BiConsumer<String, Location> log) {
        this.in = in;
        this.breakpoints = breakpoints;
        this.history = history;
        this.portability = portability;
        this.log = log;
        in.machine().setReadListener(this::noteRead);
        OutputSink sink = in.sink();
        in.setSink((color, text, where) -> {
            if (color == eyn.machine.Color.RED) lastError = text.strip();
            sink.write(color, text, where);
        });
    }

    public Interpreter interpreter() { return in; }

    /** Maps the interpreter's script paths to the keys line breakpoints are set under. */
    public void setSourceKey(Function<String, String> key) {
        this.sourceKey = key;
        keys.clear();
        linesPath = null;
    }

    /** The breakpoint key of a script path, worked out once per path. */
    private String key(String path) {
        String k = keys.get(path);
        if (k == null) {
            if (keys.size() >= 4096) keys.clear();
            k = sourceKey.apply(path);
            keys.put(path, k);
        }
        return k;
    }

    /**
     * Whether anything may stop before the next statement of {@code top}: a line breakpoint on its
     * line (looked up in a bit set cached per script until the breakpoints change), a command
     * breakpoint or the portability filter. Runs before every statement, so it allocates nothing.
     */
    private boolean mayStopBefore(Frame top) {
        return lineBreakpointAt(top) || breakpoints.anyCommands() || breakpoints.portabilityFilter();
    }

    /** Whether the next line of {@code top} has a line breakpoint (of any kind: conditions are not evaluated here). */
    private boolean lineBreakpointAt(Frame top) {
        int version = breakpoints.version();
        String path = top.path();
        if (version != linesVersion || !path.equals(linesPath)) {
            linesOf = breakpoints.lineSet(key(path));
            linesPath = path;
            linesVersion = version;
        }
        java.util.BitSet lines = linesOf;
        return lines != null && lines.get(top.line());
    }
    public History history() { return history; }

    /** Stops the run at its next statement, or the next run at its first, unless a resume is asked for first. */
    public void requestPause() {
        pauseRequested = true;
    }

    /**
     * Forgets a pause asked for while nothing ran. A debug adapter calls it when it takes a request to
     * resume, before the run starts on another thread: a pause that comes after that request, even
     * before its run begins, then stops the run (clearing the flag as the run began lost such a pause,
     * and the client waited for a stop that never came).
     */
    public void forgetPause() {
        pauseRequested = false;
    }

    /** Replaces the data breakpoints; their values now are the baseline. */
    public void setWatches(List<Watch> list) {
        java.util.concurrent.atomic.AtomicLong[] counters = new java.util.concurrent.atomic.AtomicLong[list.size()];
        for (int i = 0; i < counters.length; i++) counters[i] = new java.util.concurrent.atomic.AtomicLong();
        reads = counters;
        watches = List.copyOf(list);
        watched = watchValues();
    }

    public List<Watch> watches() {
        return watches;
    }

    /** Counts reads of fd and mapping bytes that overlap a memory range watched for reads. */
    private long noteRead(long address, long length) {
        List<Watch> list = watches;
        java.util.concurrent.atomic.AtomicLong[] counters = reads;
        for (int i = 0; i < list.size() && i < counters.length; i++) {
            Watch w = list.get(i);
            if (w.access() != WatchTarget.Access.WRITE && w.target() instanceof WatchTarget.MemoryRange m && m.overlaps(address, length)) {
                counters[i].incrementAndGet();
            }
        }
        return 0;
    }

    private Object value(int i) {
        Watch w = watches.get(i);
        java.util.concurrent.atomic.AtomicLong[] counters = reads;
        long n = i < counters.length ? counters[i].get() : 0;
        return switch (w.access()) {
            case WRITE -> w.target().read(in.machine());
            case READ -> "read " + n + " times";
            case READ_WRITE -> w.target().read(in.machine()) + ", read " + n + " times";
        };
    }

    private Stop checkWatches() {
        List<Watch> list = watches;
        if (list.isEmpty()) return null;
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < list.size() && i < watched.length; i++) {
            Object now = value(i);
            if (!Objects.equals(now, watched[i])) {
                if (changes.length() > 0) changes.append("; ");
                changes.append(list.get(i).description()).append(": ").append(watched[i]).append(" -> ").append(now);
                watched[i] = now;
            }
        }
        return changes.length() == 0 ? null : new Stop(Reason.DATA_BREAKPOINT, changes.toString());
    }

    /** Runs until something stops it. The first statement is never checked for breakpoints: execution is already there. */
    public Stop resume(Mode mode) {
        return stop(run(mode));
    }

    private Stop run(Mode mode) {
        int startDepth = in.depth();
        if (history != null) history.resumed(in);
        boolean first = true;
        while (true) {
            Frame running = in.topFrame();
            if (running == null) return new Stop(Reason.EXITED, null);
            if (!first) {
                if (pauseRequested) {
                    pauseRequested = false;
                    return new Stop(Reason.PAUSE, null);
                }
                if (mayStopBefore(running)) {
                    Stop hit = checkBefore(in.next());
                    if (hit != null) return hit;
                }
            }
            first = false;
            if (history != null) history.record(in);
            lastError = null;
            StepResult r = in.step();
            if (r.done()) return new Stop(Reason.EXITED, null);
            if (r.failed()) {
                Failure failure = failure(running, r.location(), failureReason(r));
                boolean unknown = failure.kind().equals(UNKNOWN_COMMAND);
                if (breakpoints.filter(Breakpoints.FAILED) || (unknown && breakpoints.filter(Breakpoints.UNKNOWN))) {
                    return stop(new Stop(Reason.EXCEPTION, failure.text(), failure));
                }
            }
            // the last statement ran: the session ends here, whatever the step mode (a stop with no frame shows nothing)
            if (in.finished()) return new Stop(Reason.EXITED, null);
            Stop changed = checkWatches();
            if (changed != null) return changed;
            int depth = in.depth();
            boolean statementDone = r.kind() == StepResult.Kind.STATEMENT;
            switch (mode) {
                case STEP_IN -> {
                    return new Stop(Reason.STEP, null);
                }
                case NEXT -> {
                    if (statementDone && depth <= startDepth) return new Stop(Reason.STEP, null);
                }
                case STEP_OUT -> {
                    if (statementDone && depth < startDepth) return new Stop(Reason.STEP, null);
                }
                default -> { }
            }
        }
    }

    /** Breakpoints and filters that stop before a statement runs. Logpoints print and never stop. */
    private Stop checkBefore(Location at) {
        if (at == null) return null;
        Frame frame = in.frames().get(in.frames().size() - 1);
        boolean lineStart = frame.line() == at.line() && !pendingLine();
        if (!lineStart) return null;
        Function<String, String> vars = in::variable;
        String key = key(at.path());
        Breakpoints.Line bp = breakpoints.line(key, at.line());
        if (bp != null && (bp.condition() == null || bp.condition().isBlank() || Condition.evaluate(bp.condition(), vars))
                && breakpoints.hit(key + ":" + at.line(), bp.hitCondition())) {
            if (bp.logMessage() != null && !bp.logMessage().isEmpty()) {
                log.accept(Condition.interpolate(bp.logMessage(), vars), at);
            } else {
                return new Stop(Reason.BREAKPOINT, null);
            }
        }
        if (breakpoints.anyCommands()) {
            ScriptLine line = frame.script().line(at.line());
            if (line.kind() == LineKind.COMMAND) {
                Breakpoints.Command c = breakpoints.command(line.name());
                if (c != null && (c.condition() == null || c.condition().isBlank() || Condition.evaluate(c.condition(), vars))
                        && breakpoints.hit("command:" + c.name(), c.hitCondition())) {
                    return new Stop(Reason.FUNCTION_BREAKPOINT, line.name());
                }
            }
        }
        if (breakpoints.portabilityFilter()) {
            String problem = portability.apply(at);
            if (problem != null) {
                ScriptLine line = frame.script().line(at.line());
                Failure f = new Failure(PORTABILITY, line.kind() == LineKind.COMMAND ? line.name() : null, problem, at, null);
                return new Stop(Reason.EXCEPTION, f.text(), f);
            }
        }
        return null;
    }

    private boolean pendingLine() {
        return in.frames().get(in.frames().size() - 1).pending();
    }

    // ---- reverse execution -------------------------------------------------------------------

    /** Goes back one step. */
    public Stop stepBack() {
        return stop(back());
    }

    private Stop back() {
        long target = in.steps() - 1;
        if (history == null || target < 0 || history.atOrBefore(target) == null) return new Stop(Reason.ENTRY, "At the start of the history");
        goTo(target);
        rebaseline();
        return new Stop(Reason.STEP, null);
    }

    /** Runs backwards to the latest earlier statement with an active breakpoint, or to the start. */
    public Stop reverseContinue() {
        return stop(reverse());
    }

    private Stop reverse() {
        if (history == null) return new Stop(Reason.ENTRY, "At the start of the history");
        long now = in.steps();
        long end = now;
        Map.Entry<Long, Interpreter.Snapshot> segment = history.before(now);
        while (segment != null) {
            long found = -1;
            in.restore(segment.getValue());
            OutputSink sink = in.sink();
            in.setSink(NOWHERE);
            try {
                boolean watching = !watches.isEmpty();
                Object[] before = watching ? watchValues() : null;
                while (in.steps() < end && !in.finished()) {
                    Frame top = in.topFrame();
                    if (lineBreakpointAt(top) && breakpointAt(in.next())) found = in.steps();
                    StepResult r = in.step();
                    // an exception filter stops on the line after the failing one, as it does going forwards
                    if (r.failed() && breakpoints.filter(Breakpoints.FAILED) && in.steps() < now) found = in.steps();
                    if (!watching) continue;
                    Object[] after = watchValues();
                    // a data breakpoint stops on the line after the step that changed the value
                    if (!java.util.Arrays.equals(before, after) && in.steps() < now) found = in.steps();
                    before = after;
                }
            } finally {
                in.setSink(sink);
            }
            if (found >= 0 && found < now) {
                goTo(found);
                rebaseline();
                return new Stop(Reason.BREAKPOINT, null);
            }
            end = segment.getKey();
            segment = history.before(end);
        }
        Map.Entry<Long, Interpreter.Snapshot> start = history.atOrBefore(0);
        if (start != null) in.restore(start.getValue());
        else goTo(history.earliest());
        return new Stop(Reason.ENTRY, "Reached the start of the history");
    }

    private Object[] watchValues() {
        List<Watch> list = watches;
        Object[] values = new Object[list.size()];
        for (int i = 0; i < values.length; i++) values[i] = value(i);
        return values;
    }

    private boolean breakpointAt(Location at) {
        if (at == null || pendingLine()) return false;
        Breakpoints.Line bp = breakpoints.line(key(at.path()), at.line());
        if (bp == null || (bp.logMessage() != null && !bp.logMessage().isEmpty())) return false;
        return bp.condition() == null || bp.condition().isBlank() || Condition.evaluate(bp.condition(), in::variable);
    }

    /** Goes back to where a frame (0 = the outermost) began: the whole machine as it was then. */
    public boolean restartFrame(int frame) {
        if (history == null || frame < 0 || frame >= in.frames().size()) return false;
        long entry = in.frames().get(frame).entryStep();
        if (history.atOrBefore(entry) == null) return false;
        goTo(entry);
        stop(new Stop(Reason.STEP, null));
        return true;
    }

    /** A line the next statement may move to, with its label. */
    public record GotoTarget(int line, String label) {}

    /** The goto target at a line of a script, or null: a statement of the innermost frame's current block. */
    public GotoTarget gotoTarget(String path, int line) {
        List<Frame> frames = in.frames();
        if (frames.isEmpty()) return null;
        Frame top = frames.get(frames.size() - 1);
        if (!top.path().equals(path) || line < 0 || line >= top.script().size() || !top.script().line(line).kind().isStatement()) return null;
        if (!Interpreter.enclosing(top.script(), line).equals(Interpreter.enclosing(top.script(), top.line()))) return null;
        return new GotoTarget(line, "line " + (line + 1) + ": " + top.script().line(line).text());
    }

    /** Moves the next statement to another line of the current block (goto); false when the rule forbids it. */
    public boolean jump(int line) {
        if (!in.jump(line)) return false;
        stateChanged();
        stop(new Stop(Reason.GOTO, null));
        return true;
    }

    /** Records a stop made outside {@link #resume} (entry, a restart). */
    public Stop stop(Stop stop) {
        lastStop = stop;
        return stop;
    }

    /** The last stop: what the stack and the exception details describe. */
    public Stop lastStop() {
        return lastStop;
    }

    /** How a session ended, as {@code eyn run} would report it: exit status 1 when a command failed. */
    public record Summary(String script, long statements, long commands, long failures) {
        public int exitStatus() {
            return failures > 0 ? 1 : 0;
        }

        public String text() {
            return script + " ended: " + statements + (statements == 1 ? " statement, " : " statements, ")
                    + (failures == 0 ? "no command failed" : failures + (failures == 1 ? " command failed" : " commands failed"))
                    + ", exit status " + exitStatus();
        }
    }

    public Summary summary(String script) {
        var c = in.counters();
        return new Summary(script, c.statements, c.commands, c.failures);
    }

    // ---- what a stop shows --------------------------------------------------------------------

    public static final String UNKNOWN_COMMAND = "Command not found";
    public static final String COMMAND_FAILED = "Command failed";
    public static final String PORTABILITY = "Portability warning";

    private Failure failure(Frame frame, Location at, String error) {
        String command = null;
        if (frame.path().equals(at.path()) && at.line() < frame.script().size()) {
            ScriptLine line = frame.script().line(at.line());
            if (line.kind() == LineKind.COMMAND) command = line.name();
        }
        boolean unknown = command != null && error.equals(in.profile().commands().notFound(command))
                || error.startsWith("Command not found");
        String hint = null;
        if (unknown && command != null) {
            java.util.Set<String> names = new java.util.TreeSet<>(eyn.commands.CommandTable.names());
            for (var spec : in.profile().commands().all()) names.add(spec.name());
            hint = eyn.analysis.Suggestions.closest(command, names);
        }
        return new Failure(unknown ? UNKNOWN_COMMAND : COMMAND_FAILED, command, error, at, hint, frame.callLine());
    }

    /**
     * The stack as shown, innermost first: a caller's line is its {@code run} line, and after a
     * failed command the innermost frame's line is the line that failed (a frame the failure ended
     * is shown too, so the failure keeps its line).
     */
    public List<ShownFrame> stack() {
        List<Frame> frames = in.frames();
        List<ShownFrame> out = new java.util.ArrayList<>();
        Failure failure = lastStop == null ? null : lastStop.failure();
        if (failure != null && failure.kind().equals(PORTABILITY)) failure = null;
        int endedCallLine = -1;
        if (failure != null && failure.at().depth() > frames.size()) {
            out.add(new ShownFrame(Math.max(0, frames.size() - 1), frameName(failure.at().path(), failure.at().depth() == 1, null),
                    failure.at().path(), failure.at().line()));
            endedCallLine = failure.callLine();
            failure = null;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            int line = f.line();
            if (i < frames.size() - 1 && frames.get(i + 1).callLine() >= 0) line = frames.get(i + 1).callLine();
            else if (i == frames.size() - 1 && endedCallLine >= 0) line = endedCallLine;
            else if (i == frames.size() - 1 && failure != null && failure.at().path().equals(f.path())
                    && failure.at().depth() == frames.size()) line = failure.at().line();
            line = Math.min(line, Math.max(0, f.script().size() - 1));
            out.add(new ShownFrame(i, frameName(f.path(), i == 0, f), f.path(), line));
        }
        return out;
    }

    /**
     * A frame's name without the file name, which the UI shows beside it: "main" for the
     * outermost script, "run" for a nested one, with the innermost loop ("main (loop 3/10)",
     * "main (while line 3, pass 2)").
     */
    public static String frameName(String path, boolean outermost, Frame f) {
        String name = outermost ? "main" : "run";
        if (f == null) return name;
        eyn.interpreter.Block loop = null;
        for (eyn.interpreter.Block b : f.blocks()) if (b.kind == eyn.interpreter.Block.Kind.LOOP) loop = b;
        if (loop != null) return name + " (loop " + loop.iteration() + "/" + loop.total + ")";
        var blocks = f.engineBlocks();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i).kind().equals("while")) return name + " (while line " + (blocks.get(i).line() + 1) + ", pass " + blocks.get(i).iteration() + ")";
        }
        return name;
    }

    /** Puts the interpreter and machine in the state they had after {@code step} steps. */
    public void goTo(long step) {
        Map.Entry<Long, Interpreter.Snapshot> c = history.atOrBefore(step);
        if (c == null) return;
        in.restore(c.getValue());
        OutputSink sink = in.sink();
        in.setSink(NOWHERE);
        try {
            while (in.steps() < step && !in.finished()) in.step();
        } finally {
            in.setSink(sink);
        }
    }

    private void rebaseline() {
        Object[] values = watchValues();
        if (values.length == watched.length) watched = values;
    }

    /** Moves an fd's offset (the debugger's "set value" on it); the problem in words, or null when done. */
    public String setOffset(int fd, String value) {
        var f = in.machine().fds().get(fd);
        if (f == null) return "fd " + fd + " is not open";
        long offset;
        try {
            offset = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return "An offset is a number, not '" + value + "'";
        }
        if (offset < 0 || offset > f.size()) return "The offset must be between 0 and the file size " + f.size();
        f.offset = (int) offset;
        stateChanged();
        return null;
    }

    /** The user changed the state (a variable, memory, a console command): later checkpoints no longer describe the future. */
    public void stateChanged() {
        if (history != null) history.truncateAfter(in.steps());
    }
}
