package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Fidelity;
import eyn.machine.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** random, calc, sort. */
final class MathCommands {
    static final int RANDOM_MAX_COUNT = 1000;

    private MathCommands() {}

    static void register(Map<String, Command> commands) {
        commands.put("random", MathCommands::random);
        commands.put("calc", MathCommands::calc);
        commands.put("sort", MathCommands::sort);
    }

    /** EYN-OS's parsing: a first word of leading digits; a second one of digits makes a range, anything else a count. */
    private static void random(Invocation call) {
        Rng rng = call.machine.rng();
        if (!call.args.has(0)) {
            call.out().plain("Random number: " + rng.next());
            return;
        }
        String rest = call.args.text(0).stripLeading();
        int i = 0;
        while (i < rest.length() && Character.isDigit(rest.charAt(i))) i++;
        if (i == 0) {
            call.error("Error: Invalid number format");
            return;
        }
        long first = digits(rest.substring(0, i));
        String tail = rest.substring(i).stripLeading();
        int j = 0;
        while (j < tail.length() && Character.isDigit(tail.charAt(j))) j++;
        if (j > 0) {
            long max = digits(tail.substring(0, j));
            if (first >= max) {
                call.error("Error: min must be less than max");
                return;
            }
            call.out().plain("Random number in range [" + first + ", " + max + "]: " + rng.inRange(first, max));
            return;
        }
        if (first > RANDOM_MAX_COUNT) {
            call.error("Error: Count must be at most " + RANDOM_MAX_COUNT);
            return;
        }
        call.out().plain("Generating " + first + " random numbers:");
        // as EYN-OS prints them: ", " after every number but the last, a newline after every tenth, one at the end
        StringBuilder text = new StringBuilder();
        for (long k = 0; k < first; k++) {
            text.append(rng.next());
            if (k < first - 1) text.append(", ");
            if ((k + 1) % 10 == 0) text.append('\n');
        }
        for (String line : text.toString().split("\n", -1)) call.out().plain(line);
    }

    /** Leading digits as EYN-OS's uint32 accumulates them (wrapping). */
    private static long digits(String d) {
        long v = 0;
        for (int k = 0; k < d.length(); k++) v = (v * 10 + (d.charAt(k) - '0')) & 0xFFFFFFFFL;
        return v;
    }

    private static void calc(Invocation call) {
        if (call.machine.config().fidelity() == Fidelity.FAITHFUL) {
            // EYN-OS prints the whole part (truncated, so -0.5 shows as 0.500) and the three decimals without a sign
            int v = (int) OneOperator.evaluate(call.args.text(0));
            int frac = Math.abs(v % (int) FixedPoint.SCALE);
            call.out().plain("Result: " + (v / (int) FixedPoint.SCALE) + (frac == 0 ? "" : String.format(".%03d", frac)));
            return;
        }
        try {
            long value = new FixedPoint(call.args.text(0)).evaluate();
            call.out().plain("Result: " + FixedPoint.format(value));
        } catch (ArithmeticException e) {
            call.error("Error: " + e.getMessage());
        }
    }

    private static void sort(Invocation call) {
        List<String> words = new ArrayList<>();
        for (Object o : call.args.all()) if (o != null) words.add(o.toString());
        if (words.isEmpty()) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        words.sort(null);
        for (int i = 0; i < words.size(); i++) call.out().plain((i + 1) + ": " + words.get(i));
    }

    /**
     * What EYN-OS Release 13's calc really computes: one operator between two unsigned decimals (either may be
     * missing; at most three decimals), in 32-bit fixed point (factor 1000) that wraps; products and quotients
     * use the whole parts only; anything else
     * (no operator, a second operator, a sign, a parenthesis, a letter) gives 0, as does division by zero.
     */
    static final class OneOperator {
        private OneOperator() {}

        static long evaluate(String text) {
            String t = text.replace(" ", "");
            int op = -1;
            for (int i = 0; i < t.length(); i++) {
                if ("+-*/".indexOf(t.charAt(i)) >= 0) {
                    if (op >= 0) return 0;
                    op = i;
                }
            }
            if (op < 0) return 0;
            Integer a = number(t.substring(0, op));
            Integer b = number(t.substring(op + 1));
            if (a == null || b == null) return 0;
            int scale = (int) FixedPoint.SCALE;
            // sums keep the decimals; products and quotients use the whole parts only
            return switch (t.charAt(op)) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> (a / scale) * (b / scale) * scale;
                default -> b / scale == 0 ? 0 : (a / scale) / (b / scale) * scale;
            };
        }

        /** An unsigned decimal with up to three decimals, times 1000, wrapped to 32 bits; "" is 0; null when not a number. */
        private static Integer number(String s) {
            long whole = 0;
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) whole = whole * 10 + (s.charAt(i++) - '0');
            long frac = 0;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int scale = 100;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    if (scale == 0) return null; // more than three decimals
                    frac += (s.charAt(i++) - '0') * scale;
                    scale /= 10;
                }
            }
            if (i != s.length()) return null;
            return (int) (whole * FixedPoint.SCALE + frac);
        }
    }

    /** calc's arithmetic: fixed point with factor 1000, + - * / and parentheses, left to right by precedence. */
    static final class FixedPoint {
        static final long SCALE = 1000;
        private static final long LIMIT = Long.MAX_VALUE / SCALE / 1000;
        private final String text;
        private int pos;
        private int depth;

        FixedPoint(String text) {
            this.text = text;
        }

        long evaluate() {
            long v = sum();
            skipSpaces();
            if (pos != text.length()) throw new ArithmeticException("Invalid expression near '" + text.substring(pos) + "'");
            return v;
        }

        static String format(long value) {
            long whole = Math.abs(value) / SCALE;
            long frac = Math.abs(value) % SCALE;
            String sign = value < 0 ? "-" : "";
            return frac == 0 ? sign + whole : sign + whole + "." + String.format("%03d", frac);
        }

        private long sum() {
            long v = product();
            while (true) {
                skipSpaces();
                if (eat('+')) v = check(v + product());
                else if (eat('-')) v = check(v - product());
                else return v;
            }
        }

        private long product() {
            long v = factor();
            while (true) {
                skipSpaces();
                if (eat('*')) {
                    v = check(multiply(v, factor()) / SCALE);
                } else if (eat('/')) {
                    long d = factor();
                    if (d == 0) throw new ArithmeticException("Division by zero");
                    v = check(multiply(v, SCALE) / d);
                } else {
                    return v;
                }
            }
        }

        private long factor() {
            skipSpaces();
            if (eat('-')) return -factor();
            if (eat('+')) return factor();
            if (eat('(')) {
                if (++depth > 64) throw new ArithmeticException("Expression nested too deeply");
                long v = sum();
                skipSpaces();
                if (!eat(')')) throw new ArithmeticException("Missing ')'");
                depth--;
                return v;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            long whole = parse(start, pos);
            long frac = 0;
            if (eat('.')) {
                int fs = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
                String digits = (text.substring(fs, pos) + "000").substring(0, 3);
                frac = Long.parseLong(digits);
            } else if (start == pos) {
                throw new ArithmeticException(pos < text.length() ? "Invalid expression near '" + text.substring(pos) + "'" : "Invalid expression");
            }
            return check(whole * SCALE + frac);
        }

        private long parse(int start, int end) {
            if (start == end) return 0;
            if (end - start > 12) throw new ArithmeticException("Number too large");
            return Long.parseLong(text.substring(start, end));
        }

        private static long multiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                throw new ArithmeticException("Number too large");
            }
        }

        private static long check(long v) {
            if (Math.abs(v) > LIMIT * SCALE) throw new ArithmeticException("Number too large");
            return v;
        }

        private boolean eat(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') pos++;
        }
    }
}
