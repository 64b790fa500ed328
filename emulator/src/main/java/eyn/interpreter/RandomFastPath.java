package eyn.interpreter;

import eyn.machine.Rng;

/**
 * EYN-OS v3's shortcut for {@code $(random ...)}: no command runs and nothing is printed; the
 * number itself is inserted. Two numbers give a value in their range (swapped if needed).
 */
final class RandomFastPath {
    private RandomFastPath() {}

    /** The inserted text, or null when the inner command is not {@code random}. */
    static String evaluate(String inner, Rng rng) {
        if (!inner.equals("random") && !inner.startsWith("random ")) return null;
        String[] tokens = inner.substring(6).strip().split(" +");
        Long a = tokens.length > 0 ? number(tokens[0]) : null;
        Long b = tokens.length > 1 ? number(tokens[1]) : null;
        if (a == null || b == null) return String.valueOf(rng.next());
        long min = Math.min(a, b);
        long max = Math.max(a, b);
        return String.valueOf(rng.inRange(min, max));
    }

    private static Long number(String token) {
        String digits = token.startsWith("-") ? token.substring(1) : token;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        long v = Long.parseLong(digits);
        return token.startsWith("-") ? -v : v;
    }
}
