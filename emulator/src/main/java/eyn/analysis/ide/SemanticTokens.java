package eyn.analysis.ide;

import eyn.commands.ArgKind;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.language.Expander;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.Word;
import java.util.ArrayList;
import java.util.List;

/** Semantic tokens: what each piece of a line is, from the parser and the command table. */
public final class SemanticTokens {
    /** Token types, in the order the legend declares them. */
    public static final List<String> TYPES = List.of("comment", "keyword", "function", "variable", "number", "enumMember", "string");
    /** Token modifiers, as bits in the legend's order. */
    public static final List<String> MODIFIERS = List.of("declaration", "defaultLibrary");

    public static final int COMMENT = 0;
    public static final int KEYWORD = 1;
    public static final int FUNCTION = 2;
    public static final int VARIABLE = 3;
    public static final int NUMBER = 4;
    public static final int ENUM_MEMBER = 5;
    public static final int STRING = 6;

    public record Token(int line, int start, int length, int type, int modifiers) {}

    private SemanticTokens() {}

    public static List<Token> of(Script script) {
        return of(script, eyn.profile.Profiles.R13.commands());
    }

    /** The tokens of a script whose commands come from {@code commands} (the analysis's profile). */
    public static List<Token> of(Script script, eyn.commands.CommandSet commands) {
        eyn.language.Dialect dialect = script.dialect();
        List<Token> tokens = new ArrayList<>();
        for (ScriptLine line : script.lines()) {
            int i = line.index();
            switch (line.kind()) {
                case COMMENT -> tokens.add(new Token(i, line.textStart(), line.text().length(), COMMENT, 0));
                case BLANK -> { }
                case COMMAND -> command(dialect, line, commands, tokens);
                default -> {
                    tokens.add(new Token(i, line.head().start(), line.head().text().length(), KEYWORD, 0));
                    if (line.kind() == LineKind.SET) {
                        LineParts.Assignment a = LineParts.assignment(line);
                        if (a.hasEquals() && !a.key().isEmpty()) tokens.add(new Token(i, a.keyStart(), a.key().length(), VARIABLE, 1));
                        variables(dialect, line, a.valueStart(), line.raw().length(), tokens);
                    } else if (line.kind() == LineKind.LOOP) {
                        String count = LineParts.loopCount(line);
                        if (!count.isEmpty() && count.chars().allMatch(Character::isDigit)) {
                            tokens.add(new Token(i, line.restStart(), count.length(), NUMBER, 0));
                        } else {
                            variables(dialect, line, line.restStart(), line.raw().length(), tokens);
                        }
                    } else {
                        variables(dialect, line, line.restStart(), line.raw().length(), tokens);
                    }
                }
            }
        }
        return tokens;
    }

    private static void command(eyn.language.Dialect dialect, ScriptLine line, eyn.commands.CommandSet commands, List<Token> tokens) {
        int i = line.index();
        Word head = line.head();
        CommandSpec spec = commands.spec(head.text());
        if (spec != null || commands.aliases().containsKey(head.text())) tokens.add(new Token(i, head.start(), head.text().length(), FUNCTION, 2));
        else variables(dialect, line, head.start(), head.end(), tokens);
        List<Word> words = line.words();
        for (int w = 1; w < words.size(); w++) {
            Word word = words.get(w);
            ArgSpec arg = spec == null ? null : spec.argAt(w - 1);
            if (arg == null || word.text().contains("$") || arg.kind() == ArgKind.TEXT) {
                variables(dialect, line, word.start(), word.end(), tokens);
                continue;
            }
            int type = switch (arg.kind()) {
                case FD, COUNT, OFFSET, NUMBER, ADDRESS -> NUMBER;
                case MODE, WHENCE, WORD -> ENUM_MEMBER;
                case PATH -> STRING;
                default -> -1;
            };
            if (type >= 0) tokens.add(new Token(i, word.start(), word.text().length(), type, 0));
        }
    }

    private static void variables(eyn.language.Dialect dialect, ScriptLine line, int from, int to, List<Token> tokens) {
        String raw = line.raw();
        int end = Math.min(to, raw.length());
        if (from >= end) return;
        for (Expander.VariableRef ref : dialect.references(raw.substring(from, end))) {
            tokens.add(new Token(line.index(), from + ref.start(), ref.end() - ref.start(), VARIABLE, 0));
        }
    }

    /** LSP's relative encoding: deltaLine, deltaStart, length, type, modifiers per token. */
    public static int[] encode(List<Token> tokens) {
        int[] data = new int[tokens.size() * 5];
        int line = 0;
        int start = 0;
        int k = 0;
        for (Token t : tokens) {
            data[k++] = t.line() - line;
            data[k++] = t.line() == line ? t.start() - start : t.start();
            data[k++] = t.length();
            data[k++] = t.type();
            data[k++] = t.modifiers();
            line = t.line();
            start = t.start();
        }
        return data;
    }
}
