package eyn.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines as Release 13's script engine (D2, the v3 engine) reads them: trimmed at both ends, 511
 * characters at most, directives by prefix ({@code set }, {@code ifeq }, ...) or exact word
 * ({@code else}, {@code endif}, {@code endloop}); blocks matched statically.
 */
final class D2Lines implements LineRules {
    @Override
    public List<Expander.VariableRef> references(String text) {
        return Expander.references(text);
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
        if (raw.endsWith("\r")) raw = raw.substring(0, raw.length() - 1);
        if (raw.length() > Limits.PHYSICAL_LINE) {
            problems.add(new SyntaxProblem("W006", Severity.WARNING, index, Limits.PHYSICAL_LINE, raw.length(),
                    "line is longer than " + Limits.PHYSICAL_LINE + " characters; the rest is ignored"));
            raw = raw.substring(0, Limits.PHYSICAL_LINE);
        }
        int s = 0;
        int e = raw.length();
        while (s < e && isTrim(raw.charAt(s))) s++;
        while (e > s && isTrim(raw.charAt(e - 1))) e--;
        String text = raw.substring(s, e);
        LineKind kind = classify(text);
        List<Word> words = new ArrayList<>();
        int restStart;
        if (kind == LineKind.BLANK || kind == LineKind.COMMENT) {
            restStart = e;
        } else {
            restStart = Word.split(raw, s, e, c -> c == ' ', words);
        }
        String rest = raw.substring(Math.min(restStart, e), e);
        ScriptLine line = new ScriptLine(index, raw, s, text, kind, List.copyOf(words), rest, Math.min(restStart, e));
        checkLine(line, problems);
        return line;
    }

    private static boolean isTrim(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    static LineKind classify(String text) {
        if (text.isEmpty()) return LineKind.BLANK;
        if (text.charAt(0) == '#') return LineKind.COMMENT;
        if (text.startsWith("set ")) return LineKind.SET;
        if (text.startsWith("ifeq ")) return LineKind.IFEQ;
        if (text.startsWith("ifneq ")) return LineKind.IFNEQ;
        if (text.equals("else")) return LineKind.ELSE;
        if (text.equals("endif")) return LineKind.ENDIF;
        if (text.startsWith("loop ")) return LineKind.LOOP;
        if (text.equals("endloop")) return LineKind.ENDLOOP;
        return LineKind.COMMAND;
    }

    @Override
    public void checkLine(ScriptLine line, List<SyntaxProblem> problems) {
        int i = line.index();
        switch (line.kind()) {
            case SET -> {
                LineParts.Assignment a = LineParts.assignment(line);
                if (!a.hasEquals()) {
                    problems.add(new SyntaxProblem("E001", Severity.ERROR, i, line.textStart(), line.textEnd(),
                            "'set' needs NAME=VALUE; EYN-OS ignores this line"));
                } else if (a.key().isEmpty()) {
                    problems.add(new SyntaxProblem("E002", Severity.ERROR, i, line.textStart(), line.textEnd(),
                            "'set' has an empty variable name; EYN-OS ignores this line"));
                } else if (a.key().length() > Limits.NAME) {
                    problems.add(new SyntaxProblem("W003", Severity.WARNING, i, a.keyStart(), a.keyStart() + a.key().length(),
                            "variable name longer than " + Limits.NAME + " characters is cut to " + Limits.NAME));
                }
            }
            case IFEQ, IFNEQ -> {
                LineParts.Condition c = LineParts.condition(line);
                if (!c.hasRight()) {
                    problems.add(new SyntaxProblem("W004", Severity.WARNING, i, line.textStart(), line.textEnd(),
                            "'" + line.kind().keyword() + "' needs two operands; with one the condition is always false"));
                }
            }
            case LOOP -> {
                if (LineParts.loopCount(line).isEmpty()) {
                    problems.add(new SyntaxProblem("E007", Severity.ERROR, i, line.textStart(), line.textEnd(),
                            "'loop' needs a count"));
                }
            }
            case COMMAND -> {
                String name = line.name();
                switch (name) {
                    case "set", "ifeq", "ifneq", "loop" -> problems.add(new SyntaxProblem("E008", Severity.ERROR, i,
                            line.head().start(), line.head().end(),
                            "'" + name + "' needs operands after a space; alone it is run as a command and fails"));
                    case "else", "endif", "endloop" -> problems.add(new SyntaxProblem("E009", Severity.ERROR, i,
                            line.textStart(), line.textEnd(),
                            "'" + name + "' must be alone on its line; with more text it is run as a command and fails"));
                    default -> { }
                }
            }
            default -> { }
        }
    }

    /** E016 names the closer's line, after its own. */
    @Override
    public boolean blockProblemUnmovedBy(SyntaxProblem problem, int firstChanged) {
        return problem.line() < firstChanged && !problem.code().equals("E016");
    }

    @Override
    public void matchBlocks(BlockLinks links, java.util.function.IntFunction<ScriptLine> lines, List<SyntaxProblem> problems) {
        IntStack open = new IntStack(); // slots of the open blocks' openers
        int ifDepth = 0;
        int loopDepth = 0;
        for (int slot = 0; slot < links.count(); slot++) {
            int i = links.line(slot);
            LineKind kind = links.kind(slot);
            switch (kind) {
                case IFEQ, IFNEQ, LOOP -> {
                    open.push(slot);
                    if (kind == LineKind.LOOP) {
                        if (++loopDepth > Limits.LOOP_NESTING) {
                            problems.add(problem("E010", i, lines.apply(i), "more than " + Limits.LOOP_NESTING + " nested loops"));
                        }
                    } else if (++ifDepth > Limits.IF_NESTING) {
                        problems.add(problem("E011", i, lines.apply(i), "more than " + Limits.IF_NESTING + " nested ifeq/ifneq blocks"));
                    }
                }
                case ELSE -> {
                    int top = open.peek();
                    if (top < 0 || links.kind(top) == LineKind.LOOP) {
                        problems.add(problem("E012", i, lines.apply(i), "'else' without an open ifeq/ifneq"));
                    } else if (links.nextBranchAt(top) >= 0) {
                        problems.add(problem("E013", i, lines.apply(i), "second 'else' for the ifeq/ifneq on line " + (links.line(top) + 1)));
                    } else {
                        links.setNextBranchAt(top, i);
                        links.setOpenerAt(slot, links.line(top));
                    }
                }
                case ENDIF, ENDLOOP -> {
                    boolean wantLoop = kind == LineKind.ENDLOOP;
                    int opener = -1;
                    for (int k = 0; k < open.size(); k++) {
                        int candidate = open.fromTop(k);
                        if ((links.kind(candidate) == LineKind.LOOP) == wantLoop) {
                            opener = candidate;
                            break;
                        }
                    }
                    if (opener < 0) {
                        problems.add(problem(wantLoop ? "E014" : "E015", i, lines.apply(i),
                                wantLoop ? "'endloop' without an open loop" : "'endif' without an open ifeq/ifneq"));
                        break;
                    }
                    while (true) {
                        int top = open.pop();
                        if (links.kind(top) == LineKind.LOOP) loopDepth--; else ifDepth--;
                        links.setEndAt(top, i);
                        if (top == opener) break;
                        ScriptLine opened = lines.apply(links.line(top));
                        problems.add(problem("E016", links.line(top), opened, "'" + opened.kind().keyword() + "' is not closed before the '"
                                + kind.keyword() + "' on line " + (i + 1)));
                    }
                    links.setOpenerAt(slot, links.line(opener));
                }
                default -> { }
            }
        }
        for (int k = 0; k < open.size(); k++) {
            int top = open.fromTop(k);
            ScriptLine opened = lines.apply(links.line(top));
            links.setEndAt(top, links.lines);
            problems.add(problem("E017", links.line(top), opened, "'" + opened.kind().keyword() + "' has no matching '"
                    + (opened.kind() == LineKind.LOOP ? "endloop" : "endif") + "'"));
        }
    }

    private static SyntaxProblem problem(String code, int index, ScriptLine line, String message) {
        return new SyntaxProblem(code, Severity.ERROR, index, line.textStart(), line.textEnd(), message);
    }
}
