package eyn.bench;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Warms the benchmark's own client before any server is measured: its JVM reads every answer with
 * LSP4J's Gson, which is interpreted at first. Measured, reading a publication of 6,000 diagnostics
 * took it 76 ms the first time, 25-38 ms for the next few and 4 ms once compiled: the first rounds of
 * each phase measured the client's JIT, not the server (an editor's JSON reader is native code). The
 * warm-up reads, through a handler like the client launcher's, the messages a session brings (a large
 * publication, completion lists, hovers), the same for every server measured after it.
 */
final class ClientWarmUp {
    private ClientWarmUp() {}

    /** Reads each kind of message until the reading is compiled; returns how long it took, in ms. */
    static long run() {
        long start = System.nanoTime();
        MessageJsonHandler writer = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        String diagnostics = writer.serialize(publication(6_000));
        String completion = writer.serialize(response(completions(60)));
        String hover = writer.serialize(response(new Hover(new MarkupContent("markdown", "**zopen** `zopen <path> [mode]`"))));
        java.util.Map<String, org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod> methods =
                new java.util.LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        for (String method : new String[] {"textDocument/completion", "textDocument/hover"}) {
            MessageJsonHandler reader = new MessageJsonHandler(methods);
            reader.setMethodProvider(id -> method);
            String json = method.endsWith("completion") ? completion : hover;
            for (int k = 0; k < 2_000; k++) reader.parseMessage(json);
        }
        MessageJsonHandler reader = new MessageJsonHandler(methods);
        for (int k = 0; k < 40; k++) reader.parseMessage(diagnostics);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static NotificationMessage publication(int count) {
        List<Diagnostic> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Diagnostic d = new Diagnostic(new Range(new Position(i, 0), new Position(i, 12)), "fd " + i + " is not open here: no zopen before this line returns it",
                    i % 2 == 0 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "warm-up", "E" + (100 + i % 30));
            if (i % 3 == 0) d.setData(String.valueOf(i));
            list.add(d);
        }
        NotificationMessage m = new NotificationMessage();
        m.setMethod("textDocument/publishDiagnostics");
        m.setParams(new PublishDiagnosticsParams("file:///warm-up", list, 1));
        return m;
    }

    private static CompletionList completions(int count) {
        List<CompletionItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletionItem item = new CompletionItem("command" + i);
            item.setKind(CompletionItemKind.Function);
            item.setDetail("command" + i + " <path> [mode]");
            item.setDocumentation(Either.forRight(new MarkupContent("markdown", "Does thing " + i)));
            item.setSortText(String.format("%04d", i));
            items.add(item);
        }
        return new CompletionList(false, items);
    }

    private static ResponseMessage response(Object result) {
        ResponseMessage m = new ResponseMessage();
        m.setId(1);
        m.setResult(result);
        return m;
    }
}
