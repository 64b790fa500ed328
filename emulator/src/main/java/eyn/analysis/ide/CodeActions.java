package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.analysis.Diagnostic;
import eyn.analysis.DiagnosticCode;
import eyn.language.LineKind;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.ArrayList;
import java.util.List;

/** Quick fixes for diagnostics: each a title and the edits that apply it. */
public final class CodeActions {
    public record Fix(String title, Diagnostic diagnostic, List<Edit> edits, boolean preferred) {}

    private CodeActions() {}

    public static List<Fix> forDiagnostics(Analysis analysis, List<Diagnostic> diagnostics) {
        List<Fix> fixes = new ArrayList<>();
        Script script = analysis.script();
        for (Diagnostic d : diagnostics) {
            switch (d.code()) {
                case E101 -> {
                    if (d.data() != null) {
                        fixes.add(new Fix("Change to '" + d.data() + "'", d,
                                List.of(Edit.replace(new Span(d.line(), d.startColumn(), d.endColumn()), d.data())), true));
                    }
                }
                case E017 -> {
                    ScriptLine opener = script.line(d.line());
                    String closer = opener.kind() == LineKind.LOOP ? "endloop" : "endif";
                    fixes.add(new Fix("Insert the missing '" + closer + "'", d, List.of(atEnd(script, closer)), true));
                }
                case P204 -> fixes.add(new Fix("Add the mode 'rw'", d, List.of(Edit.insert(d.line(), d.endColumn(), " rw")), true));
                case I122 -> fixes.add(new Fix("Close fd " + d.data() + " at the end", d, List.of(atEnd(script, "zclose " + d.data())), true));
                case E318 -> fixes.add(new Fix("Convert '" + d.data() + "' to EYN-OS 2026", d,
                        Conversion2026.lineFix(script, d.line()), true));
                case W322 -> fixes.add(new Fix("Call '" + d.data() + "' directly", d,
                        List.of(Edit.replace(new Span(d.line(), d.startColumn(), d.endColumn()), d.data())), true));
                case W323 -> {
                    if (d.data() != null) {
                        fixes.add(new Fix("Change to '" + d.data() + "'", d,
                                List.of(Edit.replace(new Span(d.line(), d.startColumn(), d.endColumn()), d.data())), true));
                    }
                }
                case W110 -> fixes.add(new Fix("Set '" + d.data() + "' before this line", d,
                        List.of(Edit.insert(d.line(), 0, indent(script.line(d.line())) + "set " + d.data() + "=\n")), false));
                default -> { }
            }
            ScriptLine line = script.line(d.line());
            fixes.add(new Fix("Disable " + d.code().code + " for this line", d,
                    List.of(Edit.insert(d.line(), 0, indent(line) + "# eyn-disable-next-line " + d.code().code + "\n")), false));
        }
        return fixes;
    }

    private static String indent(ScriptLine line) {
        return line.raw().substring(0, line.textStart());
    }

    private static Edit atEnd(Script script, String text) {
        ScriptLine last = script.line(script.size() - 1);
        return script.trailingNewline() && last.raw().isEmpty()
                ? Edit.insert(last.index(), 0, text + "\n")
                : Edit.insert(last.index(), last.raw().length(), "\n" + text);
    }

    /** Codes that get a specific fix (besides "disable for this line"). */
    public static boolean hasSpecificFix(DiagnosticCode code) {
        return switch (code) {
            case E101, E017, P204, I122, W110, E318, W322, W323 -> true;
            default -> false;
        };
    }
}
