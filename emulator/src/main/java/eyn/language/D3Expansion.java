package eyn.language;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The 2026 engine's expansion of one line (reference 2.6), as a resumable evaluation: one pass left
 * to right, {@code $NAME} (name characters, at most 63; a single digit is a script argument),
 * {@code ${NAME}} (up to '}', at most 63), a lone '$' kept, and {@code $(...)} whose body is expanded
 * first (inner substitutions run first, left to right) and then run as a command line.
 * {@link #advance} returns each command line to run; the caller runs it (maybe as a nested script
 * over several steps) and hands the captured output to {@link #deliver}. The result is cut at 511
 * characters; {@link #truncated()} tells whether unread input was left (the engine's warning).
 */
public final class D3Expansion {
    /** A piece of a line: literal text, a variable reference, or a substitution with its own pieces. */
    public sealed interface Part permits Literal, Variable, Command {}

    public record Literal(String text) implements Part {}

    /** {@code start}/{@code end}: columns in the text parsed; {@code surplus}: text output literally after it. */
    public record Variable(String name, int start, int end, boolean braced, String surplus) implements Part {}

    public record Command(List<Part> body, int start, int end, boolean terminated) implements Part {}

    /** Splits text into parts; never fails. */
    public static List<Part> parse(String text) {
        List<Part> out = new ArrayList<>();
        parseInto(text, 0, text.length(), out);
        return out;
    }

    private static void parseInto(String text, int from, int to, List<Part> out) {
        StringBuilder lit = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= to) {
                lit.append(c);
                i++;
                continue;
            }
            char n = text.charAt(i + 1);
            if (n == '(') {
                int depth = 1;
                int j = i + 2;
                while (j < to && depth > 0) {
                    char d = text.charAt(j);
                    if (d == '(') depth++;
                    else if (d == ')' && --depth == 0) break;
                    j++;
                }
                boolean terminated = j < to;
                int bodyEnd = Math.min(j, i + 2 + D3Limits.SUBSTITUTION_BODY);
                flush(lit, out);
                List<Part> body = new ArrayList<>();
                parseInto(text, i + 2, bodyEnd, body);
                int end = terminated ? j + 1 : to;
                out.add(new Command(List.copyOf(body), i, end, terminated));
                i = end;
            } else if (n == '{') {
                int close = text.indexOf('}', i + 2);
                if (close >= to) close = -1;
                int nameEnd = close < 0 ? to : close;
                String name = text.substring(i + 2, nameEnd);
                String surplus = "";
                if (name.length() > D3Limits.NAME) {
                    surplus = name.substring(D3Limits.NAME) + (close < 0 ? "" : "}");
                    name = name.substring(0, D3Limits.NAME);
                }
                int end = close < 0 ? to : close + 1;
                flush(lit, out);
                out.add(new Variable(name, i, end, true, surplus));
                i = end;
            } else if (isNameChar(n)) {
                int j = i + 1;
                while (j < to && isNameChar(text.charAt(j))) j++;
                String name = text.substring(i + 1, j);
                String surplus = "";
                if (name.length() > D3Limits.NAME) {
                    surplus = name.substring(D3Limits.NAME);
                    name = name.substring(0, D3Limits.NAME);
                }
                flush(lit, out);
                out.add(new Variable(name, i, j, false, surplus));
                i = j;
            } else {
                lit.append('$');
                i++;
            }
        }
        flush(lit, out);
    }

    private static void flush(StringBuilder lit, List<Part> out) {
        if (lit.length() > 0) {
            out.add(new Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    public static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Every variable reference in text, substitution bodies included, in order. */
    public static List<Variable> references(String text) {
        List<Variable> out = new ArrayList<>();
        collect(parse(text), out);
        return out;
    }

    private static void collect(List<Part> parts, List<Variable> out) {
        for (Part p : parts) {
            if (p instanceof Variable v) out.add(v);
            else if (p instanceof Command c) collect(c.body(), out);
        }
    }

    /** The outermost substitutions of text. */
    public static List<Command> commands(String text) {
        List<Command> out = new ArrayList<>();
        for (Part p : parse(text)) if (p instanceof Command c) out.add(c);
        return out;
    }

    /** Expands text with no substitution running (a substitution yields ""): for display and analysis. */
    public static String expandQuietly(String text, Function<String, String> lookup) {
        D3Expansion e = new D3Expansion(text);
        while (e.advance(lookup) != null) e.deliver("");
        return e.result();
    }

    // ---- the resumable evaluation ----------------------------------------------------------------

    private static final class Level {
        final List<Part> parts;
        int index;
        final StringBuilder out;
        boolean full;

        Level(List<Part> parts, int index, StringBuilder out, boolean full) {
            this.parts = parts;
            this.index = index;
            this.out = out;
            this.full = full;
        }

        Level copy() {
            return new Level(parts, index, new StringBuilder(out), full);
        }
    }

    private final Deque<Level> stack = new ArrayDeque<>();
    private boolean truncated;

    public D3Expansion(String text) {
        stack.push(new Level(parse(text), 0, new StringBuilder(), false));
    }

    private D3Expansion(Deque<Level> levels, boolean truncated) {
        for (Level l : levels) stack.addLast(l.copy());
        this.truncated = truncated;
    }

    public D3Expansion copy() {
        return new D3Expansion(stack, truncated);
    }

    /**
     * Expands until a substitution's command line is ready, and returns it (the caller runs it and
     * calls {@link #deliver}); returns null when the line is complete.
     */
    public String advance(Function<String, String> lookup) {
        while (true) {
            Level top = stack.peek();
            if (top.index >= top.parts.size()) {
                if (stack.size() == 1) return null;
                stack.pop();
                return top.out.toString();
            }
            Part p = top.parts.get(top.index++);
            boolean more = top.index < top.parts.size();
            if (top.out.length() >= D3Limits.EXPANDED_LINE) {
                // full: whatever is left is not read (and no later substitution runs)
                if (stack.size() == 1) truncated = true;
                top.index = top.parts.size();
                continue;
            }
            if (p instanceof Literal l) {
                append(top, l.text(), true, more);
            } else if (p instanceof Variable v) {
                String value = lookup.apply(v.name());
                append(top, value == null ? "" : value, false, more || !v.surplus().isEmpty());
                if (!v.surplus().isEmpty()) append(top, v.surplus(), true, more);
            } else if (p instanceof Command c) {
                stack.push(new Level(c.body(), 0, new StringBuilder(), false));
            }
        }
    }

    /** Hands in a substitution's captured output: trailing CR/LF removed, inserted verbatim. */
    public void deliver(String captured) {
        int e = captured.length();
        while (e > 0 && (captured.charAt(e - 1) == '\n' || captured.charAt(e - 1) == '\r')) e--;
        Level top = stack.peek();
        boolean more = top.index < top.parts.size();
        if (top.out.length() >= D3Limits.EXPANDED_LINE) return;
        append(top, captured.substring(0, e), false, more);
    }

    /** Appends up to the line limit; text from the input that does not fit counts as unread input. */
    private void append(Level level, String text, boolean fromInput, boolean moreInput) {
        int room = D3Limits.EXPANDED_LINE - level.out.length();
        if (text.length() <= room) {
            level.out.append(text);
            return;
        }
        level.out.append(text, 0, Math.max(0, room));
        if (stack.size() == 1 && (fromInput || moreInput)) truncated = true;
    }

    public String result() {
        return stack.getLast().out.toString();
    }

    /** True when the line reached 511 characters with input left unread: EYN-OS warns, then runs it. */
    public boolean truncated() {
        return truncated;
    }

    public boolean done() {
        return stack.size() == 1 && stack.peek().index >= stack.peek().parts.size();
    }
}
