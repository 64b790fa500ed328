package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JIT priming after the first diagnostics works on a copy: the server's document and analysis stay as they were. */
class PrimingTest {
    private static final String R13 = "set COUNT=$(calc $COUNT+1)\nzopen data.txt r\nzread 0 16\nifeq $COUNT 3\necho three $COUNT\nelse\n"
            + "zseek 0 0 set\nendif\nzclose 0\nloop 2\necho pass\nendloop\nmmap data.txt readonly\n# a comment\necho done $COUNT\n";
    private static final String Y2026 = "#!profile 2026\nset I=0\nwhile $I != 3\n    set I=$(calc $I+1)\n    if $I == 2\n        echo two $1\n"
            + "    else\n        echo other $I\n    endif\nendwhile\nls\necho done $0 $I\n";

    private record Opened(Document.Snapshot snapshot, Analysis analysis) {}

    private static Opened open(String text) {
        AnalysisSettings settings = AnalysisSettings.defaults();
        Analysis analysis = Analyzer.analyze(null, text, Workspace.NONE, settings);
        Document doc = new Document("file:///w/script.eyn", text, 1);
        doc.choice = analysis.profileChoice();
        doc.reparse("script.eyn");
        return new Opened(doc.snapshot(List.of()), analysis);
    }

    private static int prime(Opened o, java.util.function.BooleanSupplier stop) {
        return Priming.run(o.snapshot(), o.analysis().profileChoice(), o.analysis(), Workspace.NONE, null, AnalysisSettings.defaults(), true, stop);
    }

    @Test
    void primingEditsAPrivateCopyAndLeavesTheDocumentAndItsAnalysisAsTheyWere() {
        for (String body : List.of(R13, Y2026)) {
            Opened o = open(body.repeat(50));
            List<String> linesBefore = new ArrayList<>(o.snapshot().lines());
            int diagnosticsBefore = o.analysis().diagnostics().size();
            int scriptSizeBefore = o.snapshot().script().size();
            int rounds = prime(o, () -> false);
            assertTrue(rounds > 0, "no round was made");
            assertEquals(linesBefore, o.snapshot().lines());
            assertEquals(scriptSizeBefore, o.snapshot().script().size());
            assertEquals(diagnosticsBefore, o.analysis().diagnostics().size());
        }
    }

    @Test
    void primingStopsAsSoonAsItIsAskedTo() {
        Opened o = open(R13.repeat(20));
        AtomicInteger asked = new AtomicInteger();
        // asked before each round: the third time says stop, so two rounds are made
        assertEquals(2, prime(o, () -> asked.incrementAndGet() >= 3));
        assertEquals(0, prime(o, () -> true));
    }
}
