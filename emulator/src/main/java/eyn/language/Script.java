package eyn.language;

import java.util.List;

/**
 * A parsed script: its dialect, its lines, the problems found, and the block structure. Block links
 * are by line index: for an if ({@code ifeq}/{@code ifneq}/{@code if}), {@link #elseOf} is its next
 * branch (or -1; D3 chains {@code elif}s the same way) and {@link #endOf} its {@code endif}; for a
 * {@code loop}/{@code while}, {@link #endOf} is its closer; for branches and closers,
 * {@link #openerOf} is the line that opened the block. A block left open ends at the end of
 * the file ({@code endOf == lines.size()}); a stray closer has {@code openerOf == -1}.
 */
public final class Script {
    private final String name;
    private final Dialect dialect;
    /** The lines; one reused from an earlier parse keeps its old index until {@link #line} reads it. */
    private final ScriptLine[] lines;
    /** Each line's kind, and the string it was parsed from: read without touching the lines themselves. */
    private final LineKind[] kinds;
    private final String[] sources;
    /** Lines parsed anew by this parse; their problems are in {@code freshProblems}. */
    private final java.util.BitSet fresh;
    private final List<SyntaxProblem> freshProblems;
    private final List<SyntaxProblem> blockProblems;
    private volatile List<SyntaxProblem> problems;
    private final int[] elseOf;
    private final int[] endOf;
    private final int[] openerOf;
    private final boolean trailingNewline;
    private final List<ScriptLine> view = new java.util.AbstractList<>() {
        @Override public ScriptLine get(int index) { return line(index); }
        @Override public int size() { return lines.length; }
    };

    Script(String name, Dialect dialect, ScriptLine[] lines, LineKind[] kinds, String[] sources, java.util.BitSet fresh,
           List<SyntaxProblem> freshProblems, List<SyntaxProblem> blockProblems, BlockLinks links, boolean trailingNewline) {
        this.kinds = kinds;
        this.sources = sources;
        this.trailingNewline = trailingNewline;
        this.name = name;
        this.dialect = dialect;
        this.lines = lines;
        this.fresh = fresh;
        this.freshProblems = freshProblems;
        this.blockProblems = blockProblems;
        this.elseOf = links.nextBranch;
        this.endOf = links.end;
        this.openerOf = links.opener;
    }

    public String name() { return name; }
    /** The language the script was read in. */
    public Dialect dialect() { return dialect; }
    public List<ScriptLine> lines() { return view; }

    public ScriptLine line(int index) {
        ScriptLine l = lines[index];
        if (l.index() != index) {
            // a reused line that moved: give it its index now (a benign race: every thread makes the same record)
            l = new ScriptLine(index, l.raw(), l.textStart(), l.text(), l.kind(), l.words(), l.rest(), l.restStart());
            lines[index] = l;
        }
        return l;
    }

    /** The line as stored, whatever index it carries (for the next parse's reuse). */
    ScriptLine stored(int index) { return lines[index]; }

    /** The physical line a line was parsed from. */
    String source(int index) { return sources[index]; }

    /** Copies {@code count} lines (and their kinds) from {@code from} into a new parse's arrays at {@code to}. */
    void copyLines(int from, ScriptLine[] toLines, LineKind[] toKinds, int to, int count) {
        System.arraycopy(lines, from, toLines, to, count);
        System.arraycopy(kinds, from, toKinds, to, count);
    }

    public int size() { return lines.length; }

    /** The kind of a line, without giving a moved line its new index. */
    public LineKind kindOf(int index) { return kinds[index]; }

    /** The first line where two parses differ (the shorter one's size when one is a prefix of the other). */
    public static int firstDifference(Script a, Script b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) if (!sameSource(a, i, b, i)) return i;
        return n;
    }

    /** Whether two parses' lines came from the same text (an editor keeps an unchanged line's very string, so mostly by identity). */
    private static boolean sameSource(Script a, int i, Script b, int j) {
        String x = a.sources[i];
        String y = b.sources[j];
        return x == y || x.equals(y);
    }

    /** How many lines the two parses have equal at their ends, not counting any line before {@code from} in either. */
    public static int commonSuffix(Script a, Script b, int from) {
        int limit = Math.min(a.size(), b.size()) - from;
        int n = 0;
        while (n < limit && sameSource(a, a.size() - 1 - n, b, b.size() - 1 - n)) n++;
        return n;
    }

    /** The syntax problems, in line order; those of reused lines are found on the first call. */
    public List<SyntaxProblem> problems() {
        List<SyntaxProblem> p = problems;
        if (p == null) {
            List<SyntaxProblem> all = new java.util.ArrayList<>(freshProblems);
            LineRules rules = dialect.rules();
            for (int i = 0; i < lines.length; i++) if (!fresh.get(i)) rules.checkLine(line(i), all);
            all.addAll(blockProblems);
            all.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.startColumn(), b.startColumn()));
            problems = p = List.copyOf(all);
        }
        return p;
    }
    /** The next branch ({@code else}, or in D3 {@code elif}/{@code else}) after an opener or branch, or -1. */
    public int elseOf(int line) { return elseOf[line]; }
    public int endOf(int line) { return endOf[line]; }
    public int openerOf(int line) { return openerOf[line]; }
    /** False when the text does not end with a line break (EYN-OS then ignores a directive on the last line). */
    public boolean trailingNewline() { return trailingNewline; }

    /** Index of the first statement at or after {@code from}, or {@link #size()} when there is none. */
    public int nextStatement(int from) {
        int i = Math.max(0, from);
        while (i < kinds.length && !kinds[i].isStatement()) i++;
        return i;
    }
}
