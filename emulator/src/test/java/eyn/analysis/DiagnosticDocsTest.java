package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import eyn.Golden;
import eyn.language.Parser;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticDocsTest {
    @Test
    void theDiagnosticsPageMatchesTheCodes() throws IOException {
        Golden.check(Path.of("../docs/diagnostics.md"), DiagnosticDocs.markdown());
    }

    @Test
    void everyParserProblemHasACode() {
        String broken = "set\nset x\nset =1\nifeq a\nloop\nelse x\nendif\nendloop\nelse\nloop 1\nifeq a b\nendloop\n\0\n"
                + "set " + "V".repeat(40) + "=1\necho " + "x".repeat(600) + "\n";
        for (var p : Parser.parse("t", broken).problems()) assertNotNull(DiagnosticCode.of(p.code()), p.code());
    }
}
