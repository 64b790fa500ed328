package eyn.analysis;

/** Renders the diagnostic codes as the Markdown page {@code docs/diagnostics.md}. */
public final class DiagnosticDocs {
    private DiagnosticDocs() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder("# Diagnostics\n\n");
        md.append("Generated from `DiagnosticCode` by `DiagnosticDocsTest` (`-Deyn.bless=true` rewrites it). ")
                .append("`E` codes are errors, `W` warnings, `I` information, `P` portability warnings (where the real EYN-OS ")
                .append("behaves differently from the emulator; the `portabilityWarnings` setting or `--no-portability` turns them off).\n\n")
                .append("Switch codes off in a script with a comment: `# eyn-disable CODE[,CODE...]` for the whole file, ")
                .append("`# eyn-disable-next-line CODE...` for the next line; `all` and `portability` stand for every code ")
                .append("and every portability code. The language server's `disabledDiagnostics` setting and `eyn check --disable` do the same.\n\n")
                .append("| code | severity | meaning |\n|---|---|---|\n");
        for (DiagnosticCode c : DiagnosticCode.values()) {
            md.append("| ").append(c.code).append(" | ").append(c.severity.name().toLowerCase()).append(" | ")
                    .append(c.title.replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
