package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
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

    private static void random(Invocation call) {
        Rng rng = call.machine.rng();
        if (!call.args.has(0)) {
            call.out().plain("Random number: " + rng.next());
            return;
        }
        long first = call.args.number(0);
        if (!call.args.has(1)) {
            if (first <= 0 || first > RANDOM_MAX_COUNT) {
                call.error("Error: Count must be between 1 and " + RANDOM_MAX_COUNT);
                return;
            }
            call.out().plain("Generating " + first + " random numbers:");
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= first; i++) {
                if (line.length() > 0) line.append(", ");
                line.append(rng.next());
                if (i % 10 == 0 || i == first) {
                    call.out().plain(line.toString());
                    line.setLength(0);
                }
            }
            return;
        }
        long max = call.args.number(1);
        if (first >= max) {
            call.error("Error: min must be less than max");
            return;
        }
        call.out().plain("Random number in range [" + first + ", " + max + "]: " + rng.inRange(first, max));
    }

    private static void calc(Invocation call) {
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
            call.out().plain("No strings to sort.");
            return;
        }
        words.sort(null);
        for (int i = 0; i < words.size(); i++) call.out().plain((i + 1) + ": " + words.get(i));
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
