package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LspRobustnessTest {
    @TempDir
    Path root;

    @Test
    void requestsOnDocumentsThatAreNotOpenAnswerNull() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            var docs = lsp.server.getTextDocumentService();
            assertNull(docs.hover(new HoverParams(new TextDocumentIdentifier("file:///nowhere.eyn"), new Position(0, 0))).get(5, TimeUnit.SECONDS));
            assertNull(docs.completion(new CompletionParams(new TextDocumentIdentifier("untitled:x"), new Position(3, 3))).get(5, TimeUnit.SECONDS));
            shutdown(lsp);
        }
    }

    @Test
    void editsAtImpossiblePositionsAndChangesToUnknownDocumentsAreSurvived() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            var docs = lsp.server.getTextDocumentService();
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier("file:///never-opened.eyn", 2),
                    List.of(new TextDocumentContentChangeEvent("echo x"))));
            lsp.open("a.eyn", "echo one\n");
            var far = new TextDocumentContentChangeEvent(new Range(new Position(1000, 5), new Position(-3, 99)), "nosuch\n");
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(lsp.uri("a.eyn"), 2), List.of(far)));
            var published = lsp.awaitDiagnostics(lsp.uri("a.eyn"), 2);
            assertEquals("E101", published.getDiagnostics().get(0).getCode().getLeft(), "the clamped edit replaced the whole text");
            var hover = docs.hover(new HoverParams(lsp.doc("a.eyn"), new Position(99, -5))).get(5, TimeUnit.SECONDS);
            assertNull(hover);
            assertTrue(lsp.stderr.toString().contains("didChange for a document that is not open"), lsp.stderr.toString());
            shutdown(lsp);
        }
    }

    @Test
    void aDocumentOverTheEditorLimitGetsItsSyntaxCheckedOnlyAndSaysSo() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            StringBuilder huge = new StringBuilder(17 << 20);
            String line = "echo " + "x".repeat(1019) + "\n";
            while (huge.length() <= eyn.analysis.Analyzer.FULL_ANALYSIS_LIMIT) huge.append(line);
            huge.append("zopne a.txt\nelse\n");
            var d = lsp.open("huge.eyn", huge.toString()).getDiagnostics();
            assertTrue(d.stream().anyMatch(x -> x.getCode().getLeft().equals("I332") && x.getMessage().getLeft().contains("syntax only")), d.toString());
            assertTrue(d.stream().anyMatch(x -> x.getCode().getLeft().equals("E012")), "syntax problems are still reported");
            assertTrue(d.stream().noneMatch(x -> x.getCode().getLeft().equals("E101")), "no command checks in degraded mode");
            shutdown(lsp);
        }
    }

    @Test
    void hugeAndStrangeDocumentsAreAnalysed() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            StringBuilder deep = new StringBuilder();
            for (int i = 0; i < 3000; i++) deep.append("ifeq a a\n");
            assertTrue(lsp.open("deep.eyn", deep.toString()).getDiagnostics().size() >= 3000);
            String oneLine = "echo " + "x".repeat(1_000_000);
            assertNotNull(lsp.open("long.eyn", oneLine));
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 100_000; i++) big.append(i % 3 == 0 ? "zopen a.txt r\n" : i % 3 == 1 ? "zread 0 1\n" : "zclose 0\n");
            assertNotNull(lsp.open("big.eyn", big.toString()), "a 100,000-line script gets its diagnostics");
            byte[] noise = new byte[20_000];
            new java.util.Random(7).nextBytes(noise);
            assertNotNull(lsp.open("noise.eyn", new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1)));
            shutdown(lsp);
        }
    }

    @Test
    void requestsAfterShutdownAreRefusedAndExitWithoutShutdownIsAFailure() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            lsp.open("a.eyn", "echo one\n");
            lsp.server.shutdown().get(5, TimeUnit.SECONDS);
            var e = assertThrows(ExecutionException.class, () -> lsp.server.getTextDocumentService()
                    .hover(new HoverParams(lsp.doc("a.eyn"), new Position(0, 1))).get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ResponseErrorException);
            assertEquals(-32600, ((ResponseErrorException) e.getCause()).getResponseError().getCode());
            lsp.server.exit();
            assertEquals(0, lsp.exitStatus.get(10, TimeUnit.SECONDS));
        }
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            lsp.server.exit();
            assertEquals(1, lsp.exitStatus.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingTheInputEndsTheServer() throws Exception {
        LspHarness lsp = new LspHarness(root);
        lsp.initialize(new JsonObject());
        lsp.close();
        assertEquals(1, lsp.exitStatus.get(10, TimeUnit.SECONDS));
    }

    @Test
    void portabilityWarningsFollowTheSetting() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            JsonObject options = new JsonObject();
            options.addProperty("portabilityWarnings", false);
            lsp.initialize(options);
            assertEquals(List.of(), lsp.open("p.eyn", "echo \"hi\"\n").getDiagnostics());
            JsonObject eyn = new JsonObject();
            eyn.addProperty("portabilityWarnings", true);
            JsonObject settings = new JsonObject();
            settings.add("eyn", eyn);
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
            var again = lsp.awaitDiagnostics(lsp.uri("p.eyn"), 1);
            assertEquals("P201", again.getDiagnostics().get(0).getCode().getLeft());
            eyn.addProperty("diagnosticsSeverity", "error");
            lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
            assertEquals(List.of(), lsp.awaitDiagnostics(lsp.uri("p.eyn"), 1).getDiagnostics(), "warnings hidden below the minimum");
            shutdown(lsp);
        }
    }

    @Test
    void clientsThatPullDiagnosticsGetNoPushedCopies() throws Exception {
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.pull = true;
            lsp.initialize(new JsonObject());
            lsp.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem(lsp.uri("p.eyn"), "eyn", 1, "zopne x\n")));
            var report = lsp.server.getTextDocumentService().diagnostic(
                    new org.eclipse.lsp4j.DocumentDiagnosticParams(lsp.doc("p.eyn"))).get(5, TimeUnit.SECONDS);
            assertEquals("E101", report.getLeft().getItems().get(0).getCode().getLeft());
            assertNull(lsp.diagnostics.poll(300, TimeUnit.MILLISECONDS), "nothing is pushed to a pulling client");
            shutdown(lsp);
        }
    }

    @Test
    void workspaceIndexingReportsProgress() throws Exception {
        Files.writeString(root.resolve("one.eyn"), "set A=1\n");
        Files.writeString(root.resolve("two.shell"), "set B=2\n");
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(new JsonObject());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lsp.progress.size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(lsp.progress.get(0).getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressBegin, lsp.progress.toString());
            assertTrue(lsp.progress.get(lsp.progress.size() - 1).getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressEnd);
            shutdown(lsp);
        }
    }

    private static void shutdown(LspHarness lsp) throws Exception {
        lsp.server.shutdown().get(5, TimeUnit.SECONDS);
        lsp.server.exit();
    }
}
