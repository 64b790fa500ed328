package eyn.language;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variable expansion and command-substitution scanning, with EYN-OS's rules (reference 5.3, 5.4):
 * {@code $NAME} takes the longest run of name characters (at most 31), {@code ${NAME}} takes
 * everything up to '}' (the rest of the line when it is missing), a '$' before any other character
 * vanishes, and {@code $(} is left for the substitution step. One pass: values are not re-expanded.
 */
public final class Expander {
    private Expander() {}

    /** A variable reference: the name and the columns [start, end) of the whole reference. */
    public record VariableRef(String name, int start, int end, boolean braced) {}

    /** A {@code $(...)} span: [start, end) covers the whole text, {@code inner} is untrimmed. */
    public record Substitution(int start, int end, String inner, boolean terminated) {}

    public static String expand(String text, Function<String, String> lookup) {
        StringBuilder out = new StringBuilder(text.length());
        scan(text, out, lookup, null);
        return out.toString();
    }

    public static List<VariableRef> references(String text) {
        List<VariableRef> refs = new ArrayList<>();
        scan(text, null, name -> "", refs);
        return refs;
    }

    private static void scan(String text, StringBuilder out, Function<String, String> lookup, List<VariableRef> refs) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '$') {
                if (out != null) out.append(c);
                i++;
                continue;
            }
            int start = i;
            if (i + 1 < n && text.charAt(i + 1) == '(') {
                if (out != null) out.append("$(");
                i += 2;
                continue;
            }
            if (i + 1 < n && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                int nameEnd = close < 0 ? n : close;
                String name = text.substring(i + 2, nameEnd);
                String surplus = "";
                if (name.length() > Limits.NAME) {
                    surplus = name.substring(Limits.NAME) + (close < 0 ? "" : "}");
                    name = name.substring(0, Limits.NAME);
                }
                int end = close < 0 ? n : close + 1;
                if (refs != null) refs.add(new VariableRef(name, start, end, true));
                if (out != null) {
                    out.append(value(lookup, name));
                    out.append(surplus);
                }
                i = end;
                continue;
            }
            int j = i + 1;
            while (j < n && j - (i + 1) < Limits.NAME && isNameChar(text.charAt(j))) j++;
            String name = text.substring(i + 1, j);
            if (refs != null && !name.isEmpty()) refs.add(new VariableRef(name, start, j, false));
            if (out != null) out.append(value(lookup, name));
            i = j;
        }
    }

    private static String value(Function<String, String> lookup, String name) {
        if (name.isEmpty()) return "";
        String v = lookup.apply(name);
        return v == null ? "" : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Finds the {@code $(...)} spans of an expanded line, counting nested parentheses. */
    public static List<Substitution> substitutions(String text) {
        List<Substitution> result = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n - 1) {
            if (text.charAt(i) == '$' && text.charAt(i + 1) == '(') {
                int depth = 1;
                int j = i + 2;
                while (j < n) {
                    char c = text.charAt(j);
                    if (c == '(') depth++;
                    else if (c == ')' && --depth == 0) break;
                    j++;
                }
                boolean terminated = j < n;
                String inner = text.substring(i + 2, j);
                if (inner.length() > Limits.SUBSTITUTION_TEXT) inner = inner.substring(0, Limits.SUBSTITUTION_TEXT);
                int end = terminated ? j + 1 : n;
                result.add(new Substitution(i, end, inner, terminated));
                i = end;
            } else {
                i++;
            }
        }
        return result;
    }

    /**
     * What a {@code $(...)} inserts for captured output: the whole capture when it has no ASCII
     * letters; otherwise the last run of digits (with a '-' right before it), or the whole capture
     * when there are no digits. The capture is cut to 199 characters and trimmed first.
     */
    public static String captureResult(String captured) {
        String c = captured.length() > Limits.CAPTURE ? captured.substring(0, Limits.CAPTURE) : captured;
        c = c.strip();
        boolean letters = false;
        for (int k = 0; k < c.length(); k++) {
            char ch = c.charAt(k);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                letters = true;
                break;
            }
        }
        if (!letters) return c;
        int end = c.length();
        while (end > 0 && !isDigit(c.charAt(end - 1))) end--;
        if (end == 0) return c;
        int start = end;
        while (start > 0 && isDigit(c.charAt(start - 1))) start--;
        if (start > 0 && c.charAt(start - 1) == '-') start--;
        return c.substring(start, end);
    }
}
