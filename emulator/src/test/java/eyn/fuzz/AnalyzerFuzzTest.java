package eyn.fuzz;

import static eyn.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.Diagnostic;
import eyn.analysis.Workspace;
import eyn.analysis.ide.CodeActions;
import eyn.analysis.ide.Completions;
import eyn.analysis.ide.Folding;
import eyn.analysis.ide.Formatter;
import eyn.analysis.ide.Hover;
import eyn.analysis.ide.InlayHints;
import eyn.analysis.ide.Navigation;
import eyn.analysis.ide.SemanticTokens;
import eyn.analysis.ide.SignatureHelp;
import eyn.analysis.ide.Symbols;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the language server's analysis: any text is analysed without throwing, diagnostics lie
 * inside their lines, and every editor feature answers at every line's start, middle and end.
 */
class AnalyzerFuzzTest {
    private static final Drive DRIVE = drive();

    private static Drive drive() {
        try {
            Drive d = TreeDrive.inMemory();
            d.write("/a.txt", ChunkedBytes.of("alpha".getBytes(StandardCharsets.UTF_8)));
            d.makeDirectory("/sub");
            d.write("/s.eyn", ChunkedBytes.of("run s.eyn\nzopen a.txt\n".getBytes(StandardCharsets.UTF_8)));
            return d;
        } catch (DriveException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void analyze(byte[] input) {
        String text = FuzzChecks.utf8(input);
        Workspace ws = Workspace.of(DRIVE);
        Analysis a = Analyzer.analyze("/fuzz.eyn", text, ws, AnalysisSettings.defaults());
        int lines = a.script().size();
        for (Diagnostic d : a.diagnostics()) {
            check(d.line() >= 0 && d.line() < Math.max(1, lines), "diagnostic outside the script: " + d);
            check(d.startColumn() >= 0 && d.endColumn() > d.startColumn(), "bad diagnostic range: " + d);
        }
        CodeActions.forDiagnostics(a, a.diagnostics());
        Symbols.document(a);
        Folding.of(a.script());
        SemanticTokens.encode(SemanticTokens.of(a.script()));
        Formatter.format(a.script(), "  ", 0, Integer.MAX_VALUE);
        InlayHints.of(a, 0, Integer.MAX_VALUE);
        Navigation.links(a);
        for (int line = 0; line < Math.min(lines, 40); line++) {
            int length = a.script().line(line).raw().length();
            for (int column : new int[] {0, length / 2, length, length + 3}) {
                Completions.at(a, ws, line, column);
                Hover.at(a, line, column);
                SignatureHelp.at(a, line, column);
                String name = Navigation.variableAt(a, line, column);
                if (name != null) Navigation.variable(a, name);
                Navigation.fd(a, line, column);
            }
        }
    }
}
