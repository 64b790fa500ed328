package eyn.analysis;

import eyn.language.Severity;

/**
 * Every diagnostic the analysis can report, with a stable code that settings, comment directives,
 * quick fixes and tests key on. Parser problems keep the codes the parser gives them.
 */
public enum DiagnosticCode {
    E001("E001", Severity.ERROR, "`set` without `=`"),
    E002("E002", Severity.ERROR, "`set` with an empty variable name"),
    W003("W003", Severity.WARNING, "variable name longer than 31 characters"),
    W004("W004", Severity.WARNING, "`ifeq`/`ifneq` with one operand is always false"),
    E005("E005", Severity.ERROR, "NUL byte in a line"),
    W006("W006", Severity.WARNING, "line longer than 511 characters"),
    E007("E007", Severity.ERROR, "`loop` without a count"),
    E008("E008", Severity.ERROR, "directive keyword without operands"),
    E009("E009", Severity.ERROR, "`else`/`endif`/`endloop` with more text on the line"),
    E010("E010", Severity.ERROR, "more than 8 nested loops"),
    E011("E011", Severity.ERROR, "more than 16 nested ifeq/ifneq blocks"),
    E012("E012", Severity.ERROR, "`else` without an open ifeq/ifneq"),
    E013("E013", Severity.ERROR, "second `else` for one ifeq/ifneq"),
    E014("E014", Severity.ERROR, "`endloop` without an open loop"),
    E015("E015", Severity.ERROR, "`endif` without an open ifeq/ifneq"),
    E016("E016", Severity.ERROR, "block not closed before an outer block ends"),
    E017("E017", Severity.ERROR, "block never closed"),

    E101("E101", Severity.ERROR, "unknown command"),
    E102("E102", Severity.ERROR, "missing argument"),
    E103("E103", Severity.ERROR, "argument of the wrong kind"),
    W104("W104", Severity.WARNING, "extra arguments are ignored"),
    E105("E105", Severity.ERROR, "command line longer than 200 characters"),
    E106("E106", Severity.ERROR, "file name longer than 31 characters"),
    W107("W107", Severity.WARNING, "more than 16 variables"),
    E108("E108", Severity.ERROR, "loop count is not a number"),
    W109("W109", Severity.WARNING, "loop count is zero or negative: the body never runs"),
    W110("W110", Severity.WARNING, "variable used but never set"),
    E111("E111", Severity.ERROR, "fd is not open"),
    W112("W112", Severity.WARNING, "fd may not be open on every path"),
    E113("E113", Severity.ERROR, "fd used after zclose"),
    E114("E114", Severity.ERROR, "fd not opened for reading"),
    E115("E115", Severity.ERROR, "fd not opened for writing"),
    E116("E116", Severity.ERROR, "too many fds open"),
    E117("E117", Severity.ERROR, "address not mapped"),
    W118("W118", Severity.WARNING, "file or directory not found on the workspace drive"),
    E119("E119", Severity.ERROR, "script to run not found"),
    E120("E120", Severity.ERROR, "scripts run each other in a cycle"),
    E121("E121", Severity.ERROR, "`write` is not available in scripts"),
    I122("I122", Severity.INFO, "fd opened and never closed"),
    E123("E123", Severity.ERROR, "zsplice/ztee with the same fd on both sides"),
    E124("E124", Severity.ERROR, "too many mappings"),
    W125("W125", Severity.WARNING, "`$(...)` is not substituted here"),
    E126("E126", Severity.ERROR, "read-only mapping cannot be synced"),
    W127("W127", Severity.WARNING, "a path is expected, not a directory, or the reverse"),

    // ---- the 2026 dialect (D3) and its shell
    W301("W301", Severity.WARNING, "a carriage return inside a line ends it (2026)"),
    E302("E302", Severity.ERROR, "invalid `set` syntax (2026)"),
    W303("W303", Severity.WARNING, "spaces around `=` are part of the name or value (2026)"),
    W304("W304", Severity.WARNING, "variable name longer than 63 characters (2026)"),
    W305("W305", Severity.WARNING, "`if`/`elif`/`while` with no condition is always false"),
    W306("W306", Severity.WARNING, "text after `else`/`endif`/`endwhile` is ignored"),
    E307("E307", Severity.ERROR, "more than 16 nested blocks: the script aborts"),
    E308("E308", Severity.ERROR, "branch or closer without its block: the script aborts"),
    W310("W310", Severity.WARNING, "a second `else`, or `elif` after `else`: it runs too"),
    W311("W311", Severity.WARNING, "block never closed"),
    W312("W312", Severity.WARNING, "more than 2048 lines: the rest is one line"),
    E313("E313", Severity.ERROR, "script larger than 64 KiB: EYN-OS 2026 refuses to run it"),
    W314("W314", Severity.WARNING, "more than 64 variables"),
    W315("W315", Severity.WARNING, "comparison with a variable that may be empty is always true"),
    W316("W316", Severity.WARNING, "the built-in `echo` prints `>` and `|` literally"),
    I317("I317", Severity.INFO, "`exit`'s argument is ignored"),
    E318("E318", Severity.ERROR, "Release 13 keyword in an EYN-OS 2026 script"),
    E319("E319", Severity.ERROR, "command removed from EYN-OS in 2026"),
    W320("W320", Severity.WARNING, "program called without the arguments it needs: it prints its usage"),
    E321("E321", Severity.ERROR, "alias expansion fails: too few arguments for its template"),
    W322("W322", Severity.WARNING, "an aliased command cannot be piped or redirected"),
    W323("W323", Severity.WARNING, "program not among the 2026 programs nor in the workspace's /binaries"),
    I324("I324", Severity.INFO, "a pipeline in a script runs only after the whole script"),
    W325("W325", Severity.WARNING, "`$1x` reads the variable `1x`, not `$1` followed by `x`"),
    I326("I326", Severity.INFO, "the faithful block bug: this block's body never runs on EYN-OS a3fa943"),
    W327("W327", Severity.WARNING, "the line may exceed 511 characters after expansion"),
    W328("W328", Severity.WARNING, "`#` after a command is not a comment"),
    E329("E329", Severity.ERROR, "the script's first byte is not `#`: EYN-OS 2026 does not run it as a script by name"),
    W330("W330", Severity.WARNING, "a construct of the other EYN-OS generation"),
    W331("W331", Severity.WARNING, "an argument no caller in the workspace passes"),
    I332("I332", Severity.INFO, "document over the editor limit: syntax only"),

    P201("P201", Severity.WARNING, "portability: quotes are printed literally"),
    P202("P202", Severity.WARNING, "portability: `#` after a command is not a comment"),
    P203("P203", Severity.WARNING, "portability: `$(zopen ...)` captures the file size, not the fd"),
    P204("P204", Severity.WARNING, "portability: zopen without a mode is read-only on EYN-OS"),
    P205("P205", Severity.WARNING, "portability: `loop 0` or a negative count runs the body once on EYN-OS"),
    P206("P206", Severity.WARNING, "portability: a directive on a last line without a newline is ignored on EYN-OS"),
    P207("P207", Severity.WARNING, "portability: EYN-OS runs only `.shell` files as scripts"),
    P208("P208", Severity.WARNING, "portability: EYN-OS never reuses a closed fd number"),
    P209("P209", Severity.WARNING, "portability: an empty file cannot be opened or mapped on EYN-OS"),
    P210("P210", Severity.WARNING, "portability: `ls <path>` lists the current directory on EYN-OS"),
    P211("P211", Severity.WARNING, "portability: `drive N` keeps the current directory on EYN-OS"),
    P212("P212", Severity.INFO, "portability: EYN-OS a3fa943 never runs a block body; the emulator does (fidelity fixed)");

    public final String code;
    public final Severity severity;
    public final String title;

    DiagnosticCode(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    public boolean portability() {
        return code.startsWith("P");
    }

    public static DiagnosticCode of(String code) {
        for (DiagnosticCode c : values()) if (c.code.equals(code)) return c;
        return null;
    }
}
