package eyn.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one command without running it: its arguments, usage and documentation.
 * The interpreter checks arguments with it; the language server completes, hovers and diagnoses
 * with it. {@code portability} lists where EYN-OS itself behaves differently from the emulator.
 */
public record CommandSpec(String name, Category category, String summary, String doc, String usage,
                          List<String> examples, List<ArgSpec> args, List<String> usageOverride,
                          List<String> portability, boolean parsesArgs) {

    /** The lines printed when the command is typed without its arguments. */
    public List<String> usageLines() {
        if (!usageOverride.isEmpty()) return usageOverride;
        List<String> lines = new ArrayList<>();
        lines.add("Usage: " + usage);
        for (String e : examples) lines.add("Example: " + e);
        return lines;
    }

    public int requiredCount() {
        int n = 0;
        for (ArgSpec a : args) if (a.required()) n++;
        return n;
    }

    /** The spec of the argument at a position, taking a repeated last argument into account. */
    public ArgSpec argAt(int index) {
        if (index < args.size()) return args.get(index);
        if (!args.isEmpty() && args.get(args.size() - 1).variadic()) return args.get(args.size() - 1);
        return null;
    }
}
