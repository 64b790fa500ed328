package eyn.analysis.ide;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites Release 13 constructs for EYN-OS 2026, line by line on the raw text (so it works whichever
 * dialect the script was read in): {@code ifeq A B} becomes {@code if A == B}, {@code ifneq} uses
 * {@code !=}, {@code loop N ... endloop} becomes a counted {@code while} with {@code calc}, and
 * {@code ls} becomes {@code list}. Used by the quick fixes and by "Convert script to EYN-OS 2026";
 * constructs without a 2026 equivalent (the z* commands) are left for their diagnostics.
 */
public final class Conversion2026 {
    public static final String MARKER = "# eyn: profile=2026";

    private Conversion2026() {}

    /** The edits that convert a whole script (an empty list when nothing needs converting). */
    public static List<Edit> all(String text) {
        String[] lines = text.split("\n", -1);
        List<Edit> edits = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            List<Edit> e = lineFix(lines, i, false);
            changed |= !e.isEmpty();
            edits.addAll(e);
        }
        if (!lines[0].contains("eyn: profile=")) edits.add(0, Edit.insert(0, 0, MARKER + "\n"));
        return changed || edits.size() > 0 ? edits : List.of();
    }

    /** The edits that convert one line; a loop's fix also rewrites its endloop (and the reverse). */
    public static List<Edit> lineFix(String text, int line) {
        return lineFix(text.split("\n", -1), line, true);
    }

    /** The same for a parsed script (its raw lines). */
    public static List<Edit> lineFix(eyn.language.Script script, int line) {
        String[] lines = new String[script.size()];
        for (int i = 0; i < lines.length; i++) lines[i] = script.line(i).raw();
        return lineFix(lines, line, true);
    }

    private static List<Edit> lineFix(String[] lines, int i, boolean withPartner) {
        if (i < 0 || i >= lines.length) return List.of();
        String raw = strip(lines[i]);
        int start = leading(raw);
        String t = raw.substring(start);
        String word = firstWord(t);
        String indent = raw.substring(0, start);
        String rest = t.substring(word.length()).strip();
        switch (word) {
            case "ifeq", "ifneq" -> {
                int sp = rest.indexOf(' ');
                String left = sp < 0 ? rest : rest.substring(0, sp);
                String right = sp < 0 ? "" : rest.substring(sp + 1).strip();
                return List.of(replaceLine(i, raw, indent + "if " + left + (word.equals("ifeq") ? " == " : " != ") + right));
            }
            case "loop" -> {
                String counter = counter(lines, i);
                List<Edit> out = new ArrayList<>();
                out.add(replaceLine(i, raw, indent + "set " + counter + "=0\n" + indent + "while $" + counter + " != " + rest));
                int end = partner(lines, i, 1);
                if (withPartner && end >= 0) out.add(endloop(lines, end, counter));
                return out;
            }
            case "endloop" -> {
                int open = partner(lines, i, -1);
                if (open < 0) return List.of(replaceLine(i, raw, indent + "endwhile"));
                List<Edit> out = new ArrayList<>();
                if (withPartner) out.addAll(lineFix(lines, open, false));
                out.add(endloop(lines, i, counter(lines, open)));
                return out;
            }
            case "ls" -> {
                return List.of(replaceLine(i, raw, indent + "list" + (rest.isEmpty() || rest.chars().allMatch(Character::isDigit) ? "" : " " + rest)));
            }
            default -> {
                return List.of();
            }
        }
    }

    private static Edit endloop(String[] lines, int i, String counter) {
        String raw = strip(lines[i]);
        String indent = raw.substring(0, leading(raw));
        return replaceLine(i, raw, indent + "set " + counter + "=$(calc $" + counter + "+1)\n" + indent + "endwhile");
    }

    /** A counter name per loop, unique in the script: LOOP1, LOOP2, ... by the loop's position. */
    private static String counter(String[] lines, int loopLine) {
        int n = 0;
        for (int k = 0; k <= loopLine; k++) if (firstWord(strip(lines[k]).strip()).equals("loop")) n++;
        return "LOOP" + n;
    }

    /** The matching endloop (direction 1) or loop (direction -1), counting nested loops; -1 when none. */
    private static int partner(String[] lines, int from, int direction) {
        int depth = 0;
        for (int k = from; k >= 0 && k < lines.length; k += direction) {
            String w = firstWord(strip(lines[k]).strip());
            if (w.equals(direction > 0 ? "loop" : "endloop")) depth++;
            else if (w.equals(direction > 0 ? "endloop" : "loop") && --depth == 0) return k;
        }
        return -1;
    }

    private static Edit replaceLine(int line, String raw, String text) {
        return new Edit(line, 0, line, raw.length(), text);
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    private static String firstWord(String t) {
        int e = 0;
        while (e < t.length() && t.charAt(e) != ' ' && t.charAt(e) != '\t') e++;
        return t.substring(0, e);
    }

    /** Applies non-overlapping edits (as produced here) to text: for tests and for clients without edits. */
    public static String apply(String text, List<Edit> edits) {
        String[] lines = text.split("\n", -1);
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(b.line(), a.line()) : Integer.compare(b.start(), a.start()));
        for (Edit e : sorted) {
            String l = lines[e.line()];
            lines[e.line()] = l.substring(0, Math.min(e.start(), l.length())) + e.text() + l.substring(Math.min(e.end(), l.length()));
        }
        return String.join("\n", lines);
    }
}
