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

    /** A data breakpoint: execution stops after the step that changed what {@code value} reads. */
    public record Watch(String id, String description, java.util.function.Supplier<Object> value) {}

    /** The reason a failed step gives: its Failed effect, else the last red line it printed. */
    private String failure(StepResult r) {
        for (eyn.commands.Effect e : r.effects()) {
            if (e instanceof eyn.commands.Effect.Failed f) return f.reason();
        }
        return lastError == null ? "A command failed" : lastError;
    }

    /** Why execution stopped; {@code text} explains exceptions and pauses. */
    public record Stop(Reason reason, String text) {
        public boolean exited() {
            return reason == Reason.EXITED;
        }
    }

    private static final OutputSink NOWHERE = (color, text, where) -> { };

    private final Interpreter in;
    private final Breakpoints breakpoints;
    private final History history;
    private final Function<Location, String> portability;
    private final BiConsumer<String, Location> log;
    /** The key breakpoints are stored under for a script path (a debug adapter uses host file paths). */
    private Function<String, String> sourceKey = Function.identity();
    private volatile boolean pauseRequested;
    private String lastError;
    private volatile List<Watch> watches = List.of();
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
    }
    public History history() { return history; }

    public void requestPause() {
        pauseRequested = true;
    }

    /** Replaces the data breakpoints; their values now are the baseline. */
    public void setWatches(List<Watch> list) {
        watches = List.copyOf(list);
        watched = new Object[watches.size()];
        for (int i = 0; i < watches.size(); i++) watched[i] = watches.get(i).value().get();
    }

    private Stop checkWatches() {
        List<Watch> list = watches;
        if (list.isEmpty()) return null;
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < list.size() && i < watched.length; i++) {
            Object now = list.get(i).value().get();
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
        pauseRequested = false;
        int startDepth = in.frames().size();
        boolean first = true;
        while (true) {
            if (in.finished()) return new Stop(Reason.EXITED, null);
            if (!first) {
                if (pauseRequested) {
                    pauseRequested = false;
                    return new Stop(Reason.PAUSE, null);
                }
                Stop hit = checkBefore(in.next());
                if (hit != null) return hit;
            }
            first = false;
            if (history != null) history.record(in);
            lastError = null;
            StepResult r = in.step();
            if (r.done()) return new Stop(Reason.EXITED, null);
            if (r.failed()) {
                String error = failure(r);
                boolean unknown = error.startsWith("Command not found");
                if (breakpoints.filter(Breakpoints.FAILED) || (unknown && breakpoints.filter(Breakpoints.UNKNOWN))) {
                    return new Stop(Reason.EXCEPTION, "Line " + (r.location().line() + 1) + ": " + error);
                }
            }
            Stop changed = checkWatches();
            if (changed != null) return changed;
            int depth = in.frames().size();
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
        String key = sourceKey.apply(at.path());
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
        if (breakpoints.filter(Breakpoints.PORTABILITY)) {
            String problem = portability.apply(at);
            if (problem != null) return new Stop(Reason.EXCEPTION, "Line " + (at.line() + 1) + ": " + problem);
        }
        return null;
    }

    private boolean pendingLine() {
        return in.frames().get(in.frames().size() - 1).pending();
    }

    // ---- reverse execution -------------------------------------------------------------------

    /** Goes back one step. */
    public Stop stepBack() {
        long target = in.steps() - 1;
        if (history == null || target < 0 || history.atOrBefore(target) == null) return new Stop(Reason.ENTRY, "At the start of the history");
        goTo(target);
        rebaseline();
        return new Stop(Reason.STEP, null);
    }

    /** Runs backwards to the latest earlier statement with an active breakpoint, or to the start. */
    public Stop reverseContinue() {
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
                Object[] before = watchValues();
                while (in.steps() < end && !in.finished()) {
                    if (breakpointAt(in.next())) found = in.steps();
                    StepResult r = in.step();
                    // an exception filter stops on the line after the failing one, as it does going forwards
                    if (r.failed() && breakpoints.filter(Breakpoints.FAILED) && in.steps() < now) found = in.steps();
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
        for (int i = 0; i < values.length; i++) values[i] = list.get(i).value().get();
        return values;
    }

    private boolean breakpointAt(Location at) {
        if (at == null || pendingLine()) return false;
        Breakpoints.Line bp = breakpoints.line(sourceKey.apply(at.path()), at.line());
        if (bp == null || (bp.logMessage() != null && !bp.logMessage().isEmpty())) return false;
        return bp.condition() == null || bp.condition().isBlank() || Condition.evaluate(bp.condition(), in::variable);
    }

    /** Goes back to where a frame (0 = the outermost) began: the whole machine as it was then. */
    public boolean restartFrame(int frame) {
        if (history == null || frame < 0 || frame >= in.frames().size()) return false;
        long entry = in.frames().get(frame).entryStep();
        if (history.atOrBefore(entry) == null) return false;
        goTo(entry);
        return true;
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

    /** The user changed the state (a variable, memory, a console command): later checkpoints no longer describe the future. */
    public void stateChanged() {
        if (history != null) history.truncateAfter(in.steps());
    }
}
