package eyn.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines as the 2026 engine (D3) reads them: a CR or NUL ends the line, only leading spaces and tabs
 * are skipped (trailing ones are kept), keywords match on the raw line when followed by a space, a
 * tab or the end; one block stack of 16 shared by {@code if} and {@code while}, where a closer or
 * branch that does not match the top aborts the script.
 */
final class D3Lines implements LineRules {
    private static final LineKind[] KEYWORDS = {LineKind.IF, LineKind.ELIF, LineKind.ELSE, LineKind.ENDIF,
            LineKind.WHILE, LineKind.ENDWHILE};

    @Override
    public List<Expander.VariableRef> references(String text) {
        List<Expander.VariableRef> out = new ArrayList<>();
        for (D3Expansion.Variable v : D3Expansion.references(text)) {
            out.add(new Expander.VariableRef(v.name(), v.start(), v.end(), v.braced()));
        }
        return out;
    }

    @Override
    public ScriptLine parseLine(int index, String physical, List<SyntaxProblem> problems) {
        String raw = physical;
        int nul = raw.indexOf('\0');
        if (nul >= 0) {
            problems.add(new SyntaxProblem("E005", Severity.ERROR, index, nul, raw.length(),
                    "NUL byte in the line: EYN-OS ignores the rest of the line"));
            raw = raw.substring(0, nul);
        }
        int cr = raw.indexOf('\r');
        if (cr >= 0) {
            if (cr < raw.length() - 1) {
                problems.add(new SyntaxProblem("W301", Severity.WARNING, index, cr, raw.length(),
                        "a carriage return ends the line on EYN-OS 2026: the rest of the line is ignored"));
            }
            raw = raw.substring(0, cr);
        }
        int s = D3Syntax.skipBlanks(raw, 0);
        String text = raw.substring(s);
        LineKind kind = classify(text);
        List<Word> words = new ArrayList<>();
        int e = raw.length();
        int restStart = e;
        if (kind != LineKind.BLANK && kind != LineKind.COMMENT) {
            restStart = Word.split(raw, s, e, D3Syntax::isBlank, words);
        }
        ScriptLine line = new ScriptLine(index, raw, s, text, kind, List.copyOf(words), raw.substring(restStart), restStart);
        checkLine(line, problems);
        return line;
    }

    static LineKind classify(String text) {
        if (text.isEmpty()) return LineKind.BLANK;
        if (text.charAt(0) == '#') return LineKind.COMMENT;
        for (LineKind k : KEYWORDS) if (D3Syntax.startsWithWord(text, k.keyword())) return k;
        // set, echo and exit are recognised after expansion; by its first word for static purposes
        if (D3Syntax.startsWithWord(text, "set")) return LineKind.SET;
        return LineKind.COMMAND;
    }

    @Override
    public void checkLine(ScriptLine line, List<SyntaxProblem> problems) {
        int i = line.index();
        switch (line.kind()) {
            case SET -> {
                String afterSet = line.text().substring(3);
                D3Syntax.Assignment a = D3Syntax.assignment(afterSet);
                int base = line.textStart() + 3;
                if (!a.valid()) {
                    problems.add(new SyntaxProblem("E302", Severity.ERROR, i, line.textStart(), line.raw().length(),
                            "invalid 'set' syntax: EYN-OS 2026 prints an error and goes on; write set NAME=VALUE"));
                } else {
                    if (a.name().endsWith(" ") || a.name().endsWith("\t") || a.value().startsWith(" ")) {
                        problems.add(new SyntaxProblem("W303", Severity.WARNING, i, base + a.nameStart(), base + a.valueStart(),
                                "spaces around '=' are kept: this sets '" + a.name() + "' (with the spaces), which $"
                                        + a.name().strip() + " does not read"));
                    }
                    if (a.name().length() > D3Limits.NAME) {
                        problems.add(new SyntaxProblem("W304", Severity.WARNING, i, base + a.nameStart(), base + a.nameStart() + a.name().length(),
                                "variable name longer than " + D3Limits.NAME + " characters is cut to " + D3Limits.NAME));
                    }
                }
            }
            case IF, ELIF, WHILE -> {
                if (line.rest().isEmpty()) {
                    problems.add(new SyntaxProblem("W305", Severity.WARNING, i, line.textStart(), line.raw().length(),
                            "'" + line.kind().keyword() + "' with no condition is always false"));
                }
            }
            case ELSE, ENDIF, ENDWHILE -> {
                if (!line.rest().isEmpty()) {
                    problems.add(new SyntaxProblem("W306", Severity.WARNING, i, line.restStart(), line.raw().length(),
                            "text after '" + line.kind().keyword() + "' is ignored (there are no end-of-line comments)"));
                }
            }
            default -> { }
        }
    }

    /** The engine reads only the first {@link D3Limits#LINES} lines: an edit before that may move a block line past it. */
    @Override
    public boolean matchesAlikeAfterEdit(int firstChanged, int earlierSize, int size) {
        return firstChanged >= D3Limits.LINES || Math.max(earlierSize, size) <= D3Limits.LINES;
    }

    @Override
    public void matchBlocks(BlockLinks links, java.util.function.IntFunction<ScriptLine> lines, List<SyntaxProblem> problems) {
        // per open block, innermost on top: its opener's slot, its last branch's slot so far, whether it has had an else (1)
        IntStack open = new IntStack();
        IntStack lastBranch = new IntStack();
        IntStack seenElse = new IntStack();
        boolean aborted = false;
        int n = links.lines;
        if (n > D3Limits.LINES) {
            // a problem of the line's position, not of its text: found here, where every parse looks at the whole file
            problems.add(new SyntaxProblem("W312", Severity.WARNING, D3Limits.LINES, 0, lines.apply(D3Limits.LINES).raw().length(),
                    "EYN-OS 2026 reads at most " + D3Limits.LINES + " lines: from here on the file is part of line "
                            + D3Limits.LINES + " and no keyword is seen"));
        }
        scan:
        for (int slot = 0; slot < links.count(); slot++) {
            int i = links.line(slot);
            if (i >= D3Limits.LINES) break;
            LineKind kind = links.kind(slot);
            switch (kind) {
                case IF, WHILE -> {
                    if (open.size() >= D3Limits.BLOCK_NESTING) {
                        problems.add(problem("E307", i, lines.apply(i), "too many nested blocks: EYN-OS 2026 allows "
                                + D3Limits.BLOCK_NESTING + " (if and while together) and aborts the script here"));
                        aborted = true;
                        break scan;
                    }
                    open.push(slot);
                    lastBranch.push(slot);
                    seenElse.push(0);
                }
                case ELIF, ELSE -> {
                    int top = open.peek();
                    if (top < 0 || links.kind(top) != LineKind.IF) {
                        problems.add(problem("E308", i, lines.apply(i), "'" + kind.keyword() + "' without matching 'if'"
                                + (top < 0 ? "" : " (the innermost open block is the while on line " + (links.line(top) + 1) + ")")
                                + ": EYN-OS 2026 aborts the script here"));
                        aborted = true;
                        break scan;
                    }
                    if (seenElse.peek() == 1) {
                        problems.add(new SyntaxProblem("W310", Severity.WARNING, i, lines.apply(i).textStart(), lines.apply(i).raw().length(),
                                kind == LineKind.ELSE
                                        ? "a second 'else': EYN-OS 2026 runs it too when no earlier branch ran"
                                        : "'elif' after 'else' is still evaluated on EYN-OS 2026 and can run"));
                    }
                    if (kind == LineKind.ELSE) seenElse.setTop(1);
                    links.setNextBranchAt(lastBranch.peek(), i);
                    lastBranch.setTop(slot);
                    links.setOpenerAt(slot, links.line(top));
                }
                case ENDIF, ENDWHILE -> {
                    LineKind want = kind == LineKind.ENDIF ? LineKind.IF : LineKind.WHILE;
                    int top = open.peek();
                    if (top < 0 || links.kind(top) != want) {
                        problems.add(problem("E308", i, lines.apply(i), "'" + kind.keyword() + "' without matching '" + want.keyword() + "'"
                                + (top < 0 ? "" : " (the innermost open block is the " + links.kind(top).keyword()
                                        + " on line " + (links.line(top) + 1) + ")")
                                + ": EYN-OS 2026 aborts the script here"));
                        aborted = true;
                        break scan;
                    }
                    open.pop();
                    lastBranch.pop();
                    seenElse.pop();
                    links.setEndAt(top, i);
                    links.setOpenerAt(slot, links.line(top));
                    endBranches(links, top, i);
                }
                default -> { }
            }
        }
        for (int k = 0; k < open.size(); k++) {
            int top = open.fromTop(k);
            ScriptLine opened = lines.apply(links.line(top));
            links.setEndAt(top, n);
            endBranches(links, top, n);
            if (aborted) continue; // the engine stops before its end-of-script check
            problems.add(new SyntaxProblem("W311", Severity.WARNING, links.line(top), opened.textStart(), opened.raw().length(),
                    "'" + opened.kind().keyword() + "' has no matching '" + opened.kind().closer()
                            + "': EYN-OS 2026 warns of unclosed blocks at the end of the script"));
        }
    }

    /** Gives every branch of the if at {@code openerSlot} the same end. */
    private static void endBranches(BlockLinks links, int openerSlot, int end) {
        for (int b = links.nextBranchAt(openerSlot); b >= 0; b = links.nextBranchAt(links.slot(b))) links.setEndAt(links.slot(b), end);
    }

    private static SyntaxProblem problem(String code, int index, ScriptLine line, String message) {
        return new SyntaxProblem(code, Severity.ERROR, index, line.textStart(), line.raw().length(), message);
    }
}
