package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.server.common.JsonSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/**
 * The server writes its diagnostics with its own adapter (it was the cost of publishing thousands of
 * them): the JSON must be byte for byte what LSP4J's Gson writes, for every kind of diagnostic and
 * every character a message can hold, and diagnostics a client sends back must read as before.
 */
class DiagnosticJsonTest {
    private static final Map<String, org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod> CLIENT =
            ServiceEndpoints.getSupportedMethods(LanguageClient.class);

    @Test
    void publishedDiagnosticsAreWrittenExactlyAsGsonWritesThem() {
        MessageJsonHandler gson = new MessageJsonHandler(CLIENT);
        MessageJsonHandler fast = new MessageJsonHandler(CLIENT, DiagnosticJson::configure);
        for (Diagnostic d : samples()) {
            NotificationMessage m = new NotificationMessage();
            m.setMethod("textDocument/publishDiagnostics");
            m.setParams(new PublishDiagnosticsParams("file:///a%20b.eyn", List.of(d, d), 7));
            assertEquals(gson.serialize(m), fast.serialize(m), d.toString());
        }
    }

    @Test
    void diagnosticsInACodeActionRequestReadAsBefore() {
        MessageJsonHandler fast = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class), DiagnosticJson::configure);
        String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.eyn\"},"
                + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":3}},\"context\":{\"diagnostics\":["
                + "{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":3}},\"severity\":1,\"code\":\"E101\","
                + "\"source\":\"eyn\",\"message\":\"Unknown command 'x'\",\"data\":\"zopen\",\"tags\":[1]}]}}}";
        var message = (org.eclipse.lsp4j.jsonrpc.messages.RequestMessage) fast.parseMessage(request);
        var params = (org.eclipse.lsp4j.CodeActionParams) message.getParams();
        Diagnostic d = params.getContext().getDiagnostics().get(0);
        assertEquals("E101", d.getCode().getLeft());
        assertEquals("Unknown command 'x'", d.getMessage().getLeft());
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals(List.of(DiagnosticTag.Unnecessary), d.getTags());
        assertEquals(3, d.getRange().getEnd().getCharacter());
    }

    private static List<Diagnostic> samples() {
        List<Diagnostic> out = new ArrayList<>();
        Range range = new Range(new Position(3, 1), new Position(3, 200));
        for (String message : List.of("plain", "Unknown command 'zopne'; did you mean \"zopen\"?", "a <b> & c = d \\ e", JsonSamples.everyCharacter(), "")) {
            out.add(new Diagnostic(range, message, DiagnosticSeverity.Warning, "eyn", "W110"));
            Diagnostic withData = new Diagnostic(range, message, DiagnosticSeverity.Error, "eyn", "E101");
            withData.setData("zopen <'&'>");
            out.add(withData);
        }
        Diagnostic tagged = new Diagnostic(range, "never runs", DiagnosticSeverity.Hint, "eyn", "W109");
        tagged.setTags(List.of(DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated));
        out.add(tagged);
        Diagnostic numeric = new Diagnostic(range, "n", DiagnosticSeverity.Information, null);
        numeric.setCode(42);
        out.add(numeric);
        Diagnostic bare = new Diagnostic();
        bare.setRange(range);
        bare.setMessage("no severity, code or source");
        out.add(bare);
        // what this server never sets goes through Gson's own adapter
        Diagnostic related = new Diagnostic(range, "related", DiagnosticSeverity.Error, "eyn", "E113");
        related.setRelatedInformation(List.of(new DiagnosticRelatedInformation(new Location("file:///b.eyn", range), "closed here")));
        related.setCodeDescription(new DiagnosticCodeDescription("https://example.org/E113"));
        related.setData(Map.of("fd", 3));
        out.add(related);
        return out;
    }
}
