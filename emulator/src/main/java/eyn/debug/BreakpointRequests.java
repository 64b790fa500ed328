package eyn.debug;

import eyn.language.Parser;
import eyn.language.Script;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breakpoints as a client asks for them, checked and placed: a line breakpoint moves to the nearest
 * statement or says why it cannot apply, a command breakpoint names a command some profile knows,
 * and the exception filters are the three {@link Breakpoints} knows. The answers are typed
 * {@link Verdict}s; a protocol adapter only translates them.
 */
public final class BreakpointRequests {
    /** An exception filter as a client lists it. */
    public record Filter(String id, String label, String description) {}

    public static final List<Filter> FILTERS = List.of(
            new Filter(Breakpoints.FAILED, "Command failed", "Stop after a command prints an error"),
            new Filter(Breakpoints.UNKNOWN, "Unknown command", "Stop after 'Command not found'"),
            new Filter(Breakpoints.PORTABILITY, "Portability warning", "Stop before a line that behaves differently on the real EYN-OS"));

    /** A line breakpoint as asked for; {@code line} is 0-based. A log message makes it a logpoint. */
    public record LineRequest(int line, String condition, String hitCondition, String logMessage) {}

    /** A breakpoint on every run of a command, as asked for. */
    public record CommandRequest(String name, String condition, String hitCondition) {}

    /** Where a breakpoint applies ({@code line} 0-based, -1 for a command) or, when {@code problem} is set, why it does not. */
    public record Verdict(int line, String problem) {
        public boolean verified() {
            return problem == null;
        }

        static Verdict refused(String problem) {
            return new Verdict(-1, problem);
        }
    }

    private BreakpointRequests() {}

    /**
     * Replaces the line breakpoints of one file. {@code text} is the file's text (null when it cannot
     * be read), {@code onDrive} false when the file is not on drive 0, so the script cannot run it;
     * {@code key} is what {@link Debugger#setSourceKey} maps the script's path to.
     */
    public static List<Verdict> setLines(Breakpoints into, String key, String file, String text, boolean onDrive,
                                         List<LineRequest> requests) {
        Script script = null;
        if (text != null) {
            try {
                script = Parser.parse(file, text);
            } catch (RuntimeException e) {
                script = null; // the parser never throws; a file that cannot be parsed gets no breakpoints
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<Breakpoints.Line> lines = new ArrayList<>();
        for (LineRequest r : requests) {
            int actual = script == null ? -1 : Breakpoints.statementNear(script, r.line());
            Verdict v;
            if (script == null) v = Verdict.refused("Cannot read " + file);
            else if (actual < 0) v = Verdict.refused("No statement at or near this line");
            else if (!Breakpoints.validHitCondition(r.hitCondition())) {
                v = Verdict.refused("Hit conditions are a number, or one of >= <= > < == % followed by a number");
            } else if (!onDrive) v = Verdict.refused("This file is not on drive 0, so the script cannot run it");
            else {
                v = new Verdict(actual, null);
                lines.add(new Breakpoints.Line(actual, r.condition(), r.hitCondition(), r.logMessage()));
            }
            verdicts.add(v);
        }
        into.setLines(key, lines);
        return verdicts;
    }

    /** Replaces the command breakpoints: a name no profile knows is refused. */
    public static List<Verdict> setCommands(Breakpoints into, List<CommandRequest> requests) {
        List<Verdict> verdicts = new ArrayList<>();
        List<Breakpoints.Command> commands = new ArrayList<>();
        for (CommandRequest r : requests) {
            String name = r.name() == null ? "" : r.name().strip();
            if (ConsoleCompletions.knownCommand(name)) {
                commands.add(new Breakpoints.Command(name, r.condition(), r.hitCondition()));
                verdicts.add(new Verdict(-1, null));
            } else {
                verdicts.add(Verdict.refused("No EYN command is called '" + name + "'"));
            }
        }
        into.setCommands(commands);
        return verdicts;
    }

    /** Replaces the exception filters; an unknown one is refused and changes nothing. */
    public static void setFilters(Breakpoints into, Collection<String> ids) {
        Set<String> filters = new HashSet<>();
        for (String id : ids) {
            if (FILTERS.stream().noneMatch(f -> f.id().equals(id))) throw new Refusal("Unknown exception filter '" + id + "'");
            filters.add(id);
        }
        into.setFilters(filters);
    }
}
