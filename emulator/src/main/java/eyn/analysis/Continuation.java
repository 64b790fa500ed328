package eyn.analysis;

import eyn.language.Dialect;
import eyn.language.LineDiff;
import eyn.language.LineShift;
import eyn.language.Script;
import eyn.profile.ProfileChoice;
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
 * <p>The lines are split where they differ ({@link LineDiff}): unchanged stretches and the changed
 * regions between them (a keystroke and the undo of another far away are two regions). The analysis
 * takes everything the earlier version found up to the last line before the first region that no block
 * spans ({@link #restart}), and goes on line by line from there with that line's flow state. Once past
 * a region, at each line no block spans in either version it compares its state with the earlier
 * version's state there; when they say the same (with the earlier version's line numbers moved to this
 * one's, and a line a region replaced counting as different), and the same variables have been set so
 * far, the lines up to the next region would give what they gave before: the analysis takes the earlier
 * version's states, diagnostics and occurrences for them with their lines moved, and goes on line by
 * line again just before the next region ({@link #joinUntil}), or stops after the last. Whole-file findings
 * (variables never set, fds never closed, profile conflicts, suppressions) are made again from the
 * whole.
 *
 * <p>The earlier analysis must have been made with the same settings and workspace (the language
 * server starts again from scratch when they change). A change of profile or dialect, a file that
 * does not end with a line break (its last line is read differently) mean starting from scratch; block
 * links that differ between two regions mean going through to the next region line by line.
 */
final class Continuation {
    /** The codes whose messages name another line ("... on line N"), made in {@link CommandFlow#apply}. */
    private static final Set<DiagnosticCode> NAMING_A_LINE = Set.of(DiagnosticCode.E113, DiagnosticCode.W112, DiagnosticCode.E114,
            DiagnosticCode.E115);
    private static final Pattern ON_LINE = Pattern.compile("on line (\\d+)");
    /** Past this many lines inserted or removed, the lines between the first change and the last are one changed region. */
    static final int MAX_EDITS = 16;

    private final Analysis previous;
    private final Script script;
    private final Script old;
    /** The changed regions, in line order (at least one). */
    private final List<LineDiff.Region> regions;
    /** How far lines after each region have moved: {@code moved[k]} applies from region k's end to region k+1's start. */
    private final int[] moved;
    private final LineShift edit;
    /** The region the analysis is in or last went through: lines after it may join the earlier version. */
    private int region;
    /** No line before this one can join (block links differ before the next region); past the last region, none at all. */
    private int noJoinBefore;

    private Continuation(Analysis previous, Script script, List<LineDiff.Region> regions) {
        this.previous = previous;
        this.script = script;
        this.old = previous.script();
        this.regions = regions;
        this.moved = new int[regions.size()];
        int[] oldEnds = new int[regions.size()];
        for (int k = 0; k < regions.size(); k++) {
            LineDiff.Region r = regions.get(k);
            moved[k] = r.newEnd() - r.oldEnd();
            oldEnds[k] = r.oldEnd();
        }
        this.edit = LineShift.steps(oldEnds, moved);
    }

    /** How the analysis of {@code script} can continue {@code previous}, or null when it must start from scratch. */
    static Continuation of(Analysis previous, Script script, ProfileChoice choice) {
        if (previous == null || !previous.complete() || previous.flowDiagnostics() == null || previous.firstDefinitions() == null) return null;
        Script old = previous.script();
        if (old.dialect() != Dialect.D2 || script.dialect() != Dialect.D2 || previous.profile() != choice.profile()
                || previous.profileChoice().conflicts().isEmpty() != choice.conflicts().isEmpty()
                || !old.trailingNewline() || !script.trailingNewline()) {
            return null;
        }
        List<LineDiff.Region> regions = LineDiff.of(old, script, MAX_EDITS);
        if (regions.isEmpty()) regions = List.of(new LineDiff.Region(old.size(), old.size(), script.size(), script.size()));
        return new Continuation(previous, script, regions);
    }

    Analysis previous() { return previous; }
    LineShift edit() { return edit; }

    /** Whether a line the edit brought in (a line of a changed region in this version) contains {@code text}. */
    boolean changedLinesContain(String text) {
        for (LineDiff.Region r : regions) {
            for (int i = r.newStart(); i < r.newEnd(); i++) if (script.line(i).text().contains(text)) return true;
        }
        return false;
    }

    /** The line the analysis starts from: the last before the first change that no block spans in the earlier version. */
    int restart() {
        return previous.restartLine(regions.get(0).oldStart());
    }

    /** The earlier version's number of a line of this version after the region the analysis last went through. */
    int oldLine(int line) {
        return line - moved[region];
    }

    /**
     * This version's number of a line the earlier version's analysis names: moved as the lines after the
     * last region ending at or before it (a line a region replaced is never named by a state that is reused).
     */
    int newLine(int oldLine) {
        int k = lastRegionEndingBy(oldLine);
        return k < 0 ? oldLine : oldLine + moved[k];
    }

    private int lastRegionEndingBy(int oldLine) {
        int lo = 0;
        int hi = regions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regions.get(mid).oldEnd() <= oldLine) lo = mid + 1;
            else hi = mid;
        }
        return lo - 1;
    }

    /** Whether an earlier version's line is one a region replaced. */
    private boolean replaced(int oldLine) {
        int k = lastRegionEndingBy(oldLine) + 1;
        return k < regions.size() && regions.get(k).oldStart() <= oldLine;
    }

    /**
     * How far the analysis, at line {@code line} of this version with no block open, with state {@code state}
     * and these variables set so far, can take the earlier version's findings: up to the last line before the
     * next region that no block spans in the earlier version (the script's size after the last region), or
     * -1 when it cannot take any.
     */
    int joinUntil(int line, FlowState state, Set<String> definitions) {
        while (region + 1 < regions.size() && line >= regions.get(region + 1).newStart()) region++;
        if (line < noJoinBefore || line < regions.get(region).newEnd()) return -1;
        int j = oldLine(line);
        if (j >= old.size() || !previous.topLevel(j)) return -1;
        LineShift stored = previous.storedShift(j);
        IntUnaryOperator oldLines = x -> {
            int y = stored == null ? x : stored.apply(x);
            return replaced(y) ? -1 : newLine(y);
        };
        if (!state.sameAs(previous.storedState(j), oldLines)) return -1;
        if (!previous.setBefore(j, definitions)) return -1;
        boolean last = region + 1 == regions.size();
        int until = last ? script.size() : previous.restartLine(regions.get(region + 1).oldStart()) + moved[region];
        if (until <= line) return -1; // no line no block spans before the next region: nothing to take over
        // the links of the lines taken over must be the earlier version's moved (they are unless a link crosses a region)
        boolean sameLinks = last ? script.sameBlockLinksFrom(old, line, moved[region])
                : script.sameBlockLinksBetween(old, line, until, moved[region]);
        if (!sameLinks) {
            noJoinBefore = last ? Integer.MAX_VALUE : regions.get(region + 1).newStart();
            return -1;
        }
        return until;
    }

    /** The index of the first item of a line-ordered list on line {@code line} or after it (the size when none is). */
    static <T> int firstAtOrAfter(List<T> items, int line, ToIntFunction<T> lineOf) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lineOf.applyAsInt(items.get(mid)) < line) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** A diagnostic of an earlier version with its line, and the lines its message names, moved by {@code shift}. */
    static Diagnostic moved(Diagnostic d, LineShift shift) {
        return moved(d, shift.apply(d.line()) - d.line(), shift::apply);
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
