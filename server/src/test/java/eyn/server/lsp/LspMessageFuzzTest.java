package eyn.server.lsp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * Fuzzes the language server with raw JSON-RPC: any framed message body (malformed JSON, wrong
 * shapes, real methods with garbage parameters) is answered or logged, and the server keeps
 * serving: after each input a well-formed request must still get its answer.
 */
class LspMessageFuzzTest {
    private static final String[] METHODS = {
        "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/hover", "textDocument/completion",
        "textDocument/signatureHelp", "textDocument/definition", "textDocument/references", "textDocument/rename",
        "textDocument/prepareRename", "textDocument/documentSymbol", "textDocument/formatting", "textDocument/rangeFormatting",
        "textDocument/codeAction", "textDocument/inlayHint", "textDocument/semanticTokens/full",
        "textDocument/semanticTokens/full/delta", "textDocument/foldingRange", "textDocument/documentLink",
        "textDocument/diagnostic", "workspace/symbol", "workspace/didChangeConfiguration", "$/cancelRequest",
        "completionItem/resolve", "textDocument/codeLens", "initialize", "nonsense/method",
    };
    private static LspHarness lsp;
    private static int id = 1_000_000;

    private static synchronized LspHarness server() throws Exception {
        if (lsp == null) {
            Path root = Files.createTempDirectory("eyn-lsp-fuzz");
            Files.writeString(root.resolve("a.txt"), "alpha");
            lsp = new LspHarness(root);
            lsp.initialize(new JsonObject());
            lsp.open("open.eyn", "set A=1\nzopen a.txt r\nzread 0 3\n");
        }
        return lsp;
    }

    @FuzzTest(maxDuration = "10m")
    void message(FuzzedDataProvider data) throws Exception {
        LspHarness s = server();
        String body;
        if (data.consumeBoolean()) {
            body = data.consumeRemainingAsString();
        } else {
            String method = data.pickValue(METHODS);
            boolean request = data.consumeBoolean();
            String params = data.consumeRemainingAsString();
            // string ids of their own: numbers would meet the client's own counter after a million runs
            body = "{\"jsonrpc\":\"2.0\"," + (request ? "\"id\":\"fuzz-" + (id++) + "\"," : "") + "\"method\":\"" + method
                    + "\",\"params\":" + params.replace("URI", s.uri("open.eyn")) + "}";
        }
        s.raw(body.getBytes(StandardCharsets.UTF_8));
        s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(s.uri("open.eyn")), new Position(0, 1)))
                .get(20, TimeUnit.SECONDS);
    }
}
