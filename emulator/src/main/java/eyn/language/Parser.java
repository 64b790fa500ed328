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
        LineRules rules = dialect.rules();
        if (previous != null && previous.dialect() != dialect) previous = null;
        String text = source == null ? "" : source;
        List<String> physical = split(text);
        List<ScriptLine> lines = new ArrayList<>(physical.size());
        List<SyntaxProblem> problems = new ArrayList<>();
        int n = physical.size();
        int prefix = 0;
        int suffix = 0;
        if (previous != null) {
            int m = previous.size();
            while (prefix < n && prefix < m && rules.reusable(physical.get(prefix), previous.line(prefix))) prefix++;
            while (suffix < n - prefix && suffix < m - prefix
                    && rules.reusable(physical.get(n - 1 - suffix), previous.line(m - 1 - suffix))) suffix++;
        }
        for (int i = 0; i < n; i++) {
            ScriptLine old = null;
            if (i < prefix) old = previous.line(i);
            else if (i >= n - suffix) old = previous.line(previous.size() - (n - i));
            if (old == null) {
                lines.add(rules.parseLine(i, physical.get(i), problems));
            } else {
                ScriptLine moved = old.index() == i ? old
                        : new ScriptLine(i, old.raw(), old.textStart(), old.text(), old.kind(), old.words(), old.rest(), old.restStart());
                rules.checkLine(moved, problems);
                lines.add(moved);
            }
        }
        BlockLinks links = new BlockLinks(n);
        rules.matchBlocks(lines, problems, links);
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.startColumn(), b.startColumn()));
        return new Script(name, dialect, lines, problems, links, text.isEmpty() || text.endsWith("\n"));
    }

    /** The physical lines: split at '\n'; a final '\n' does not start another line. */
    private static List<String> split(String text) {
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
