package eyn.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses script text into a {@link Script} in one {@link Dialect}: the dialect reads each line and
 * matches the blocks statically (so that skipped regions, loops that run zero times and broken
 * nesting are known before running); the parser splits lines and reuses unchanged ones after an
 * edit. Never throws: every oddity becomes a {@link SyntaxProblem}.
 */
public final class Parser {
    private Parser() {}

    public static Script parse(String name, String source) {
        return parse(name, source, Dialect.D2, null);
    }

    public static Script parse(String name, String source, Dialect dialect) {
        return parse(name, source, dialect, null);
    }

    public static Script parse(String name, String source, Script previous) {
        return parse(name, source, previous == null ? Dialect.D2 : previous.dialect(), previous);
    }

    /**
     * Parses, reusing the lines of {@code previous} (an earlier version of the same document) that
     * did not change: an edit then costs the lines it touched plus a pass over line boundaries.
     */
    public static Script parse(String name, String source, Dialect dialect, Script previous) {
        String text = source == null ? "" : source;
        return parse(name, split(text), text.isEmpty() || text.endsWith("\n"), dialect, previous);
    }

    /**
     * Parses physical lines (without their line breaks), reusing the lines of {@code previous} that did
     * not change. A reused line is kept as it is, with its old index, until someone reads it (see
     * {@link Script#line}), and its problems are found when someone asks for them: an edit then costs
     * the lines it touched plus one pass of reference copies and block matching, however long the file.
     */
    public static Script parse(String name, List<String> physical, boolean trailingNewline, Dialect dialect, Script previous) {
        return parse(name, physical, trailingNewline, dialect, previous, 0, 0);
    }

    /**
     * The same for a caller that knows where the lines changed (an editor's document applies each change to
     * the lines it touches): the first {@code unchangedPrefix} and the last {@code unchangedSuffix} lines are
     * the very strings {@code previous} was parsed from, so they are not compared again (at 200,000 lines the
     * comparison was the costliest part of a keystroke's parse). Lines past those counts are compared as usual.
     */
    public static Script parse(String name, List<String> physical, boolean trailingNewline, Dialect dialect, Script previous,
                               int unchangedPrefix, int unchangedSuffix) {
        LineRules rules = dialect.rules();
        if (previous != null && previous.dialect() != dialect) previous = null;
        int n = physical.size();
        int m = previous == null ? 0 : previous.size();
        int prefix = 0;
        int suffix = 0;
        if (previous != null) {
            // a line with the same text as before keeps its parse and its very source string (an editor keeps an
            // unchanged line's string, so mostly by identity, without reading it)
            Script earlier = previous;
            prefix = earlier.sources().leading(Math.min(unchangedPrefix, Math.min(n, m)),
                    (i, old) -> i < n && Script.sameText(physical.get(i), old));
            int limit = Math.min(n, m) - prefix;
            suffix = earlier.sources().trailing(Math.min(unchangedSuffix, limit),
                    (j, old) -> m - 1 - j < limit && Script.sameText(physical.get(n - m + j), old));
        }
        Object[] freshSources = physical.subList(prefix, n - suffix).toArray();
        Object[] freshLines = new Object[freshSources.length];
        List<SyntaxProblem> problems = new ArrayList<>();
        for (int i = prefix; i < n - suffix; i++) freshLines[i - prefix] = rules.parseLine(i, (String) freshSources[i - prefix], problems);
        // unchanged lines are shared with the earlier parse, chunk by chunk: no array the length of the file per keystroke
        SharedArray<String> sources = previous == null ? SharedArray.of(freshSources) : previous.sources().replace(prefix, m - suffix, freshSources);
        SharedArray<ScriptLine> lines = previous == null ? SharedArray.of(freshLines) : previous.storedLines().replace(prefix, m - suffix, freshLines);
        Script script = new Script(name, dialect, lines, sources, prefix, n - suffix, freshLines, problems, trailingNewline, previous);
        if (previous != null) script.inheritLineProblems(previous, prefix, m - suffix);
        return script;
    }

    /** The physical lines: split at '\n'; a final '\n' does not start another line. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                if (start < text.length() || out.isEmpty()) out.add(text.substring(start));
                return out;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
    }

    /** One line on its own, as the script engine would split it (for analysing a {@code $(...)}'s command). */
    public static ScriptLine line(String text) {
        return line(text, Dialect.D2);
    }

    public static ScriptLine line(String text, Dialect dialect) {
        return dialect.rules().parseLine(0, text, new ArrayList<>());
    }

}
