package eyn.language;

/**
 * How the 2026 engine (D3) reads the parts of a line: keywords on the raw line, {@code set}'s name and
 * value, and conditions. Used on raw text by the analyzer and on expanded text by the interpreter.
 */
public final class D3Syntax {
    private D3Syntax() {}

    /** True when {@code text} starts with {@code word} followed by a space, a tab or its end. */
    public static boolean startsWithWord(String text, String word) {
        if (!text.startsWith(word)) return false;
        if (text.length() == word.length()) return true;
        char c = text.charAt(word.length());
        return c == ' ' || c == '\t';
    }

    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    public static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) i++;
        return i;
    }

    /**
     * {@code set NAME=VALUE} on the text after {@code set}: NAME is everything up to the first '='
     * (not trimmed), VALUE everything after it (not trimmed). {@code offset} is where NAME starts
     * within the given text; {@code valid} is false with no '=' or an empty NAME.
     */
    public record Assignment(String name, int nameStart, String value, int valueStart, boolean valid) {}

    public static Assignment assignment(String afterSet) {
        int s = skipBlanks(afterSet, 0);
        int eq = afterSet.indexOf('=', s);
        if (eq < 0) return new Assignment(afterSet.substring(s), s, "", afterSet.length(), false);
        String name = afterSet.substring(s, eq);
        return new Assignment(name, s, afterSet.substring(eq + 1), eq + 1, !name.isEmpty());
    }

    /** What a condition tests, by the first rule of reference 2.9 that matches. */
    public enum Test { EXISTS, IS_FILE, EQUALS, DIFFERS, TRUTH }

    /**
     * A condition read from (expanded, left-trimmed) text: for file tests {@code left} is the path;
     * for comparisons {@code left}/{@code right} are the operands; for truthiness {@code left} is the
     * whole text. Columns are offsets into the text given.
     */
    public record Condition(Test test, String left, int leftStart, String right, int rightStart) {
        /** The truthiness rule: false only for empty text or exactly "0". */
        public boolean truth() {
            return !left.isEmpty() && !left.equals("0");
        }
    }

    public static Condition condition(String text) {
        int start = skipBlanks(text, 0);
        String t = text.substring(start);
        if ((t.startsWith("-e") || t.startsWith("-f")) && t.length() > 2 && isBlank(t.charAt(2))) {
            int ps = skipBlanks(t, 3);
            int pe = ps;
            while (pe < t.length() && !isBlank(t.charAt(pe))) pe++;
            String path = t.substring(ps, Math.min(pe, ps + D3Limits.PATH));
            return new Condition(t.charAt(1) == 'e' ? Test.EXISTS : Test.IS_FILE, path, start + ps, "", start + pe);
        }
        int w = 0;
        while (w < t.length() && !isBlank(t.charAt(w))) w++;
        int op = skipBlanks(t, w);
        if (w > 0 && op + 1 < t.length() && (t.startsWith("==", op) || t.startsWith("!=", op))) {
            String left = t.substring(0, Math.min(w, D3Limits.OPERAND));
            int rs = skipBlanks(t, op + 2);
            int re = rs;
            while (re < t.length() && !isBlank(t.charAt(re)) && t.charAt(re) != '\n') re++;
            String right = t.substring(rs, Math.min(re, rs + D3Limits.OPERAND));
            return new Condition(t.charAt(op) == '=' ? Test.EQUALS : Test.DIFFERS, left, start, right, start + rs);
        }
        return new Condition(Test.TRUTH, t, start, "", start + t.length());
    }
}
