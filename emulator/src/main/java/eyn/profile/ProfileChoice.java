package eyn.profile;

import java.util.List;

/**
 * Which profile a script runs under and why: {@code source} says who decided (a first-line comment,
 * a setting, or the script's own constructs), {@code reason} says it in words, and
 * {@code conflicts} lists lines that belong to the other generation.
 */
public record ProfileChoice(Profile profile, Source source, String reason, List<Evidence> conflicts) {
    public enum Source {
        COMMENT, SETTING, AUTO;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A construct that belongs to one generation: the line (0-based), its columns and what it is. */
    public record Evidence(Profile profile, int line, int start, int end, String what) {}

    /** One line for a summary: "profile 2026 (auto: 'while' on line 3)". */
    public String describe() {
        return "profile " + profile.id() + " (" + source.id() + ": " + reason + ")";
    }
}
