package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-file analyses and dry runs happen beside the requests, never in their way: edits sent
 * faster than the analysis never leave an older version's diagnostics published last, and requests
 * are answered while a long dry run is still going.
 */
class LspBackgroundAnalysisTest {
    @TempDir
    Path root;

    @Test
    void theLastPublishedDiagnosticsAreThoseOfTheLastVersion() throws Exception {
        // 4,000 lines: a dry run follows each analysis, on a thread of its own, and may end after a newer analysis
        Files.writeString(root.resolve("a.txt"), "abc");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4_000; i++) text.append(i % 4 == 0 ? "set X=1\n" : i % 4 == 1 ? "echo $X $Y\n" : i % 4 == 2 ? "zopen a.txt r\n" : "zclose 0\n");
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(null);
            String uri = lsp.uri("typed.eyn");
            lsp.open("typed.eyn", text.toString());
            int last = 60;
            for (int v = 2; v <= last; v++) {
                // one character typed at the start of a line spread over the file, as fast as the client can send it
                int line = (v * 331) % 4_000;
                TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                        new Range(new Position(line, 0), new Position(line, 0)), "e");
                lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, v), List.of(change)));
            }
            PublishDiagnosticsParams newest = lsp.awaitDiagnostics(uri, last);
            assertFalse(newest.getDiagnostics().isEmpty());
            // anything published after it would be an older version's: wait and see that nothing comes
            List<Integer> after = new ArrayList<>();
            for (PublishDiagnosticsParams p; (p = lsp.diagnostics.poll(1500, TimeUnit.MILLISECONDS)) != null; ) {
                if (p.getUri().equals(uri)) after.add(p.getVersion());
            }
            assertTrue(after.stream().allMatch(v -> v == last), "published after the last version: " + after);
        }
    }

    @Test
    void diagnosticsAfterManyEditsAreThoseOfTheSameTextOpenedFresh() throws Exception {
        // each version's analysis continues the previous one's where lines are unchanged: what it publishes must not show it
        Files.writeString(root.resolve("a.txt"), "abc");
        String[] unit = {"set X=1", "zopen a.txt r", "zread 0 4", "ifeq $X 1", "echo one $Y", "else", "zclose 0", "endif", "zclose 0",
            "loop 2", "echo pass", "endloop", "mmap a.txt", "set V$X=2"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_400; i++) lines.add(unit[i % unit.length]);
        String[] typed = {"echo typed", "zclose 0", "zopen a.txt w", "endif", "loop 3", "set Z=1", "zwrite 0 x", "cd nowhere", "#"};
        java.util.Random random = new java.util.Random(5);
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(null);
            String uri = lsp.uri("edited.eyn");
            lsp.open("edited.eyn", String.join("\n", lines) + "\n");
            for (int v = 2; v <= 40; v++) {
                int line = random.nextInt(lines.size());
                boolean insert = random.nextBoolean();
                String added = typed[random.nextInt(typed.length)];
                Range range = insert ? new Range(new Position(line, 0), new Position(line, 0)) : new Range(new Position(line, 0), new Position(line + 1, 0));
                if (insert) lines.add(line, added);
                else lines.remove(line);
                lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
                        List.of(new TextDocumentContentChangeEvent(range, insert ? added + "\n" : ""))));
                PublishDiagnosticsParams edited = lsp.awaitDiagnostics(uri, v);
                try (LspHarness fresh = new LspHarness(root)) {
                    fresh.initialize(null);
                    PublishDiagnosticsParams opened = fresh.open("fresh.eyn", String.join("\n", lines) + "\n");
                    assertEquals(opened.getDiagnostics(), edited.getDiagnostics(), "version " + v + " after an edit at line " + line);
                }
            }
        }
    }

    @Test
    void diagnosticsAfterEditsThatTakeBackAFarAwayLineAreThoseOfTheSameTextOpenedFresh() throws Exception {
        // each change takes back the line the last one typed and types one far away: the last analysis then differs
        // from the new version all the way between the two, and the server may continue the analysis before it instead
        Files.writeString(root.resolve("a.txt"), "abc");
        String[] unit = {"set X=1", "zopen a.txt r", "zread 0 4", "ifeq $X 1", "echo one $Y", "else", "zclose 0", "endif", "zclose 0",
            "loop 2", "echo pass", "endloop", "set V$X=2"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) lines.add(unit[i % unit.length]);
        String[] typed = {"echo typed", "zclose 0", "zopen a.txt w", "endif", "set Z=1", "cd nowhere"};
        java.util.Random random = new java.util.Random(9);
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(null);
            String uri = lsp.uri("far.eyn");
            lsp.open("far.eyn", String.join("\n", lines) + "\n");
            int typedAt = -1;
            for (int v = 2; v <= 16; v++) {
                List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                if (typedAt >= 0) {
                    lines.remove(typedAt);
                    changes.add(new TextDocumentContentChangeEvent(new Range(new Position(typedAt, 0), new Position(typedAt + 1, 0)), ""));
                }
                typedAt = random.nextInt(lines.size());
                String added = typed[random.nextInt(typed.length)];
                lines.add(typedAt, added);
                changes.add(new TextDocumentContentChangeEvent(new Range(new Position(typedAt, 0), new Position(typedAt, 0)), added + "\n"));
                lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), changes));
                PublishDiagnosticsParams edited = lsp.awaitDiagnostics(uri, v);
                try (LspHarness fresh = new LspHarness(root)) {
                    fresh.initialize(null);
                    PublishDiagnosticsParams opened = fresh.open("fresh.eyn", String.join("\n", lines) + "\n");
                    assertEquals(opened.getDiagnostics(), edited.getDiagnostics(), "version " + v + " after typing at line " + typedAt);
                }
            }
        }
    }

    /**
     * A script whose analysis takes a while after its first line changes (every later line then uses an unset
     * variable): the analysis of a change cannot be made in the microseconds before the next change arrives.
     */
    private static String slowToAnalyse() {
        return "set X=1\n" + "echo $X\n".repeat(20_000);
    }

    /** Types {@code e} at the start of the first line (even versions) or takes it back (odd ones). */
    private static void toggleFirstCharacter(LspHarness lsp, String uri, int v) {
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                new Range(new Position(0, 0), new Position(0, v % 2 == 0 ? 0 : 1)), v % 2 == 0 ? "e" : "");
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), List.of(change)));
    }

    @Test
    void aBurstOfChangesFasterThanTheQuietTimeIsAnalysedOnceForItsLastVersion() throws Exception {
        // a quiet time far longer than the burst takes to send, so that a busy machine cannot split it
        withQuietTime("1500", lsp -> {
            String uri = lsp.uri("burst.eyn");
            lsp.open("burst.eyn", slowToAnalyse());
            int last = 21;
            // the last version is the opened text
            for (int v = 2; v <= last; v++) toggleFirstCharacter(lsp, uri, v);
            // requests at the cursor are answered while the burst's analysis waits for quiet
            assertNotNull(lsp.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new Position(1, 1))).get(5, TimeUnit.SECONDS));
            List<Integer> published = new ArrayList<>();
            for (PublishDiagnosticsParams p; (p = lsp.diagnostics.poll(3000, TimeUnit.MILLISECONDS)) != null; ) {
                if (p.getUri().equals(uri)) published.add(p.getVersion());
            }
            // the burst's first change follows the opened version's diagnostics and is analysed at once (published only
            // if that analysis ends before the next change arrives); every later one came before the one before it was analysed
            assertEquals(last, published.get(published.size() - 1), "the versions published after the burst: " + published);
            assertTrue(published.subList(0, published.size() - 1).stream().allMatch(v -> v == 2), "the versions published after the burst: " + published);
        });
    }

    @Test
    void anEditAfterTheDiagnosticsOfTheOneBeforeIsAnalysedAtOnceAndOneBeforeThemWaitsForQuiet() throws Exception {
        // a quiet time far longer than a script's analysis: an edit that waited for it could not be published sooner
        withQuietTime("3000", lsp -> {
            String uri = lsp.uri("lone.eyn");
            lsp.open("lone.eyn", slowToAnalyse());
            // each edit sent once the one before it has its diagnostics, as a client that waits for them sends an edit and its undo
            for (int v = 2; v <= 3; v++) {
                long sent = System.nanoTime();
                toggleFirstCharacter(lsp, uri, v);
                lsp.awaitDiagnostics(uri, v);
                long waited = (System.nanoTime() - sent) / 1_000_000;
                assertTrue(waited < 2000, "an edit after the diagnostics of the one before waited " + waited + " ms for its own");
            }
            // two edits back to back: the second comes before the first is analysed, and waits for the quiet time
            long sent = System.nanoTime();
            toggleFirstCharacter(lsp, uri, 4);
            toggleFirstCharacter(lsp, uri, 5);
            lsp.awaitDiagnostics(uri, 5);
            long waited = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(waited >= 3000, "an edit right after another not yet analysed waited only " + waited + " ms");
        });
    }

    /** Runs {@code body} on an initialised server whose quiet time before a whole-file analysis is {@code ms}. */
    private void withQuietTime(String ms, HarnessBody body) throws Exception {
        System.setProperty("eyn.lsp.quietMs", ms);
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(null);
            body.run(lsp);
        } finally {
            System.clearProperty("eyn.lsp.quietMs");
        }
    }

    private interface HarnessBody {
        void run(LspHarness lsp) throws Exception;
    }

    @Test
    void requestsAreAnsweredWhileTheDryRunIsStillRunning() throws Exception {
        // the dry run of this script takes its whole time budget (1 s): every pass searches a 15 MB file
        byte[] big = new byte[15 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        Files.write(root.resolve("big.txt"), big);
        String script = "zopen big.txt r\nloop 5000\nsearch zzz -c\nzread 0 16\nendloop\nzclose 0\n";
        try (LspHarness lsp = new LspHarness(root)) {
            lsp.initialize(null);
            String uri = lsp.uri("slow.eyn");
            PublishDiagnosticsParams first = lsp.open("slow.eyn", script);
            assertNotNull(first);
            // the first diagnostics come before the dry run: these requests must not wait for it
            CompletableFuture<?> hover = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc("slow.eyn"), new Position(3, 2)));
            CompletableFuture<?> completion = lsp.server.getTextDocumentService().completion(
                    new CompletionParams(lsp.doc("slow.eyn"), new Position(3, 6)));
            CompletableFuture<?> symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(lsp.doc("slow.eyn")));
            CompletableFuture.allOf(hover, completion, symbols).get(10, TimeUnit.SECONDS);
            assertNotNull(hover.get());
            assertNotNull(symbols.get());
            // ...and the dry run was still going then: its diagnostics (the same version again) had not come yet
            assertNull(lsp.diagnostics.poll(), "the dry run finished before the requests were answered");
            PublishDiagnosticsParams withDryRun = lsp.diagnostics.poll(20, TimeUnit.SECONDS);
            assertNotNull(withDryRun, "the dry run's diagnostics never came");
            assertEquals(uri, withDryRun.getUri());
            assertEquals(1, withDryRun.getVersion());
        }
    }
}
