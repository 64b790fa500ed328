package eyn.language;

import java.util.List;

/**
 * A parsed script: its lines, the problems found, and the block structure. Block links are by line
 * index: for an {@code ifeq}/{@code ifneq}, {@link #elseOf} is its {@code else} (or -1) and
 * {@link #endOf} its {@code endif}; for a {@code loop}, {@link #endOf} is its {@code endloop};
 * for closers, {@link #openerOf} is the line they close. A block left open ends at the end of
 * the file ({@code endOf == lines.size()}); a stray closer has {@code openerOf == -1}.
 */
public final class Script {
    private final String name;
    private final List<ScriptLine> lines;
    private final List<SyntaxProblem> problems;
    private final int[] elseOf;
    private final int[] endOf;
    private final int[] openerOf;
    private final boolean trailingNewline;

    Script(String name, List<ScriptLine> lines, List<SyntaxProblem> problems, int[] elseOf, int[] endOf, int[] openerOf,
           boolean trailingNewline) {
        this.trailingNewline = trailingNewline;
        this.name = name;
        this.lines = List.copyOf(lines);
        this.problems = List.copyOf(problems);
        this.elseOf = elseOf;
        this.endOf = endOf;
        this.openerOf = openerOf;
    }

    public String name() { return name; }
    public List<ScriptLine> lines() { return lines; }
    public ScriptLine line(int index) { return lines.get(index); }
    public int size() { return lines.size(); }
    public List<SyntaxProblem> problems() { return problems; }
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
