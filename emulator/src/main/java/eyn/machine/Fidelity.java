package eyn.machine;

/**
 * How closely the emulator follows EYN-OS where EYN-OS has a bug. {@code FIXED} (the default) runs
 * what the OS's code clearly meant; {@code FAITHFUL} reproduces what the OS really does, bugs
 * included. Every deviation in docs/deviations.md that fixes an OS bug is switched by this one
 * value, so a user chooses once for the whole machine (commands, script engines, the dry run).
 */
public enum Fidelity {
    FIXED, FAITHFUL;

    /** Parses {@code fixed}/{@code faithful} (any case); null for anything else. */
    public static Fidelity parse(String text) {
        if (text == null) return null;
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "fixed" -> FIXED;
            case "faithful" -> FAITHFUL;
            default -> null;
        };
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
