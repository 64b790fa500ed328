package eyn.profile;

import eyn.commands.CommandDocs;
import eyn.language.Directive;
import java.util.Map;

/**
 * Renders a profile's page ({@code docs/profile-2026.md}): its keywords from the dialect's table,
 * its aliases and its commands from the command set's table, so the page cannot drift.
 */
public final class ProfileDocs {
    private ProfileDocs() {}

    public static String markdown(Profile p) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(p.title()).append(": keywords and commands\n\n");
        md.append("Generated from the `").append(p.id()).append("` profile's tables by `ProfileDocsTest` ")
                .append("(`-Deyn.bless=true` rewrites it). The interpreter, the checker and the language server read the same tables.\n");
        md.append("\n## Script keywords (").append(p.dialect().title()).append(")\n\n");
        md.append("| keyword | usage | what it does |\n|---|---|---|\n");
        for (Directive d : p.dialect().directives()) {
            md.append("| `").append(d.keyword()).append("` | `").append(d.usage()).append("` | ")
                    .append(d.summary()).append(" ").append(d.doc().replace("|", "\\|")).append(" |\n");
        }
        Map<String, String> aliases = p.commands().aliases();
        if (!aliases.isEmpty()) {
            md.append("\n## Aliases (`/config/aliases.cfg` as shipped)\n\n| typed | runs |\n|---|---|\n");
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                md.append("| `").append(a.getKey()).append("` | `").append(a.getValue()).append("` |\n");
            }
        }
        md.append("\n## Commands (").append(p.commands().all().size()).append(")\n");
        CommandDocs.sections(md, p.commands(), "###");
        return md.toString();
    }
}
