package eyn.analysis;

import eyn.language.LineShift;
import eyn.machine.files.Mode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is known at one point of a script: which fds are (maybe) open and how, which variables are
 * set, the current directory, files created or deleted so far. States are shared between lines
 * until changed: {@link #edit()} copies a frozen state before a change.
 */
public final class FlowState {
    /** An fd known at this point: opened on {@code line}; {@code maybe} when only some paths opened it. */
    public record FdFact(int fd, int line, String path, Mode mode, boolean maybe) {}

    TreeMap<Integer, FdFact> fds = new TreeMap<>();
    Map<Integer, Integer> closedAt = new HashMap<>();
    boolean fdsUnknown;
    int everOpened;
    /** False when paths with different numbers of zopens meet (EYN-OS's fd numbers then differ). */
    boolean everOpenedKnown = true;
    int minMappings;
    int maxMappings;
    Set<String> vars = new HashSet<>();
    Set<String> maybeVars = new HashSet<>();
    /** Null when a `cd` or `drive` made it unknown. */
    String cwd = "/";
    Set<String> created = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    private boolean frozen;
    /** Collections still shared with the state this one was copied from: copied on their first write. */
    private int shared;
    private static final int FDS = 1;
    private static final int CLOSED = 2;
    private static final int VARS = 4;
    private static final int CREATED = 8;
    private static final int DELETED = 16;

    /** This state if it may change, else a copy that shares its collections until they change. */
    FlowState edit() {
        if (!frozen) return this;
        FlowState s = new FlowState();
        s.fds = fds;
        s.closedAt = closedAt;
        s.fdsUnknown = fdsUnknown;
        s.everOpened = everOpened;
        s.everOpenedKnown = everOpenedKnown;
        s.minMappings = minMappings;
        s.maxMappings = maxMappings;
        s.vars = vars;
        s.maybeVars = maybeVars;
        s.cwd = cwd;
        s.created = created;
        s.deleted = deleted;
        s.shared = FDS | CLOSED | VARS | CREATED | DELETED;
        return s;
    }

    TreeMap<Integer, FdFact> fdsForWrite() {
        if ((shared & FDS) != 0) {
            fds = new TreeMap<>(fds);
            shared &= ~FDS;
        }
        return fds;
    }

    Map<Integer, Integer> closedForWrite() {
        if ((shared & CLOSED) != 0) {
            closedAt = new HashMap<>(closedAt);
            shared &= ~CLOSED;
        }
        return closedAt;
    }

    Set<String> varsForWrite() {
        if ((shared & VARS) != 0) {
            vars = new HashSet<>(vars);
            shared &= ~VARS;
        }
        return vars;
    }

    Set<String> createdForWrite() {
        if ((shared & CREATED) != 0) {
            created = new HashSet<>(created);
            shared &= ~CREATED;
        }
        return created;
    }

    Set<String> deletedForWrite() {
        if ((shared & DELETED) != 0) {
            deleted = new HashSet<>(deleted);
            shared &= ~DELETED;
        }
        return deleted;
    }

    FlowState freeze() {
        frozen = true;
        return this;
    }

    /** The state after either of two paths. */
    static FlowState join(FlowState a, FlowState b) {
        if (a == b) return a;
        FlowState s = new FlowState();
        Set<Integer> all = new HashSet<>(a.fds.keySet());
        all.addAll(b.fds.keySet());
        for (int fd : all) {
            FdFact x = a.fds.get(fd);
            FdFact y = b.fds.get(fd);
            FdFact any = x != null ? x : y;
            boolean maybe = x == null || y == null || x.maybe() || y.maybe();
            Mode mode = x != null && y != null && x.mode() != y.mode() ? null : any.mode();
            s.fds.put(fd, new FdFact(fd, any.line(), any.path(), mode, maybe));
        }
        for (Map.Entry<Integer, Integer> e : a.closedAt.entrySet()) {
            if (b.closedAt.containsKey(e.getKey())) s.closedAt.put(e.getKey(), e.getValue());
        }
        s.fdsUnknown = a.fdsUnknown || b.fdsUnknown;
        s.everOpened = Math.max(a.everOpened, b.everOpened);
        s.everOpenedKnown = a.everOpenedKnown && b.everOpenedKnown && a.everOpened == b.everOpened;
        s.minMappings = Math.min(a.minMappings, b.minMappings);
        s.maxMappings = Math.max(a.maxMappings, b.maxMappings);
        s.vars = new HashSet<>(a.vars);
        s.vars.retainAll(b.vars);
        s.maybeVars = new HashSet<>(a.maybeVars);
        s.maybeVars.addAll(b.maybeVars);
        s.maybeVars.addAll(a.vars);
        s.maybeVars.addAll(b.vars);
        s.cwd = a.cwd != null && a.cwd.equals(b.cwd) ? a.cwd : null;
        s.created = new HashSet<>(a.created);
        s.created.retainAll(b.created);
        s.deleted = new HashSet<>(a.deleted);
        s.deleted.addAll(b.deleted);
        return s;
    }

    /**
     * This state with the lines it names (where fds were opened and closed) moved by {@code shift}:
     * how a state reused from an earlier version's analysis reads in this version ({@code null}: no shift).
     */
    FlowState shifted(LineShift shift) {
        if (shift == null || shift.identity() || fds.isEmpty() && closedAt.isEmpty()) return this;
        FlowState s = edit();
        if (s == this) throw new IllegalStateException("only a frozen state is shifted");
        TreeMap<Integer, FdFact> movedFds = new TreeMap<>();
        for (FdFact f : fds.values()) movedFds.put(f.fd(), new FdFact(f.fd(), shift.apply(f.line()), f.path(), f.mode(), f.maybe()));
        Map<Integer, Integer> movedClosed = new HashMap<>();
        closedAt.forEach((fd, line) -> movedClosed.put(fd, shift.apply(line)));
        s.fds = movedFds;
        s.closedAt = movedClosed;
        s.shared &= ~(FDS | CLOSED);
        return s.freeze();
    }

    /**
     * Whether this state says the same as {@code other}, a state of an earlier version whose lines
     * {@code otherLines} maps to this version's (-1 for a line that is gone, which never matches).
     */
    boolean sameAs(FlowState other, java.util.function.IntUnaryOperator otherLines) {
        if (fdsUnknown != other.fdsUnknown || everOpened != other.everOpened || everOpenedKnown != other.everOpenedKnown
                || minMappings != other.minMappings || maxMappings != other.maxMappings || !java.util.Objects.equals(cwd, other.cwd)
                || fds.size() != other.fds.size() || closedAt.size() != other.closedAt.size()) {
            return false;
        }
        for (FdFact f : fds.values()) {
            FdFact g = other.fds.get(f.fd());
            if (g == null || f.maybe() != g.maybe() || f.mode() != g.mode() || !java.util.Objects.equals(f.path(), g.path())
                    || otherLines.applyAsInt(g.line()) != f.line()) {
                return false;
            }
        }
        for (Map.Entry<Integer, Integer> e : closedAt.entrySet()) {
            Integer line = other.closedAt.get(e.getKey());
            if (line == null || otherLines.applyAsInt(line) != e.getValue()) return false;
        }
        return vars.equals(other.vars) && maybeVars.equals(other.maybeVars) && created.equals(other.created) && deleted.equals(other.deleted);
    }

    /** Whether two states of the same version say the same (for tests of the incremental analysis). */
    public boolean sameAs(FlowState other) {
        return sameAs(other, line -> line);
    }

    public Map<Integer, FdFact> fds() { return Collections.unmodifiableMap(fds); }
    public boolean fdsUnknown() { return fdsUnknown; }
    public Set<String> variables() { return Collections.unmodifiableSet(vars); }
    public Set<String> maybeVariables() { return Collections.unmodifiableSet(maybeVars); }
    public String cwd() { return cwd; }

    /** The fd the next zopen returns, or -1 when that depends on the path taken. */
    public int nextFd(int limit) {
        if (fdsUnknown) return -1;
        for (int fd = 0; fd < limit; fd++) {
            FdFact f = fds.get(fd);
            if (f == null) return fd;
            if (f.maybe()) return -1;
        }
        return -1;
    }
}
