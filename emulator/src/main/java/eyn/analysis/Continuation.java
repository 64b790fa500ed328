package eyn.analysis;

import eyn.language.Dialect;
import eyn.language.Script;
import eyn.profile.ProfileChoice;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the whole-file analysis of a new version of a Release 13 script continues the complete
 * analysis of an earlier version, so that an edit costs what it touches rather than the file's length.
 *
 * <p>The lines are split where they differ: a prefix before the first changed line, the changed
 * lines, and a suffix of unchanged lines after the last. The analysis takes everything the earlier
 * version found up to the last line before the change that no block spans ({@link #restart}), and
 * goes on line by line from there with that line's flow state. Once past the change, at each line no
 * block spans in either version it compares its state with the earlier version's state there; when
 * they say the same (with the earlier version's line numbers moved to this one's, and a line the
 * edit replaced counting as different), and the same variables have been set so far, the rest of
 * the file would give what it gave before: the analysis takes the rest of the earlier version's
 * states, diagnostics and occurrences with their lines moved, and stops. Whole-file findings
 * (variables never set, fds never closed, profile conflicts, suppressions) are made again from the
 * whole.
 *
 * <p>The earlier analysis must have been made with the same settings and workspace (the language
 * server starts again from scratch when they change). A change of profile or dialect, a file that
 * does not end with a line break (its last line is read differently), or block links that differ
 * after the change mean starting from scratch.
 */
final class Continuation {
    /** The codes whose messages name another line ("... on line N"), made in {@link CommandFlow#apply}. */
    private static final Set<DiagnosticCode> NAMING_A_LINE = Set.of(DiagnosticCode.E113, DiagnosticCode.W112, DiagnosticCode.E114,
            DiagnosticCode.E115);
    private static final Pattern ON_LINE = Pattern.compile("on line (\\d+)");

    private final Analysis previous;
    private final Script script;
    private final Script old;
    /** The first line that differs. */
    private final int first;
    /** Where the unchanged lines after the change begin, in the earlier version and in this one. */
    private final int oldEnd;
    private final int newEnd;
    private final LineShift edit;
    /** The variables the earlier version set before the line last compared, read as the comparison moves on. */
    private final Set<String> oldDefinitions = new HashSet<>();
    private int nextOccurrence;
    /** False once the block links after the change were found to differ: no later line can join either. */
    private boolean joinable = true;

    private Continuation(Analysis previous, Script script, int first, int common) {
        this.previous = previous;
        this.script = script;
        this.old = previous.script();
        this.first = first;
        this.oldEnd = old.size() - common;
        this.newEnd = script.size() - common;
        this.edit = LineShift.edit(oldEnd, newEnd - oldEnd);
    }

    /** How the analysis of {@code script} can continue {@code previous}, or null when it must start from scratch. */
    static Continuation of(Analysis previous, Script script, ProfileChoice choice) {
        if (previous == null || !previous.complete() || previous.flowDiagnostics() == null) return null;
        Script old = previous.script();
        if (old.dialect() != Dialect.D2 || script.dialect() != Dialect.D2 || previous.profile() != choice.profile()
                || previous.profileChoice().conflicts().isEmpty() != choice.conflicts().isEmpty()
                || !old.trailingNewline() || !script.trailingNewline()) {
            return null;
        }
        int first = Script.firstDifference(old, script);
        int common = Script.commonSuffix(old, script, first);
        return new Continuation(previous, script, first, common);
    }

    Analysis previous() { return previous; }
    LineShift edit() { return edit; }

    /** The line the analysis starts from: the last before the first change that no block spans in the earlier version. */
    int restart() {
        return previous.restartLine(first);
    }

    /** The earlier version's number of a line of this version after the change. */
    int oldLine(int line) {
        return line - (newEnd - oldEnd);
    }

    /** This version's number of a line the earlier version's analysis names (one the edit replaced never is). */
    int newLine(int oldLine) {
        return oldLine < oldEnd ? oldLine : oldLine + (newEnd - oldEnd);
    }

    /**
     * Whether the analysis, at line {@code line} of this version with no block open, with state
     * {@code state} and these variables set so far, can take the rest from the earlier version.
     */
    boolean joinsAt(int line, FlowState state, Set<String> definitions) {
        if (!joinable || line < newEnd) return false;
        int j = oldLine(line);
        if (j >= old.size() || !previous.topLevel(j)) return false;
        LineShift stored = previous.storedShift(j);
        IntUnaryOperator oldLines = x -> {
            int y = stored == null ? x : stored.apply(x);
            return y < first ? y : y >= oldEnd ? newLine(y) : -1;
        };
        if (!state.sameAs(previous.storedState(j), oldLines)) return false;
        List<Analysis.Occurrence> vars = previous.variables();
        for (; nextOccurrence < vars.size() && vars.get(nextOccurrence).line() < j; nextOccurrence++) {
            if (vars.get(nextOccurrence).definition()) oldDefinitions.add(vars.get(nextOccurrence).name());
        }
        if (!oldDefinitions.equals(definitions)) return false;
        if (!sameLinksFrom(line)) {
            joinable = false;
            return false;
        }
        return true;
    }

    /** Whether the block links from {@code line} on are the earlier version's, moved (they are unless a link crosses the change). */
    private boolean sameLinksFrom(int line) {
        return script.sameBlockLinksFrom(old, line, newEnd - oldEnd);
    }

    /** The items of a line-ordered list from line {@code line} on. */
    <T> int firstAtOrAfter(List<T> items, int line, ToIntFunction<T> lineOf) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lineOf.applyAsInt(items.get(mid)) < line) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    List<Diagnostic> restOf(List<Diagnostic> lineOrdered, int line) {
        return lineOrdered.subList(firstAtOrAfter(lineOrdered, line, Diagnostic::line), lineOrdered.size());
    }

    /** A diagnostic of the earlier version on a line that moved by {@code delta}, naming other lines as {@code lines} moves them. */
    static Diagnostic moved(Diagnostic d, int delta, IntUnaryOperator lines) {
        String message = d.message();
        String data = d.data();
        if (NAMING_A_LINE.contains(d.code())) {
            Matcher m = ON_LINE.matcher(message);
            if (m.find()) {
                int named = Integer.parseInt(m.group(1)) - 1;
                message = message.substring(0, m.start(1)) + (lines.applyAsInt(named) + 1) + message.substring(m.end(1));
                // E114 and E115 carry the line (0-based) the fd was opened on for their quick fix
                if (d.code() == DiagnosticCode.E114 || d.code() == DiagnosticCode.E115) data = String.valueOf(lines.applyAsInt(named));
            }
        }
        if (delta == 0 && message == d.message()) return d;
        return new Diagnostic(d.code(), d.severity(), d.line() + delta, d.startColumn(), d.endColumn(), message, data);
    }
}
