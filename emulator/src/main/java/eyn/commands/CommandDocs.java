package eyn.commands;

import java.util.stream.Collectors;

/** Renders the command table as the Markdown page {@code docs/commands.md}, so the page cannot drift. */
public final class CommandDocs {
    private CommandDocs() {}

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The Release 13 page, {@code docs/commands.md}. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Commands\n\n");
        md.append("Generated from `CommandTable` by `CommandDocsTest` (`-Deyn.bless=true` rewrites it). ")
                .append("The interpreter checks arguments with the same table.\n\n")
                .append("Messages and usage texts are EYN-OS Release 13's, checked against the real OS by the conformance corpus ")
                .append("(`conformance/`). \"On the real EYN-OS\" notes where the OS differs; each such difference is a row of ")
                .append("`docs/deviations.md`, and `eyn run --faithful` reproduces those that are OS bugs.\n");
        sections(md, Release13Commands.INSTANCE, "##");
        return md.toString();
    }

    /** One section per category that has commands, each command with its usage, arguments and notes. */
    public static void sections(StringBuilder md, CommandSet set, String level) {
        for (Category category : Category.values()) {
            if (set.all().stream().noneMatch(s -> s.category() == category)) continue;
            md.append("\n").append(level).append(" ").append(category.title).append("\n");
            for (CommandSpec spec : set.all()) {
                if (spec.category() != category) continue;
                md.append("\n").append(level).append("# `").append(spec.name()).append("`\n\n");
                md.append(spec.summary()).append("\n\n");
                md.append("```\n").append(String.join("\n", spec.usageLines())).append("\n```\n");
                if (!spec.doc().isEmpty()) md.append("\n").append(spec.doc()).append("\n");
                if (!spec.args().isEmpty()) {
                    md.append("\n| argument | kind | required | default | meaning |\n|---|---|---|---|---|\n");
                    for (ArgSpec a : spec.args()) {
                        String kind = a.kind().name().toLowerCase()
                                + (a.words().isEmpty() ? "" : ": " + a.words().stream().collect(Collectors.joining(", ")));
                        md.append("| ").append(cell(a.name() + (a.variadic() ? "..." : ""))).append(" | ").append(cell(kind))
                                .append(" | ").append(a.required() ? "yes" : "no").append(" | ")
                                .append(a.defaultValue() == null ? "" : cell(a.defaultValue())).append(" | ").append(cell(a.doc())).append(" |\n");
                    }
                }
                if (!spec.portability().isEmpty()) {
                    md.append("\nOn the real EYN-OS:\n");
                    for (String note : spec.portability()) md.append("- ").append(note).append("\n");
                }
            }
        }
    }
}
