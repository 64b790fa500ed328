package eyn.analysis.ide;

import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.language.Dialect;
import eyn.language.Directive;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** Markdown documentation of commands and keywords, from the command set and the dialect tables; hover and completion show it. */
public final class CommandHelp {
    private CommandHelp() {}

    /**
     * Each command's help, made once: completion lists every command on each keystroke, and making
     * them anew was a tenth of what a typing round allocated. The tables' specs never change.
     */
    private static final Map<CommandSpec, String> MADE = Collections.synchronizedMap(new IdentityHashMap<>());

    public static String markdown(CommandSpec spec) {
        return MADE.computeIfAbsent(spec, CommandHelp::make);
    }

    private static String make(CommandSpec spec) {
        StringBuilder md = new StringBuilder();
        md.append("```\n").append(String.join("\n", spec.usageLines())).append("\n```\n\n");
        md.append(spec.doc().isEmpty() ? spec.summary() : spec.doc()).append("\n");
        if (!spec.args().isEmpty()) {
            md.append("\n");
            for (ArgSpec a : spec.args()) {
                md.append("- `").append(a.name()).append("`").append(a.required() ? "" : " (optional")
                        .append(a.required() ? "" : a.defaultValue() == null ? ")" : ", default `" + a.defaultValue() + "`)")
                        .append(": ").append(a.doc()).append("\n");
            }
        }
        if (!spec.portability().isEmpty()) {
            md.append("\n**On EYN-OS:** ").append(String.join(" ", spec.portability())).append("\n");
        }
        return md.toString();
    }

    /** A keyword's documentation from its dialect's table: usage, summary and details. */
    public static String directive(Dialect dialect, String keyword) {
        Directive d = dialect.directive(keyword);
        return d == null ? "" : "```\n" + d.usage() + "\n```\n\n" + d.summary() + " " + d.doc();
    }
}
