package eyn.commands;

import java.util.List;

/**
 * One argument of a command. {@code missing} is EYN-OS's own line for a missing required argument
 * (null: the usage lines are printed instead). {@code variadic} means it repeats to the line's end.
 */
public record ArgSpec(String name, ArgKind kind, boolean required, String defaultValue, List<String> choices,
                      String missing, boolean variadic, String doc, String invalid) {

    public static ArgSpec required(String name, ArgKind kind, String doc) {
        return new ArgSpec(name, kind, true, null, List.of(), null, false, doc, null);
    }

    public static ArgSpec optional(String name, ArgKind kind, String doc) {
        return new ArgSpec(name, kind, false, null, List.of(), null, false, doc, null);
    }

    public ArgSpec missing(String line) {
        return new ArgSpec(name, kind, required, defaultValue, choices, line, variadic, doc, invalid);
    }

    public ArgSpec defaultsTo(String value) {
        return new ArgSpec(name, kind, required, value, choices, missing, variadic, doc, invalid);
    }

    public ArgSpec choices(String... words) {
        return new ArgSpec(name, kind, required, defaultValue, List.of(words), missing, variadic, doc, invalid);
    }

    /** EYN-OS's own line for a word it does not accept; %s is the word. */
    public ArgSpec invalid(String format) {
        return new ArgSpec(name, kind, required, defaultValue, choices, missing, variadic, doc, format);
    }

    public ArgSpec repeated() {
        return new ArgSpec(name, kind, required, defaultValue, choices, missing, true, doc, invalid);
    }

    /** The words a completion offers for this slot: explicit choices, or the fixed words of its kind. */
    public List<String> words() {
        if (!choices.isEmpty()) return choices;
        return switch (kind) {
            case MODE -> List.of("r", "w", "rw");
            case WHENCE -> List.of("set", "cur", "end");
            default -> List.of();
        };
    }
}
