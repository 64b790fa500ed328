package eyn.analysis.ide;

import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.language.LineKind;
import java.util.Map;

/** Markdown documentation of commands and directives, from the command table; hover and completion show it. */
public final class CommandHelp {
    private CommandHelp() {}

    public static final Map<String, String> DIRECTIVES = Map.of(
            "set", "`set NAME=VALUE` stores a variable (at most 16 per script; names up to 31 characters, values up to 127). "
                    + "The value is expanded (`$NAME`, `${NAME}`) and `$(command)` is substituted.",
            "ifeq", "`ifeq A B` runs the lines up to `else`/`endif` when A equals B. A is one word; B is the rest of the line. "
                    + "Both are expanded; `$(...)` is **not** substituted here.",
            "ifneq", "`ifneq A B` runs the lines up to `else`/`endif` when A differs from B.",
            "else", "`else` starts the lines that run when the condition was false. It must be alone on its line.",
            "endif", "`endif` ends an `ifeq`/`ifneq` block. It must be alone on its line.",
            "loop", "`loop N` runs the lines up to `endloop` N times. N is expanded but `$(...)` is not substituted; "
                    + "0 or less skips the body (on EYN-OS it runs once). At most 8 loops nest.",
            "endloop", "`endloop` ends a `loop` block. It must be alone on its line.");

    public static String markdown(CommandSpec spec) {
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

    public static String directive(LineKind kind) {
        return DIRECTIVES.getOrDefault(kind.keyword(), "");
    }
}
