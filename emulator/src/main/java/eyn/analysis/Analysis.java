package eyn.analysis;

import eyn.language.LineShift;
import eyn.language.Script;
import eyn.profile.Profile;
import eyn.profile.ProfileChoice;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one version of a script: its diagnostics and the facts editor features read
 * (state before each line, variable and fd occurrences, fds and addresses a line will produce).
 * Immutable once built.
 */
public final class Analysis {
    /** A variable name in the text: a {@code set} target ({@code definition}) or a {@code $NAME} use. */
    public record Occurrence(String name, int line, int start, int end, boolean definition) {
        /** This occurrence with its line moved (an earlier version's, read in a later one). */
        Occurrence moved(LineShift shift) {
            int to = shift.apply(line);
            return to == line ? this : new Occurrence(name, to, start, end, definition);
        }
    }

    /** An fd number in the text and the zopen line it refers to (-1 when unknown). */
    public record FdOccurrence(int fd, int line, int start, int end, int originLine) {
        /** This occurrence with its line and its zopen line moved. */
        FdOccurrence moved(LineShift shift) {
            int to = shift.apply(line);
            int origin = originLine < 0 ? originLine : shift.apply(originLine);
            return to == line && origin == originLine ? this : new FdOccurrence(fd, to, start, end, origin);
        }
    }

    /** A zopen line and the fd it returns, when that is certain. */
    public record FdHint(int line, int fd) {
        /** This hint with its line moved. */
        FdHint moved(LineShift shift) {
            int to = shift.apply(line);
            return to == line ? this : new FdHint(to, fd);
        }
    }

    /** A mapping observed in the dry run: where mmap put it and which file. */
    public record MappingFact(long address, int line, String path, boolean readOnly) {}

    private final Script script;
    private final List<Diagnostic> diagnostics;
    /** The state before line {@code base + k} is {@code before[k]}: a whole-file analysis has base 0. */
    private final FlowState[] before;
    /**
     * How the lines named in {@code before[k]} move to this version's (null when none moves): states
     * reused from an earlier version's analysis keep that version's line numbers.
     */
    private final LineShift[] shifts;
    private final int base;
    /** The diagnostics of the flow through the lines, in line order, before suppressions: what the next version can reuse (null when it cannot). */
    private final List<Diagnostic> flow;
    /** Lines before which no block is open: a later analysis may start there from this one's state. */
    private final java.util.BitSet topLevel;
    private java.util.function.Supplier<List<Occurrence>> variableSource;
    private List<Occurrence> variables;
    private final List<FdOccurrence> fds;
    /** In line order: a {@link MovedList} shared with earlier analyses like the occurrences. */
    private final List<FdHint> fdHints;
    private final Map<Integer, Long> addressHints;
    private final List<MappingFact> mappings;
    private final ProfileChoice profile;
    private final boolean partial;
    /** Each variable the script sets and the line of its first {@code set} (null when not recorded: see {@link #defining}). */
    private Map<String, Integer> firstDefinitions;
    /** Their lines, ascending. */
    private int[] firstDefinitionLines;
    /** How many lines the flow analysis went through (fewer than the script's when it continued an earlier version's); -1 when not counted. */
    private int linesAnalysed = -1;
    /** Whether a comment may hold a suppression directive (true unless the analysis that made this one found none). */
    private boolean directives = true;

    Analysis(ProfileChoice profile, Script script, List<Diagnostic> diagnostics, FlowState[] before, List<Occurrence> variables,
             List<FdOccurrence> fds, List<FdHint> fdHints, Map<Integer, Long> addressHints, List<MappingFact> mappings) {
        this(profile, script, diagnostics, before, null, 0, new java.util.BitSet(), null, variables, fds, fdHints, addressHints, mappings);
    }

    Analysis(ProfileChoice profile, Script script, List<Diagnostic> diagnostics, FlowState[] before, LineShift[] shifts, int base,
             java.util.BitSet topLevel, List<Diagnostic> flow, List<Occurrence> variables, List<FdOccurrence> fds,
             List<FdHint> fdHints, Map<Integer, Long> addressHints, List<MappingFact> mappings) {
        this.profile = profile;
        this.script = script;
        this.diagnostics = List.copyOf(diagnostics);
        this.before = before;
        this.shifts = shifts;
        this.flow = flow == null ? null : shared(flow);
        this.base = base;
        this.topLevel = topLevel;
        this.variables = shared(variables);
        this.fds = shared(fds);
        this.fdHints = shared(fdHints);
        this.addressHints = Map.copyOf(addressHints);
        this.mappings = List.copyOf(mappings);
        this.partial = false;
    }

    /** An immutable list as it is (a {@link MovedList} shares its stretches with earlier analyses), any other copied. */
    private static <T> List<T> shared(List<T> items) {
        return items instanceof MovedList<T> ? items : List.copyOf(items);
    }

    /** An analysis of lines {@code base..} only, for a request at one line: see {@link CursorAnalysis}. */
    Analysis(ProfileChoice profile, Script script, FlowState[] before, int base, java.util.function.Supplier<List<Occurrence>> variables,
             List<FdOccurrence> fds, List<FdHint> fdHints, Map<Integer, Long> addressHints, List<MappingFact> mappings) {
        this.profile = profile;
        this.script = script;
        this.diagnostics = List.of();
        this.before = before;
        this.shifts = null;
        this.flow = null;
        this.base = base;
        this.topLevel = new java.util.BitSet();
        this.variableSource = variables;
        this.fds = shared(fds);
        this.fdHints = shared(fdHints);
        this.addressHints = Map.copyOf(addressHints);
        this.mappings = List.copyOf(mappings);
        this.partial = true;
    }

    public Script script() { return script; }
    /** The profile the script was analysed under, and why. */
    public ProfileChoice profileChoice() { return profile; }
    public Profile profile() { return profile.profile(); }
    public List<Diagnostic> diagnostics() { return diagnostics; }
    /** Variable occurrences; in an analysis made for one line, the definitions of the whole script and the uses on that line. */
    public synchronized List<Occurrence> variables() {
        if (variables == null) {
            variables = List.copyOf(variableSource.get());
            variableSource = null;
        }
        return variables;
    }
    public List<FdOccurrence> fdOccurrences() { return fds; }
    /** The fds zopen lines return, where that is certain, in line order. */
    public List<FdHint> fdHints() { return fdHints; }

    /** The fd the zopen on this line returns, or null when it is not certain. */
    public Integer fdHintAt(int line) {
        int k = firstHintAtOrAfter(line);
        FdHint hint = k < fdHints.size() ? fdHints.get(k) : null;
        return hint != null && hint.line() == line ? hint.fd() : null;
    }

    /** The hints on lines {@code from..to} (inclusive), found by a binary search: an editor asks for the lines it shows. */
    public List<FdHint> fdHintsBetween(int from, int to) {
        int a = firstHintAtOrAfter(from);
        int b = firstHintAtOrAfter(to + 1);
        return a >= b ? List.of() : fdHints.subList(a, b);
    }

    private int firstHintAtOrAfter(int line) {
        return Continuation.firstAtOrAfter(fdHints, line, FdHint::line);
    }
    /** mmap line -> the address it returns, when the dry run saw one value. */
    public Map<Integer, Long> addressHints() { return addressHints; }
    public List<MappingFact> mappings() { return Collections.unmodifiableList(mappings); }

    /** What is known just before a line runs (the state at the end for {@code line >= size}). */
    public FlowState stateBefore(int line) {
        if (before.length == 0) return new FlowState();
        int k = Math.max(0, Math.min(line - base, before.length - 1));
        return before[k].shifted(shifts == null ? null : shifts[k]);
    }

    // ---- what the incremental analysis of a later version reads (see Analyzer#analyzeWithoutDryRun) ----

    /** The state before a line as stored, with the lines it names in the numbering {@link #storedShift} maps from. */
    FlowState storedState(int line) { return before[line - base]; }
    /** The map from the lines {@link #storedState} names to this version's (null when they are this version's). */
    LineShift storedShift(int line) { return shifts == null ? null : shifts[line - base]; }
    /** Whether no block is open before this line. */
    boolean topLevel(int line) { return topLevel.get(line); }
    java.util.BitSet topLevelLines() { return topLevel; }
    /** The flow diagnostics in line order before suppressions, or null when this analysis cannot be continued. */
    List<Diagnostic> flowDiagnostics() { return flow; }

    /** This analysis with what a dry run found (see {@link Analyzer#withDryRun}). */
    Analysis withDryRunFacts(List<Diagnostic> allDiagnostics, List<FdHint> fdHints, Map<Integer, Long> addressHints,
                             List<MappingFact> mappings) {
        Analysis made = new Analysis(profile, script, allDiagnostics, before, shifts, base, topLevel, flow, variables(), fds, fdHints, addressHints,
                mappings);
        made.firstDefinitions = firstDefinitions;
        made.firstDefinitionLines = firstDefinitionLines;
        made.directives = directives;
        return made;
    }

    /** Whether a comment of the script may hold a suppression directive: when not, a later version's analysis need not look for them. */
    boolean mayHaveDirectives() { return directives; }

    /** Set once by the analyzer that made this analysis, before anyone else sees it. */
    Analysis directives(boolean found) {
        this.directives = found;
        return this;
    }

    /** How many lines the flow analysis of this version went through: fewer than the script has when it continued an earlier version's. */
    public int linesAnalysed() { return linesAnalysed; }

    /** Set once by the analyzer that made this analysis, before anyone else sees it. */
    Analysis defining(Map<String, Integer> firstDefinitions) {
        this.firstDefinitions = Map.copyOf(firstDefinitions);
        this.firstDefinitionLines = firstDefinitions.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        return this;
    }

    /**
     * Whether the variables set before {@code line} are exactly {@code names}: what a later version's analysis
     * checks before taking this one's findings from that line on (a name's first {@code set}, not every one).
     */
    boolean setBefore(int line, java.util.Set<String> names) {
        int lo = 0;
        int hi = firstDefinitionLines.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (firstDefinitionLines[mid] < line) lo = mid + 1;
            else hi = mid;
        }
        if (lo != names.size()) return false;
        for (String name : names) {
            Integer first = firstDefinitions.get(name);
            if (first == null || first >= line) return false;
        }
        return true;
    }

    /** Each variable set and the line of its first set, or null when this analysis did not record them. */
    Map<String, Integer> firstDefinitions() { return firstDefinitions; }

    /** Set once by the analyzer that made this analysis, before anyone else sees it. */
    Analysis counting(int lines) {
        linesAnalysed = lines;
        return this;
    }

    /** Whether this analysis covers the whole script (false for one made for a request at one line). */
    public boolean complete() { return !partial; }

    /** The last line at or before {@code line} that no block spans, where an analysis of a later version may start. */
    int restartLine(int line) {
        int t = topLevel.previousSetBit(Math.min(line, script.size()));
        return Math.max(0, t);
    }
}
