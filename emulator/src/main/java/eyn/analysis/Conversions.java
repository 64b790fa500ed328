package eyn.analysis;

import java.util.Map;

/**
 * How a Release 13 construct is written for EYN-OS 2026: the one table that the diagnostics' hints,
 * the quick fixes and the "Convert script to EYN-OS 2026" command read. Constructs without an entry
 * (the z* commands) have no 2026 equivalent.
 */
public final class Conversions {
    private Conversions() {}

    /** Release 13 word to what replaces it in 2026 (a keyword or a program). */
    public static final Map<String, String> REPLACEMENTS = Map.of(
            "ifeq", "if A == B",
            "ifneq", "if A != B",
            "loop", "a counted while with calc",
            "endloop", "endwhile",
            "ls", "list",
            "write", "edit (interactive), or /binaries/echo TEXT > FILE",
            "memory_stats", "memory_stats (canned text in 2026)");

    /** "; write 'if A == B'" or "" when there is no translation. */
    static String hint(String word) {
        String r = REPLACEMENTS.get(word);
        return r == null ? "" : "; in 2026 write " + r;
    }
}
