package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every advertised LSP feature, end to end over JSON-RPC with LSP4J's client launcher. */
class LspFeaturesTest {
    @TempDir
    static Path root;
    static LspHarness lsp;
    static InitializeResult init;
    static TextDocumentService docs;

    static final String MAIN = String.join("\n",
            "# a test script",
            "set NAME=world",
            "echo Hello $NAME",
            "zopen data.txt r",
            "zread 0 5",
            "zwrite 0 oops",
            "ifeq $NAME world",
            "loop 2",
            "echo $NAME",
            "endloop",
            "endif",
            "mmap data.txt",
            "msync 0x01000000",
            "run helper.eyn",
            "zopne data.txt",
            "");

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(root.resolve("data.txt"), "hello world");
        Files.writeString(root.resolve("helper.eyn"), "set HELPER_VAR=1\necho helper\n");
        Files.createDirectories(root.resolve("docs"));
        lsp = new LspHarness(root);
        init = lsp.initialize(new JsonObject());
        docs = lsp.server.getTextDocumentService();
    }

    @AfterAll
    static void stop() throws Exception {
        lsp.server.shutdown().get(5, TimeUnit.SECONDS);
        lsp.server.exit();
        assertEquals(0, lsp.exitStatus.get(10, TimeUnit.SECONDS), "exit after shutdown is status 0");
    }

    private static Position at(int line, int character) {
        return new Position(line, character);
    }

    @Test
    void capabilitiesNameWhatIsImplemented() {
        var c = init.getCapabilities();
        assertNotNull(c.getCompletionProvider());
        assertTrue(c.getCompletionProvider().getResolveProvider());
        assertTrue(c.getHoverProvider().getLeft());
        assertNotNull(c.getSignatureHelpProvider());
        assertNotNull(c.getSemanticTokensProvider());
        assertTrue(c.getSemanticTokensProvider().getFull().getRight().getDelta());
        assertNotNull(c.getInlayHintProvider());
        assertNotNull(c.getDiagnosticProvider());
        assertEquals(List.of("eyn.convertTo2026"), c.getExecuteCommandProvider().getCommands());
        assertEquals("eyn-lsp", init.getServerInfo().getName());
    }

    @Test
    void diagnosticsArriveOnOpenAndFollowIncrementalEdits() throws Exception {
        PublishDiagnosticsParams first = lsp.open("diag.eyn", MAIN);
        Map<String, String> byCode = first.getDiagnostics().stream()
                .collect(Collectors.toMap(d -> d.getCode().getLeft(), d -> d.getMessage().getLeft(), (a, b) -> a));
        assertTrue(byCode.get("E101").contains("did you mean 'zopen'"), byCode.toString());
        assertTrue(byCode.get("E115").contains("read-only"), byCode.toString());
        var e115 = first.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("E115")).findFirst().orElseThrow();
        assertEquals(new Range(at(5, 7), at(5, 8)), e115.getRange());

        // replace "r" by "rw" on line 3: the E115 goes away
        var change = new TextDocumentContentChangeEvent(new Range(at(3, 15), at(3, 16)), "rw");
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(lsp.uri("diag.eyn"), 2), List.of(change)));
        PublishDiagnosticsParams second = lsp.awaitDiagnostics(lsp.uri("diag.eyn"), 2);
        assertFalse(second.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("E115")), second.toString());

        // the dry run's facts follow (E117: msync of an address mmap did not return); a pull gives the newest
        PublishDiagnosticsParams afterDryRun = lsp.awaitDiagnostics(lsp.uri("diag.eyn"), 2);
        assertTrue(afterDryRun.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("E117")), afterDryRun.toString());
        var pulled = docs.diagnostic(new DocumentDiagnosticParams(lsp.doc("diag.eyn"))).get(5, TimeUnit.SECONDS);
        assertEquals(afterDryRun.getDiagnostics().size(), pulled.getLeft().getItems().size());
        assertEquals("2", pulled.getLeft().getResultId());
    }

    @Test
    void completionOffersCommandsModesFdsVariablesAndFiles() throws Exception {
        lsp.open("comp.eyn", "set COLOR=red\nzopen data.txt r\nzo\nzopen data.txt \nzread \necho $CO\nread d\n");
        var commands = labels(docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(2, 2))).get(5, TimeUnit.SECONDS).getRight().getItems());
        assertTrue(commands.contains("zopen") && commands.contains("zclose") && commands.contains("ifeq"), commands.toString());
        var modes = labels(docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(3, 15))).get(5, TimeUnit.SECONDS).getRight().getItems());
        assertEquals(List.of("r", "w", "rw"), modes);
        var fds = docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(4, 6))).get(5, TimeUnit.SECONDS).getRight().getItems();
        assertEquals(List.of("0", "1"), labels(fds), "line 3 opens fd 1 too");
        assertTrue(fds.get(0).getDetail().contains("/data.txt"), fds.get(0).getDetail());
        var vars = labels(docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(5, 8))).get(5, TimeUnit.SECONDS).getRight().getItems());
        assertEquals(List.of("COLOR"), vars);
        var files = labels(docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(6, 6))).get(5, TimeUnit.SECONDS).getRight().getItems());
        assertTrue(files.contains("data.txt") && files.contains("docs/"), files.toString());

        CompletionItem zopen = docs.completion(new CompletionParams(lsp.doc("comp.eyn"), at(2, 2))).get(5, TimeUnit.SECONDS)
                .getRight().getItems().stream().filter(i -> i.getLabel().equals("zopen")).findFirst().orElseThrow();
        assertTrue(zopen.getTextEdit().getLeft().getNewText().startsWith("zopen ${1:filename}"), zopen.getTextEdit().toString());
        assertFalse(String.valueOf(zopen.getData()).contains("Usage"), "the list names a command's help, resolve sends it: " + zopen.getData());
        CompletionItem resolved = docs.resolveCompletionItem(zopen).get(5, TimeUnit.SECONDS);
        assertTrue(resolved.getDocumentation().getRight().getValue().contains("Usage: zopen"));
    }

    private static List<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void hoverExplainsCommandsVariablesAndFds() throws Exception {
        lsp.open("hover.eyn", MAIN);
        var command = docs.hover(new HoverParams(lsp.doc("hover.eyn"), at(3, 2))).get(5, TimeUnit.SECONDS);
        assertTrue(command.getContents().getRight().getValue().contains("Usage: zopen <filename> [r|w|rw]"));
        var variable = docs.hover(new HoverParams(lsp.doc("hover.eyn"), at(2, 13))).get(5, TimeUnit.SECONDS);
        assertTrue(variable.getContents().getRight().getValue().contains("line 2: `world`"), variable.getContents().getRight().getValue());
        var fd = docs.hover(new HoverParams(lsp.doc("hover.eyn"), at(4, 6))).get(5, TimeUnit.SECONDS);
        assertTrue(fd.getContents().getRight().getValue().contains("opened on line 4"), fd.getContents().getRight().getValue());
        assertTrue(fd.getContents().getRight().getValue().contains("mode `r`"));
    }

    @Test
    void signatureHelpFollowsTheArgumentBeingTyped() throws Exception {
        lsp.open("sig.eyn", "zsplice 0 1 \n");
        var help = docs.signatureHelp(new SignatureHelpParams(lsp.doc("sig.eyn"), at(0, 12))).get(5, TimeUnit.SECONDS);
        assertEquals("zsplice <fd_in> <fd_out> <count>", help.getSignatures().get(0).getLabel());
        assertEquals(2, help.getActiveParameter());
    }

    @Test
    void variablesNavigateAndRename() throws Exception {
        lsp.open("nav.eyn", MAIN);
        var def = docs.definition(new DefinitionParams(lsp.doc("nav.eyn"), at(8, 7))).get(5, TimeUnit.SECONDS).getLeft();
        assertEquals(1, def.size());
        assertEquals(new Range(at(1, 4), at(1, 8)), def.get(0).getRange());
        var refs = docs.references(new ReferenceParams(lsp.doc("nav.eyn"), at(1, 5), new ReferenceContext(true))).get(5, TimeUnit.SECONDS);
        assertEquals(4, refs.size(), refs.toString());
        var highlights = docs.documentHighlight(new DocumentHighlightParams(lsp.doc("nav.eyn"), at(2, 13))).get(5, TimeUnit.SECONDS);
        assertEquals(4, highlights.size());
        var prepare = docs.prepareRename(new PrepareRenameParams(lsp.doc("nav.eyn"), at(2, 13))).get(5, TimeUnit.SECONDS);
        assertEquals("NAME", prepare.getSecond().getPlaceholder());
        var edit = docs.rename(new RenameParams(lsp.doc("nav.eyn"), at(2, 13), "WHO")).get(5, TimeUnit.SECONDS);
        List<TextEdit> edits = edit.getChanges().get(lsp.uri("nav.eyn"));
        assertEquals(4, edits.size());
        assertTrue(edits.stream().allMatch(e -> e.getNewText().equals("WHO")));
        assertTrue(edits.contains(new TextEdit(new Range(at(2, 12), at(2, 16)), "WHO")), edits.toString());
        var fdRefs = docs.references(new ReferenceParams(lsp.doc("nav.eyn"), at(4, 6), new ReferenceContext(true))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(3, 4, 5), fdRefs.stream().map(l -> l.getRange().getStart().getLine()).toList());
        var runDef = docs.definition(new DefinitionParams(lsp.doc("nav.eyn"), at(13, 6))).get(5, TimeUnit.SECONDS).getLeft();
        assertEquals(lsp.uri("helper.eyn"), runDef.get(0).getUri());
    }

    @Test
    void symbolsLinksAndFolding() throws Exception {
        lsp.openAfterDryRun("sym.eyn", MAIN);
        var symbols = docs.documentSymbol(new DocumentSymbolParams(lsp.doc("sym.eyn"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("NAME", "fd 0: data.txt", "ifeq $NAME world", "data.txt at 0x01001000", "run helper.eyn"),
                symbols.stream().map(s -> s.getRight().getName()).toList(), "variables, fds, mappings, blocks and nested scripts");
        var block = symbols.get(2).getRight();
        assertEquals(6, block.getRange().getStart().getLine());
        assertEquals(10, block.getRange().getEnd().getLine());
        assertEquals("loop 2", block.getChildren().get(0).getName());
        var links = docs.documentLink(new DocumentLinkParams(lsp.doc("sym.eyn"))).get(5, TimeUnit.SECONDS);
        assertTrue(links.stream().anyMatch(l -> l.getTarget().equals(lsp.uri("helper.eyn"))), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.getTarget().equals(lsp.uri("data.txt"))), links.toString());
        var folds = docs.foldingRange(new FoldingRangeRequestParams(lsp.doc("sym.eyn"))).get(5, TimeUnit.SECONDS);
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 6 && f.getEndLine() == 9), folds.toString());
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 7 && f.getEndLine() == 8), folds.toString());
        var ws = lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("HELPER")).get(5, TimeUnit.SECONDS).getRight();
        assertTrue(ws.stream().anyMatch(s -> s.getName().equals("HELPER_VAR")), ws.toString());
    }

    @Test
    void semanticTokensAndTheirDelta() throws Exception {
        lsp.open("tok.eyn", "set X=1\nzopen data.txt r\n");
        var full = docs.semanticTokensFull(new SemanticTokensParams(lsp.doc("tok.eyn"))).get(5, TimeUnit.SECONDS);
        // set (keyword), X (variable+declaration), zopen (function), data.txt (string), r (enumMember)
        assertEquals(List.of(0, 0, 3, 1, 0, 0, 4, 1, 3, 1, 1, 0, 5, 2, 2, 0, 6, 8, 6, 0, 0, 9, 1, 5, 0), full.getData());
        var change = new TextDocumentContentChangeEvent(new Range(at(1, 15), at(1, 16)), "rw");
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(lsp.uri("tok.eyn"), 2), List.of(change)));
        lsp.awaitDiagnostics(lsp.uri("tok.eyn"), 2);
        var delta = docs.semanticTokensFullDelta(new SemanticTokensDeltaParams(lsp.doc("tok.eyn"), full.getResultId())).get(5, TimeUnit.SECONDS);
        assertEquals(1, delta.getRight().getEdits().size());
        assertEquals(List.of(2), delta.getRight().getEdits().get(0).getData());
    }

    @Test
    void formattingIndentsBlocks() throws Exception {
        lsp.open("fmt.eyn", "ifeq a a\nloop 2\necho x   \nendloop\nelse\necho y\nendif\n");
        var edits = docs.formatting(new DocumentFormattingParams(lsp.doc("fmt.eyn"), new FormattingOptions(2, true))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("  loop 2", "    echo x", "  endloop", "  echo y"), edits.stream().map(TextEdit::getNewText).toList());
        var ranged = docs.rangeFormatting(new DocumentRangeFormattingParams(lsp.doc("fmt.eyn"), new FormattingOptions(4, true),
                new Range(at(5, 0), at(5, 6)))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("    echo y"), ranged.stream().map(TextEdit::getNewText).toList());
    }

    @Test
    void quickFixesRepairWhatTheyName() throws Exception {
        PublishDiagnosticsParams d = lsp.open("fix.eyn", "zopne data.txt rw\nloop 2\necho x\n");
        var actions = docs.codeAction(new CodeActionParams(lsp.doc("fix.eyn"), new Range(at(0, 0), at(2, 0)),
                new CodeActionContext(d.getDiagnostics()))).get(5, TimeUnit.SECONDS);
        List<String> titles = actions.stream().map(a -> a.getRight().getTitle()).toList();
        assertTrue(titles.contains("Change to 'zopen'"), titles.toString());
        assertTrue(titles.contains("Insert the missing 'endloop'"), titles.toString());
        var fix = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().equals("Change to 'zopen'")).findFirst().orElseThrow();
        assertEquals(List.of(new TextEdit(new Range(at(0, 0), at(0, 5)), "zopen")), fix.getEdit().getChanges().get(lsp.uri("fix.eyn")));
        var endloop = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().contains("endloop")).findFirst().orElseThrow();
        assertEquals("\nendloop", endloop.getEdit().getChanges().get(lsp.uri("fix.eyn")).get(0).getNewText());
    }

    @Test
    void inlayHintsShowFdsAndAddressesAndLensesOfferRunAndDebug() throws Exception {
        lsp.openAfterDryRun("hint.eyn", "zopen data.txt r\nmmap data.txt\n");
        var hints = docs.inlayHint(new InlayHintParams(lsp.doc("hint.eyn"), new Range(at(0, 0), at(2, 0)))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("→ fd 0", "→ 0x01001000"), hints.stream().map(h -> h.getLabel().getLeft()).toList());
        assertEquals(at(0, 16), hints.get(0).getPosition());
        assertTrue(hints.stream().allMatch(h -> Boolean.TRUE.equals(h.getPaddingLeft())), "a hint is not glued to the word before it");
        var lenses = docs.codeLens(new CodeLensParams(lsp.doc("hint.eyn"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("eyn.runScript", "eyn.debugScript"), lenses.stream().map(l -> l.getCommand().getCommand()).toList());
    }
}
