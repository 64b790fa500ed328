package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import eyn.analysis.ide.Conversion2026;
import eyn.analysis.ide.Edit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both EYN-OS generations through the real protocol: the profile each document is read as
 * (eyn/profile), the 2026 language's diagnostics, completion and hover, the setting and the
 * first-line comment that override auto, and "Convert script to EYN-OS 2026" through
 * workspace/executeCommand and workspace/applyEdit.
 */
class LspProfilesTest {
    @TempDir
    static Path root;
    static LspHarness lsp;

    static final String SCRIPT_2026 = String.join("\n",
            "# count to three and say whether a file exists",
            "set N=0",
            "while $N != 3",
            "echo n=$N",
            "set N=$(calc $N+1)",
            "endwhile",
            "",
            "if -f data.txt",
            "echo data.txt is here",
            "elif -e docs",
            "echo only docs",
            "else",
            "echo nothing",
            "endif",
            "echo first argument: $1",
            "");

    static final String SCRIPT_R13 = String.join("\n",
            "set MODE=fast",
            "ifeq $MODE fast",
            "echo fast",
            "endif",
            "loop 2",
            "echo twice",
            "endloop",
            "ls",
            "");

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(root.resolve("data.txt"), "hello");
        Files.createDirectories(root.resolve("docs"));
        lsp = new LspHarness(root);
        lsp.initialize(new JsonObject());
    }

    @AfterAll
    static void stop() throws Exception {
        lsp.server.shutdown().get(5, TimeUnit.SECONDS);
        lsp.server.exit();
        lsp.exitStatus.get(10, TimeUnit.SECONDS);
    }

    private static Map<String, String> byCode(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().collect(Collectors.toMap(d -> d.getCode().getLeft(), d -> d.getMessage().getLeft(), (a, b) -> a));
    }

    @Test
    void a2026ScriptIsReadAs2026AndChecksClean() throws Exception {
        PublishDiagnosticsParams d = lsp.open("count.shell", SCRIPT_2026);
        EynLanguageClient.ProfileParams p = lsp.awaitProfile(lsp.uri("count.shell"));
        assertEquals("2026", p.profile());
        assertEquals("auto", p.source());
        assertTrue(p.reason().contains("while") || p.reason().contains("if"), p.reason());
        assertTrue(d.getDiagnostics().stream().noneMatch(x -> x.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error), d.toString());

        var items = lsp.server.getTextDocumentService().completion(new CompletionParams(lsp.doc("count.shell"), new Position(6, 0)))
                .get(5, TimeUnit.SECONDS).getRight().getItems();
        List<String> labels = items.stream().map(i -> i.getLabel()).toList();
        assertTrue(labels.contains("while") && labels.contains("elif") && labels.contains("calc"), labels.toString());
        assertFalse(labels.contains("ifeq") || labels.contains("zopen"), labels.toString());

        var hover = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc("count.shell"), new Position(2, 2)))
                .get(5, TimeUnit.SECONDS);
        assertTrue(hover.getContents().getRight().getValue().contains("endwhile"), hover.toString());
    }

    @Test
    void aRelease13ScriptStaysRelease13UnlessTheSettingSays2026() throws Exception {
        PublishDiagnosticsParams d = lsp.open("old.eyn", SCRIPT_R13);
        assertEquals("r13", lsp.awaitProfile(lsp.uri("old.eyn")).profile());
        assertTrue(d.getDiagnostics().stream().noneMatch(x -> x.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error), d.toString());

        JsonObject settings = new JsonObject();
        JsonObject eyn = new JsonObject();
        eyn.add("profile", new JsonPrimitive("2026"));
        settings.add("eyn", eyn);
        lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
        PublishDiagnosticsParams under2026 = lsp.awaitDiagnostics(lsp.uri("old.eyn"), 1);
        EynLanguageClient.ProfileParams p = lsp.awaitProfile(lsp.uri("old.eyn"));
        assertEquals("2026", p.profile());
        assertEquals("setting", p.source());
        assertTrue(byCode(under2026).get("E318").contains("Release 13 syntax"), under2026.toString());

        eyn.add("profile", new JsonPrimitive("auto"));
        lsp.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
        lsp.awaitDiagnostics(lsp.uri("old.eyn"), 1);
    }

    @Test
    void argumentsAreCheckedAgainstWhatOpenCallersPass() throws Exception {
        lsp.open("caller.shell", "# eyn: profile=2026\nrun callee.shell Ada\n");
        PublishDiagnosticsParams d = lsp.open("callee.shell", "# callee NAME GREETING\necho $2, $1\n");
        assertTrue(byCode(d).getOrDefault("W331", "").contains("$2 is always empty"), d.toString());
    }

    @Test
    void aFirstLineCommentOverridesAuto() throws Exception {
        lsp.open("marked.shell", "# eyn: profile=2026\necho hello\n");
        EynLanguageClient.ProfileParams p = lsp.awaitProfile(lsp.uri("marked.shell"));
        assertEquals("2026", p.profile());
        assertEquals("comment", p.source());
    }

    @Test
    void convertingARelease13ScriptAppliesAnEditThatReadsAs2026() throws Exception {
        lsp.open("convert.eyn", SCRIPT_R13);
        lsp.appliedEdits.clear();
        Object result = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("eyn.convertTo2026",
                List.of(new JsonPrimitive(lsp.uri("convert.eyn"))))).get(5, TimeUnit.SECONDS);
        var applied = lsp.appliedEdits.poll(5, TimeUnit.SECONDS);
        assertTrue(applied != null && result != null, "the server applies the edit and returns it");
        List<TextEdit> edits = applied.getEdit().getChanges().get(lsp.uri("convert.eyn"));
        List<Edit> plain = edits.stream().map(e -> new Edit(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter(),
                e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter(), e.getNewText())).toList();
        String converted = Conversion2026.apply(SCRIPT_R13, plain);
        assertEquals(String.join("\n",
                "# eyn: profile=2026",
                "set MODE=fast",
                "if $MODE == fast",
                "echo fast",
                "endif",
                "set LOOP1=0",
                "while $LOOP1 != 2",
                "echo twice",
                "set LOOP1=$(calc $LOOP1+1)",
                "endwhile",
                "list",
                ""), converted);
        PublishDiagnosticsParams d = lsp.open("converted.shell", converted);
        assertTrue(d.getDiagnostics().stream().noneMatch(x -> x.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error), d.toString());
    }
}
