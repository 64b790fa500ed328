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
        LineRules rules = dialect.rules();
        if (previous != null && previous.dialect() != dialect) previous = null;
        int n = physical.size();
        String[] sources = physical.toArray(new String[0]);
        ScriptLine[] lines = new ScriptLine[n];
        LineKind[] kinds = new LineKind[n];
        java.util.BitSet fresh = new java.util.BitSet(n);
        List<SyntaxProblem> problems = new ArrayList<>();
        int prefix = 0;
        int suffix = 0;
        if (previous != null) {
            int m = previous.size();
            // the same string object is the same line (an editor keeps unchanged lines): compared without reading them
            while (prefix < n && prefix < m && reusable(rules, sources[prefix], previous, prefix)) prefix++;
            while (suffix < n - prefix && suffix < m - prefix && reusable(rules, sources[n - 1 - suffix], previous, m - 1 - suffix)) suffix++;
            previous.copyLines(0, lines, kinds, 0, prefix);
            previous.copyLines(m - suffix, lines, kinds, n - suffix, suffix);
        }
        for (int i = prefix; i < n - suffix; i++) {
            lines[i] = rules.parseLine(i, sources[i], problems);
            kinds[i] = lines[i].kind();
            fresh.set(i);
        }
        BlockLinks links = new BlockLinks(n);
        List<SyntaxProblem> blockProblems = new ArrayList<>();
        Script script = new Script(name, dialect, lines, kinds, sources, fresh, problems, blockProblems, links, trailingNewline);
        rules.matchBlocks(kinds, script::line, blockProblems, links);
        return script;
    }

    private static boolean reusable(LineRules rules, String physical, Script previous, int index) {
        // the same object was taken as it is last time: nothing was cut from it, so it has no line problem of its own
        return physical == previous.source(index) || rules.reusable(physical, previous.stored(index));
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
