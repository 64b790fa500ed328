package eyn.debug;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the debugger stops on: line breakpoints per script (with condition, hit condition or log
 * message), command breakpoints (stop before every {@code zsplice}), and exception filters.
 */
public final class Breakpoints {
    public static final String FAILED = "failed";
    public static final String UNKNOWN = "unknown";
    public static final String PORTABILITY = "portability";

    /** A line breakpoint; {@code line} is 0-based. A logMessage makes it a logpoint. */
    public record Line(int line, String condition, String hitCondition, String logMessage) {}

    /** A breakpoint on every run of a command. */
    public record Command(String name, String condition, String hitCondition) {}

    private final Map<String, Map<Integer, Line>> lines = new HashMap<>();
    private final Map<String, Command> commands = new HashMap<>();
    private final Map<Object, Long> hits = new HashMap<>();
    private volatile Set<String> filters = Set.of();
    /** Bumped by every change: a debugger caches what it looks up per statement until this moves. */
    private volatile int version;
    private volatile boolean anyCommands;
    private volatile boolean portability;

    public synchronized void setLines(String path, List<Line> list) {
        Map<Integer, Line> byLine = new HashMap<>();
        for (Line l : list) byLine.put(l.line(), l);
        lines.put(path, byLine);
        hits.keySet().removeIf(k -> k instanceof String s && s.startsWith(path + ":"));
        version++;
    }

    public synchronized void setCommands(List<Command> list) {
        commands.clear();
        for (Command c : list) commands.put(c.name(), c);
        anyCommands = !commands.isEmpty();
        version++;
    }

    public synchronized void setFilters(Set<String> names) {
        filters = Set.copyOf(names);
        portability = filters.contains(PORTABILITY);
        version++;
    }

    /** Changes with every change of the breakpoints: what was looked up under an older version is stale. */
    public int version() {
        return version;
    }

    /** The lines of a script that have a line breakpoint (a copy), or null when it has none. */
    public synchronized BitSet lineSet(String path) {
        Map<Integer, Line> byLine = lines.get(path);
        if (byLine == null || byLine.isEmpty()) return null;
        BitSet set = new BitSet();
        for (Integer line : byLine.keySet()) if (line >= 0) set.set(line);
        return set;
    }

    /** Whether the portability filter is on: every line then needs a look before it runs. */
    public boolean portabilityFilter() {
        return portability;
    }

    public boolean filter(String name) {
        return filters.contains(name);
    }

    public synchronized Line line(String path, int line) {
        Map<Integer, Line> byLine = lines.get(path);
        return byLine == null ? null : byLine.get(line);
    }

    public synchronized boolean anyLines() {
        for (Map<Integer, Line> m : lines.values()) if (!m.isEmpty()) return true;
        return false;
    }

    public synchronized Command command(String name) {
        return commands.get(name);
    }

    public boolean anyCommands() {
        return anyCommands;
    }

    /** Counts a hit and tells whether the hit condition ("3", ">= 3", "% 2") lets it stop. */
    synchronized boolean hit(Object key, String hitCondition) {
        long n = hits.merge(key, 1L, Long::sum);
        if (hitCondition == null || hitCondition.isBlank()) return true;
        String c = hitCondition.strip();
        try {
            if (c.startsWith(">=")) return n >= Long.parseLong(c.substring(2).strip());
            if (c.startsWith("<=")) return n <= Long.parseLong(c.substring(2).strip());
            if (c.startsWith(">")) return n > Long.parseLong(c.substring(1).strip());
            if (c.startsWith("<")) return n < Long.parseLong(c.substring(1).strip());
            if (c.startsWith("%")) return n % Long.parseLong(c.substring(1).strip()) == 0;
            if (c.startsWith("==")) return n == Long.parseLong(c.substring(2).strip());
            return n == Long.parseLong(c);
        } catch (NumberFormatException | ArithmeticException e) {
            return true;
        }
    }

    /** Whether a hit condition is understood, so a breakpoint can say why it is not verified. */
    public static boolean validHitCondition(String c) {
        if (c == null || c.isBlank()) return true;
        return c.strip().matches("(>=|<=|==|>|<|%)?\\s*\\d{1,18}");
    }

    synchronized void resetHits() {
        hits.clear();
    }

    /** Where a line breakpoint applies: the statement at or after {@code line}, else the last one before it; -1 when there is none. */
    public static int statementNear(eyn.language.Script script, int line) {
        if (line < 0) line = 0;
        int after = script.nextStatement(line);
        if (after < script.size()) return after;
        for (int i = Math.min(line, script.size() - 1); i >= 0; i--) if (script.line(i).kind().isStatement()) return i;
        return -1;
    }
}
