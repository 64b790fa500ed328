package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** $1..$9 of a 2026 script against the arguments its callers in the workspace pass. */
class CallersTest {
    static final String CALLEE = "# greet NAME GREETING\necho $2, $1 ($0)\n";

    private static List<Diagnostic> w331(List<CallSite> calls) {
        Workspace ws = Workspace.withCallers(Workspace.NONE, path -> path.equals("/binaries/greet") ? calls : List.of());
        return Analyzer.analyze("/binaries/greet", CALLEE, ws, AnalysisSettings.defaults()).diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.W331).toList();
    }

    @Test
    void callsByNameByPathAndWithRunAreFound() {
        List<CallSite> calls = CallSite.in("/main.shell", "# eyn: profile=2026\ngreet Ada\n/binaries/greet Bob hi | list\n"
                + "run binaries/greet Cy hey there\n$X ignored\nif 1\ngreet Dee\nendif\n");
        assertEquals(List.of(new CallSite("/main.shell", 1, "/binaries/greet", 1), new CallSite("/main.shell", 2, "/binaries/greet", 2),
                new CallSite("/main.shell", 3, "/binaries/greet", 3), new CallSite("/main.shell", 6, "/binaries/greet", 1)), calls);
        assertEquals(List.of(), CallSite.in("/old.eyn", "ifeq a a\nrun x.shell a\nendif\n"), "Release 13 scripts pass no arguments");
    }

    @Test
    void anArgumentNoCallerPassesIsReported() {
        List<Diagnostic> found = w331(List.of(new CallSite("/main.shell", 1, "/binaries/greet", 1)));
        assertEquals(1, found.size(), found.toString());
        assertEquals(1, found.get(0).line());
        assertTrue(found.get(0).message().contains("$2 is always empty") && found.get(0).message().contains("/main.shell:2"),
                found.get(0).message());
    }

    @Test
    void anArgumentSomeCallerPassesIsFineAndNoCallersMeansNoClaim() {
        assertEquals(List.of(), w331(List.of(new CallSite("/a.shell", 0, "/binaries/greet", 1), new CallSite("/b.shell", 4, "/binaries/greet", 2))));
        assertEquals(List.of(), w331(List.of()));
    }
}
