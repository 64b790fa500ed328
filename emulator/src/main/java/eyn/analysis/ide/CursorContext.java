package eyn.analysis.ide;

import eyn.language.Expander;
import eyn.language.LineKind;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.Word;
import java.util.List;

/**
 * What is at a position: the line, the command (also inside {@code $(...)}), which argument the
 * cursor is in, and the word being typed. Completion, hover and signature help start here.
 */
public final class CursorContext {
    public enum Slot { COMMAND, ARGUMENT, VARIABLE, DIRECTIVE_OPERAND, COMMENT, NONE }

    public final ScriptLine line;
    public final int column;
    public final Slot slot;
    /** For ARGUMENT: the command's name; for COMMAND: the text typed so far. */
    public final String command;
    /** For ARGUMENT: 0-based index of the argument the cursor is in. */
    public final int argument;
    /** The range of the word under the cursor (what a completion replaces). */
    public final Span word;
    /** Column where the command's words start (non-zero inside {@code $(...)}). */
    public final int commandStart;

    private CursorContext(ScriptLine line, int column, Slot slot, String command, int argument, Span word, int commandStart) {
        this.line = line;
        this.column = column;
        this.slot = slot;
        this.command = command;
        this.argument = argument;
        this.word = word;
        this.commandStart = commandStart;
    }

    public static CursorContext at(Script script, int lineIndex, int column) {
        if (lineIndex < 0 || lineIndex >= script.size()) {
            return new CursorContext(Parser.line(""), 0, Slot.NONE, "", -1, new Span(Math.max(0, lineIndex), 0, 0), 0);
        }
        ScriptLine line = script.line(lineIndex);
        String raw = line.raw();
        int col = Math.max(0, Math.min(column, raw.length()));
        Span word = wordAround(line.index(), raw, col);
        if (line.kind() == LineKind.COMMENT) return new CursorContext(line, col, Slot.COMMENT, "", -1, word, 0);
        Span variable = variableAt(line.index(), raw, col);
        if (variable != null) return new CursorContext(line, col, Slot.VARIABLE, "", -1, variable, 0);
        // inside an open $( ... the command there counts
        int subStart = 0;
        for (Expander.Substitution s : Expander.substitutions(raw)) {
            if (col >= s.start() + 2 && (col < s.end() || !s.terminated())) subStart = s.start() + 2;
        }
        String segment = subStart > 0 ? raw.substring(subStart, substitutionEnd(raw, subStart)) : raw;
        int local = col - subStart;
        ScriptLine parsed = subStart > 0 ? Parser.line(segment) : line;
        if (subStart == 0 && parsed.kind().isDirective()) {
            if (col <= parsed.head().end()) {
                return new CursorContext(line, col, Slot.COMMAND, raw.substring(Math.min(parsed.textStart(), col), col), -1, word, 0);
            }
            return new CursorContext(line, col, Slot.DIRECTIVE_OPERAND, parsed.name(), -1, word, 0);
        }
        List<Word> words = parsed.words();
        if (words.isEmpty() || local <= words.get(0).end()) {
            int start = words.isEmpty() ? local : words.get(0).start();
            String typed = segment.substring(Math.min(start, local), local).strip();
            return new CursorContext(line, col, Slot.COMMAND, typed, -1, word, subStart);
        }
        int argument = 0;
        for (int w = 1; w < words.size(); w++) {
            if (local > words.get(w).end()) argument = w;
            else if (local >= words.get(w).start()) {
                argument = w - 1;
                return new CursorContext(line, col, Slot.ARGUMENT, words.get(0).text(), argument, word, subStart);
            }
        }
        // after the last word's end: a new argument when a space was typed, else the last word
        Word last = words.get(words.size() - 1);
        argument = local > last.end() ? words.size() - 1 : words.size() - 2;
        return new CursorContext(line, col, Slot.ARGUMENT, words.get(0).text(), argument, word, subStart);
    }

    private static int substitutionEnd(String raw, int from) {
        int depth = 1;
        for (int i = from; i < raw.length(); i++) {
            if (raw.charAt(i) == '(') depth++;
            else if (raw.charAt(i) == ')' && --depth == 0) return i;
        }
        return raw.length();
    }

    /** The word (run of non-spaces) touching the column. */
    static Span wordAround(int line, String raw, int col) {
        int s = col;
        while (s > 0 && raw.charAt(s - 1) != ' ' && raw.charAt(s - 1) != '\t') s--;
        int e = col;
        while (e < raw.length() && raw.charAt(e) != ' ' && raw.charAt(e) != '\t') e++;
        return new Span(line, s, e);
    }

    /** When the cursor is in a {@code $NAME} or {@code ${NAME}} (or just after '$'), the span of the name part. */
    static Span variableAt(int line, String raw, int col) {
        for (int i = Math.min(col, raw.length()) - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (c == '$') {
                boolean braced = i + 1 < raw.length() && raw.charAt(i + 1) == '{';
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '(') return null;
                int nameStart = i + (braced ? 2 : 1);
                if (col < nameStart) return null;
                int e = nameStart;
                while (e < raw.length() && (braced ? raw.charAt(e) != '}' : Expander.isNameChar(raw.charAt(e)))) e++;
                return col <= e ? new Span(line, nameStart, e) : null;
            }
            if (!Expander.isNameChar(c) && c != '{') return null;
        }
        return null;
    }
}
