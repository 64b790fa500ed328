package eyn.commands.y2026;

import static eyn.commands.ArgKind.PATH;
import static eyn.commands.ArgKind.STRING;
import static eyn.commands.ArgKind.TEXT;
import static eyn.commands.ArgSpec.optional;
import static eyn.commands.ArgSpec.required;

import eyn.commands.ArgSpec;
import eyn.commands.Category;
import eyn.commands.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The specs of the 2026 programs (reference 3.1 and 3.3): name, category, the reference's
 * description, the program's own usage lines, arguments (for arity checks and signature help).
 * Programs parse their own argv, so {@code parsesArgs} is false: the interpreter hands them the words.
 */
final class Table2026 {
    private Table2026() {}

    static List<CommandSpec> specs() {
        List<CommandSpec> out = new ArrayList<>();
        program("echo", Category.UTILITY, "Print arguments to stdout.")
                .usage("Usage: echo [-n] [text...]", "Example: echo hello world")
                .doc("The program joins its arguments with single spaces and adds a newline; `-n` first suppresses the newline. "
                        + "Inside a script, a line starting with `echo` is the engine's built-in instead, which prints the rest "
                        + "of the line verbatim.")
                .arg(optional("text", TEXT, "words to print")).into(out);
        program("calc", Category.UTILITY, "Integer calculator supporting + - * /.")
                .usage("Usage: calc <expr>", "Examples: calc 2+3  |  calc 9/3")
                .doc("Only the first argument is used and it must hold exactly one operator between two unsigned decimal numbers, "
                        + "with no spaces: `calc 2+3*4` is an invalid expression. Prints the integer result.")
                .arg(required("expr", STRING, "A+B, A-B, A*B or A/B")).into(out);
        program("pwd", Category.FILESYSTEM, "Print the current working directory.")
                .usage("Usage: pwd").into(out);
        program("cd", Category.FILESYSTEM, "Change the current directory.")
                .usage("Usage: cd <directory>")
                .arg(required("directory", PATH, "the directory")).into(out);
        return out;
    }

    static Builder program(String name, Category category, String summary) {
        return new Builder(name, category, summary);
    }

    /** Builds one spec; {@code usage} lines are exactly what the program prints. */
    static final class Builder {
        private final String name;
        private final Category category;
        private final String summary;
        private String doc = "";
        private final List<String> usage = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private final List<ArgSpec> args = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String name, Category category, String summary) {
            this.name = name;
            this.category = category;
            this.summary = summary;
        }

        Builder usage(String... lines) { usage.addAll(List.of(lines)); return this; }
        Builder doc(String text) { doc = text; return this; }
        Builder example(String... lines) { examples.addAll(List.of(lines)); return this; }
        Builder arg(ArgSpec spec) { args.add(spec); return this; }
        /** Where the emulator differs from the OS for this program. */
        Builder note(String text) { notes.add(text); return this; }

        void into(List<CommandSpec> out) {
            String first = usage.isEmpty() ? name : usage.get(0).replaceFirst("^Usage:\\s*", "");
            out.add(new CommandSpec(name, category, summary, doc, first, List.copyOf(examples), List.copyOf(args),
                    List.copyOf(usage), List.copyOf(notes), false));
        }
    }
}
