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
    private final List<ScriptLine> lines;
    private final List<SyntaxProblem> problems;
    private final int[] elseOf;
    private final int[] endOf;
    private final int[] openerOf;
    private final boolean trailingNewline;

    Script(String name, Dialect dialect, List<ScriptLine> lines, List<SyntaxProblem> problems, BlockLinks links,
           boolean trailingNewline) {
        this.trailingNewline = trailingNewline;
        this.name = name;
        this.dialect = dialect;
        this.lines = List.copyOf(lines);
        this.problems = List.copyOf(problems);
        this.elseOf = links.nextBranch;
        this.endOf = links.end;
        this.openerOf = links.opener;
    }

    public String name() { return name; }
    /** The language the script was read in. */
    public Dialect dialect() { return dialect; }
    public List<ScriptLine> lines() { return lines; }
    public ScriptLine line(int index) { return lines.get(index); }
    public int size() { return lines.size(); }
    public List<SyntaxProblem> problems() { return problems; }
    /** The next branch ({@code else}, or in D3 {@code elif}/{@code else}) after an opener or branch, or -1. */
    public int elseOf(int line) { return elseOf[line]; }
    public int endOf(int line) { return endOf[line]; }
    public int openerOf(int line) { return openerOf[line]; }
    /** False when the text does not end with a line break (EYN-OS then ignores a directive on the last line). */
    public boolean trailingNewline() { return trailingNewline; }

    /** Index of the first statement at or after {@code from}, or {@link #size()} when there is none. */
    public int nextStatement(int from) {
        int i = Math.max(0, from);
        while (i < lines.size() && !lines.get(i).kind().isStatement()) i++;
        return i;
    }
}
