package eyn.language;

/** Splits directive lines into their operands exactly as EYN-OS's script engine does. */
public final class LineParts {
    private LineParts() {}

    /** {@code set KEY=VALUE}: both trimmed; {@code hasEquals} false when the line has no '='. */
    public record Assignment(String key, int keyStart, String value, int valueStart, boolean hasEquals) {}

    /** {@code ifeq A B}: A is one word, B is everything after the spaces that follow A (may hold spaces). */
    public record Condition(String left, int leftStart, String right, int rightStart, boolean hasRight) {}

    public static Assignment assignment(ScriptLine line) {
        String rest = line.rest();
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return new Assignment(rest.strip(), line.restStart(), "", line.restStart() + rest.length(), false);
        }
        String keyRaw = rest.substring(0, eq);
        String valueRaw = rest.substring(eq + 1);
        int keyLead = leadingBlanks(keyRaw);
        int valueLead = leadingBlanks(valueRaw);
        return new Assignment(keyRaw.strip(), line.restStart() + keyLead,
                valueRaw.strip(), line.restStart() + eq + 1 + valueLead, true);
    }

    public static Condition condition(ScriptLine line) {
        String rest = line.rest();
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == ' ') i++;
        int leftStart = i;
        while (i < rest.length() && rest.charAt(i) != ' ') i++;
        String left = rest.substring(leftStart, i);
        if (i >= rest.length()) {
            return new Condition(left, line.restStart() + leftStart, "", line.restStart() + rest.length(), false);
        }
        while (i < rest.length() && rest.charAt(i) == ' ') i++;
        return new Condition(left, line.restStart() + leftStart, rest.substring(i), line.restStart() + i, true);
    }

    /** The count text of {@code loop N}, trimmed. */
    public static String loopCount(ScriptLine line) {
        return line.rest().strip();
    }

    /**
     * The loop count as EYN-OS's atoi reads it: an optional sign and the leading digits ("3 times"
     * is 3). Null when there are no digits at all, which the emulator reports instead of looping once.
     */
    public static Long loopCountValue(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) negative = text.charAt(i++) == '-';
        int start = i;
        while (i < text.length() && i - start < 18 && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
        if (i == start) return null;
        long v = Long.parseLong(text.substring(start, i));
        if (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') v = Long.MAX_VALUE;
        return negative ? -v : v;
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }
}
