package eyn.commands;

import eyn.language.Word;
import eyn.machine.Whence;
import eyn.machine.files.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a command's words against its {@link CommandSpec}. Used by the interpreter before running
 * a command and, later, by the language server's diagnostics: both see the same verdicts.
 */
public final class ArgChecker {
    private ArgChecker() {}

    /**
     * A rejected argument: {@code message} is the error line (null when only the usage is printed),
     * {@code wordIndex} the argument's position (-1 when arguments are missing altogether).
     */
    public record Problem(int wordIndex, String message, boolean showUsage) {}

    public record Result(Args args, Problem problem) {
        public boolean ok() { return problem == null; }
    }

    /** Splits on spaces only, as EYN-OS's handlers do (tabs do not separate). */
    public static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i >= n) break;
            int start = i;
            while (i < n && line.charAt(i) != ' ') i++;
            words.add(Word.at(line, start, i));
        }
        return words;
    }

    /** Checks the arguments of a line; {@code words} are the line's words after the command name. */
    public static Result check(CommandSpec spec, String line, List<Word> words) {
        return check(spec, line, words, false);
    }

    /**
     * As {@link #check(CommandSpec, String, List)}; {@code faithful} reads numbers, modes and whence words as
     * EYN-OS Release 13 reads them (see {@link #lenient}) instead of rejecting them.
     */
    public static Result check(CommandSpec spec, String line, List<Word> words, boolean faithful) {
        List<Object> values = new ArrayList<>();
        if (!spec.parsesArgs()) return new Result(new Args(values), null);
        if (words.isEmpty() && spec.requiredCount() > 0) {
            return new Result(null, new Problem(-1, null, true));
        }
        List<ArgSpec> args = spec.args();
        int w = 0;
        // EYN-OS walks the line: after a number with trailing characters, every later number is read from them (0)
        boolean junk = false;
        for (int a = 0; a < args.size(); a++) {
            ArgSpec arg = args.get(a);
            if (w >= words.size()) {
                if (arg.required()) return new Result(null, new Problem(-1, arg.missing() != null ? arg.missing()
                        : "Error: Missing " + arg.name() + " parameter", arg.missing() == null));
                // EYN-OS opens read-only when the mode is missing
                if (faithful && arg.kind() == ArgKind.MODE) values.add(Mode.READ);
                else values.add(arg.defaultValue() == null ? null : convertDefault(arg));
                continue;
            }
            if (arg.kind() == ArgKind.TEXT) {
                // the rest of the line starts right after the one space that ends the previous word
                int previousEnd = w == 0 ? nameEnd(line) : words.get(w - 1).end();
                values.add(line.substring(Math.min(line.length(), previousEnd + 1)));
                w = words.size();
                continue;
            }
            if (arg.variadic()) {
                for (; w < words.size(); w++) {
                    Object v = convert(arg, words.get(w).text());
                    if (v instanceof Problem p) return new Result(null, rejected(arg, w, words.get(w).text(), p));
                    values.add(v);
                }
                continue;
            }
            Object v = faithful ? lenient(arg, words.get(w).text()) : null;
            if (faithful && v instanceof Long && junk) v = 0L;
            if (faithful && v instanceof Long && !words.get(w).text().matches("-?[0-9]+")) junk = true;
            if (v == null) v = convert(arg, words.get(w).text());
            if (v instanceof Problem p) return new Result(null, rejected(arg, w, words.get(w).text(), p));
            values.add(v);
            w++;
        }
        return new Result(new Args(values), null);
    }

    private static int nameEnd(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line.length() : space;
    }

    private static Problem rejected(ArgSpec arg, int index, String word, Problem p) {
        if (arg.invalid() != null) return new Problem(index, String.format(arg.invalid(), word), false);
        return new Problem(index, p.message(), p.showUsage());
    }

    private static Object convertDefault(ArgSpec arg) {
        Object v = convert(arg, arg.defaultValue());
        return v instanceof Problem ? null : v;
    }

    /**
     * How EYN-OS Release 13 reads a word, where it reads more than the emulator accepts: fds and counts are their
     * leading digits (none: 0) in 32 bits, an offset may have a sign, an unknown mode is read-only and an unknown
     * whence is {@code set}. Null for the kinds it reads like the emulator.
     */
    static Object lenient(ArgSpec arg, String word) {
        switch (arg.kind()) {
            case FD:
            case COUNT:
                return leadingDigits(word, 0);
            case OFFSET: {
                boolean negative = word.startsWith("-");
                long v = leadingDigits(word, negative ? 1 : 0);
                return (long) (int) (negative ? -v : v);
            }
            case MODE: {
                Mode m = Mode.parse(word);
                return m != null ? m : Mode.READ;
            }
            case WHENCE: {
                Whence wh = Whence.parse(word);
                return wh != null ? wh : Whence.SET;
            }
            case WORD:
                // mmap's mode: EYN-OS reads any word (P7)
                return arg.name().equals("mode") ? word : null;
            default:
                return null;
        }
    }

    private static long leadingDigits(String word, int from) {
        long v = 0;
        for (int i = from; i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9'; i++) {
            v = (v * 10 + (word.charAt(i) - '0')) & 0xFFFFFFFFL;
        }
        return v;
    }

    /** The value of one word for an argument, or a {@link Problem}. */
    public static Object convert(ArgSpec arg, String word) {
        switch (arg.kind()) {
            case FD:
                return digits(word, "Error: Invalid file descriptor: " + word);
            case COUNT:
                return digits(word, "Error: Invalid count: " + word);
            case OFFSET:
                return signed(word, "Error: Invalid offset: " + word);
            case NUMBER:
                return signed(word, "Error: Invalid number: " + word);
            case ADDRESS: {
                String hex = word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word;
                if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return new Problem(0, "Error: Invalid address: " + word + " (expected hex, e.g. 0x01000000)", true);
                }
                return Long.parseLong(hex, 16);
            }
            case MODE: {
                Mode m = Mode.parse(word);
                return m != null ? m : new Problem(0, "Error: Invalid mode: " + word + " (use r, w or rw)", true);
            }
            case WHENCE: {
                Whence wh = Whence.parse(word);
                return wh != null ? wh : new Problem(0, "Error: Invalid whence: " + word + " (use set, cur or end)", true);
            }
            case WORD:
                if (arg.choices().isEmpty() || arg.choices().contains(word)) return word;
                return new Problem(0, "Error: Invalid " + arg.name() + ": " + word + " (use " + String.join(", ", arg.choices()) + ")", true);
            default:
                return word;
        }
    }

    private static Object digits(String word, String error) {
        if (word.isEmpty() || word.length() > 18 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Problem(0, word.length() > 18 && word.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? error + " (too large)" : error, true);
        }
        return Long.parseLong(word);
    }

    private static Object signed(String word, String error) {
        String body = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        Object v = digits(body, error);
        if (v instanceof Problem) return v;
        return word.startsWith("-") ? -(Long) v : v;
    }
}
