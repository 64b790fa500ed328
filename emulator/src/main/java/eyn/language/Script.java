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
    /**
     * The lines, sharing unchanged chunks with the parse this one was made from; a line reused from
     * an earlier parse keeps its old index until {@link #line} reads it.
     */
    private final SharedArray<ScriptLine> lines;
    /** The physical line each line was parsed from, shared the same way. */
    private final SharedArray<String> sources;
    /** Lines [freshFrom, freshTo) were parsed anew by this parse; their problems are in {@code freshProblems}. */
    private final int freshFrom;
    private final int freshTo;
    private final List<SyntaxProblem> freshProblems;
    private final List<SyntaxProblem> blockProblems;
    /** Every line's own problems in line order: taken over from the earlier parse when it had them, else found on first use. */
    private volatile List<SyntaxProblem> lineProblems;
    private volatile List<SyntaxProblem> problems;
    private final BlockLinks links;
    private final boolean trailingNewline;
    private final List<ScriptLine> view = new java.util.AbstractList<>() {
        @Override public ScriptLine get(int index) { return line(index); }
        @Override public int size() { return Script.this.size(); }
    };

    /**
     * A parse of {@code lines}, of which [freshFrom, freshTo) were parsed anew (the fresh lines themselves,
     * with the problems they had) and the others taken from {@code earlier} (null when there is none).
     */
    Script(String name, Dialect dialect, SharedArray<ScriptLine> lines, SharedArray<String> sources, int freshFrom, int freshTo,
           Object[] fresh, List<SyntaxProblem> freshProblems, boolean trailingNewline, Script earlier) {
        this.name = name;
        this.dialect = dialect;
        this.lines = lines;
        this.sources = sources;
        this.freshFrom = freshFrom;
        this.freshTo = freshTo;
        this.freshProblems = freshProblems;
        this.trailingNewline = trailingNewline;
        int earlierSuffixStart = (earlier == null ? 0 : earlier.size()) - (lines.size() - freshTo);
        if (earlier != null && blockMatchingHolds(earlier, freshFrom, earlierSuffixStart, fresh, lines.size())) {
            // most keystrokes touch no block line: the earlier matching holds, its lines moved, with nothing to copy or match
            this.links = earlier.links.movedBy(earlierSuffixStart, freshTo - earlierSuffixStart, lines.size());
            this.blockProblems = earlier.blockProblems;
        } else {
            this.links = new BlockLinks(earlier == null ? BlockLinks.NONE : earlier.links, freshFrom, earlierSuffixStart, fresh, lines.size());
            List<SyntaxProblem> found = new java.util.ArrayList<>();
            dialect.rules().matchBlocks(links, this::line, found);
            this.blockProblems = List.copyOf(found);
        }
    }

    /** Whether the edit from {@code earlier} left its block matching as it was, but for lines moved. */
    private boolean blockMatchingHolds(Script earlier, int prefix, int earlierSuffixStart, Object[] fresh, int size) {
        LineRules rules = dialect.rules();
        if (!earlier.links.untouchedBy(prefix, earlierSuffixStart, fresh) || !rules.matchesAlikeAfterEdit(prefix, earlier.size(), size)) {
            return false;
        }
        for (SyntaxProblem p : earlier.blockProblems) if (!rules.blockProblemUnmovedBy(p, prefix)) return false;
        return true;
    }

    /**
     * Takes over the line problems of {@code earlier}, the parse this one reused lines [0, prefix) and
     * [earlierSuffixStart, end) of, if it has found them: the reused lines' problems with their lines moved
     * and this parse's fresh ones, instead of checking every reused line again.
     */
    void inheritLineProblems(Script earlier, int prefix, int earlierSuffixStart) {
        List<SyntaxProblem> old = earlier.lineProblems;
        if (old == null) return;
        int shift = size() - earlier.size();
        List<SyntaxProblem> mine = new java.util.ArrayList<>(freshProblems.size() + 8);
        int k = 0;
        while (k < old.size() && old.get(k).line() < prefix) mine.add(old.get(k++));
        mine.addAll(freshProblems);
        while (k < old.size() && old.get(k).line() < earlierSuffixStart) k++;
        for (; k < old.size(); k++) {
            SyntaxProblem p = old.get(k);
            mine.add(shift == 0 ? p : new SyntaxProblem(p.code(), p.severity(), p.line() + shift, p.startColumn(), p.endColumn(), p.message()));
        }
        lineProblems = List.copyOf(mine);
    }

    public String name() { return name; }
    /** The language the script was read in. */
    public Dialect dialect() { return dialect; }
    public List<ScriptLine> lines() { return view; }

    public ScriptLine line(int index) {
        ScriptLine l = lines.get(index);
        // a reused line that moved gets its index now, and is not stored back: its chunk is shared with earlier
        // parses and long-lived, and a young line stored in it would be kept (and promoted) by the collector
        return l.index() == index ? l : new ScriptLine(index, l.raw(), l.textStart(), l.text(), l.kind(), l.words(), l.rest(), l.restStart());
    }

    /** The line as stored, whatever index it carries (for the next parse's reuse). */
    ScriptLine stored(int index) { return lines.get(index); }

    /** The physical line a line was parsed from. */
    String source(int index) { return sources.get(index); }

    /** The stored lines and sources, for the next parse to share. */
    SharedArray<ScriptLine> storedLines() { return lines; }
    SharedArray<String> sources() { return sources; }

    public int size() { return lines.size(); }

    /** The kind of a line, without giving a moved line its new index. */
    public LineKind kindOf(int index) { return lines.get(index).kind(); }

    /** The physical lines this script was parsed from (without line breaks), as an unmodifiable view. */
    public List<String> physicalLines() {
        return new java.util.AbstractList<>() {
            @Override public String get(int index) { return sources.get(index); }
            @Override public int size() { return sources.size(); }
        };
    }

    /** The first line where two parses differ (the shorter one's size when one is a prefix of the other). */
    public static int firstDifference(Script a, Script b) {
        return a.sources.commonPrefix(b.sources, Script::sameText);
    }

    /** Whether two physical lines are the same text (an editor keeps an unchanged line's very string, so mostly by identity). */
    static boolean sameText(String x, String y) {
        return x == y || x.equals(y);
    }

    /** How many lines the two parses have equal at their ends, not counting any line before {@code from} in either. */
    public static int commonSuffix(Script a, Script b, int from) {
        return a.sources.commonSuffix(b.sources, from, Script::sameText);
    }

    /** The syntax problems, in line order; those of reused lines are found on the first call (or taken over at the parse). */
    public List<SyntaxProblem> problems() {
        List<SyntaxProblem> p = problems;
        if (p == null) {
            List<SyntaxProblem> all = new java.util.ArrayList<>(lineProblems());
            all.addAll(blockProblems);
            all.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.startColumn(), b.startColumn()));
            problems = p = List.copyOf(all);
        }
        return p;
    }

    private List<SyntaxProblem> lineProblems() {
        List<SyntaxProblem> mine = lineProblems;
        if (mine == null) {
            List<SyntaxProblem> all = new java.util.ArrayList<>();
            LineRules rules = dialect.rules();
            // a reused line is read again from its source, which gives the problems of reading it (a NUL, a long line) too
            for (int i = 0; i < freshFrom; i++) rules.parseLine(i, sources.get(i), all);
            all.addAll(freshProblems);
            for (int i = freshTo; i < size(); i++) rules.parseLine(i, sources.get(i), all);
            lineProblems = mine = List.copyOf(all);
        }
        return mine;
    }

    /** The next branch ({@code else}, or in D3 {@code elif}/{@code else}) after an opener or branch, or -1. */
    public int elseOf(int line) { return links.nextBranch(line); }
    public int endOf(int line) { return links.end(line); }
    public int openerOf(int line) { return links.opener(line); }
    /**
     * Whether the block links of this script's lines from {@code from} on are those of {@code earlier}'s
     * lines from {@code from - delta} on, moved by {@code delta} (with no link reaching before {@code from}).
     */
    public boolean sameBlockLinksFrom(Script earlier, int from, int delta) {
        return links.sameFrom(earlier.links, from, delta);
    }

    /**
     * Whether the block links of this script's lines [from, to) are those of {@code earlier}'s lines
     * [from - delta, to - delta), moved by {@code delta}, all within [from, to).
     */
    public boolean sameBlockLinksBetween(Script earlier, int from, int to, int delta) {
        return links.sameBetween(earlier.links, from, to, delta);
    }

    /** False when the text does not end with a line break (EYN-OS then ignores a directive on the last line). */
    public boolean trailingNewline() { return trailingNewline; }

    /** Index of the first statement at or after {@code from}, or {@link #size()} when there is none. */
    public int nextStatement(int from) {
        int i = Math.max(0, from);
        while (i < size() && !kindOf(i).isStatement()) i++;
        return i;
    }
}
