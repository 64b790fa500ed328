package eyn.server.lsp;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.CursorAnalysis;
import eyn.analysis.Workspace;
import eyn.analysis.ide.Completions;
import eyn.analysis.ide.Hover;
import eyn.analysis.ide.SignatureHelp;
import eyn.profile.ProfileChoice;
import eyn.server.common.ReusingMessageConsumer;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Warms the JIT on the paths a keystroke takes, once, after the first document's first diagnostics:
 * on a private copy of that document it makes the edits and requests an editor makes while the user
 * types (read the change and the requests as they come in JSON, insert a line, completion, hover and
 * signature help there, write the answer as the server writes it (to nowhere), undo).
 * Without it the first twenty or so keystrokes ran interpreted code and first-time call-site linking,
 * and took 40-120 ms where later ones take a few (docs/language-server.md, "Priming"). It runs on a thread
 * of its own at the lowest priority, touches nothing the server holds, publishes nothing, and stops
 * when its rounds are done, the server closes, or after a second of work. {@code -Deyn.lsp.priming=false}
 * turns it off.
 */
final class Priming {
    static final int ROUNDS = 150;
    /** How many of the document's first lines the rounds of whole-file analysis use. */
    static final int SAMPLE_LINES = 2_000;
    private static final long BUDGET_NANOS = 1_000_000_000L;

    private Priming() {}

    static boolean enabled() {
        return !"false".equals(System.getProperty("eyn.lsp.priming"));
    }

    /** Starts the rounds on a daemon thread of their own. */
    static void startInBackground(Document.Snapshot s, ProfileChoice choice, Analysis complete, Workspace ws, String scriptPath,
                                  AnalysisSettings settings, boolean snippets, BooleanSupplier closing) {
        Thread t = new Thread(() -> run(s, choice, complete, ws, scriptPath, settings, snippets, closing), "eyn-lsp-priming");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * The rounds, on the caller's thread; returns how many were made. {@code complete} is the
     * complete analysis of {@code s} under {@code choice}, as a keystroke's request finds it.
     */
    static int run(Document.Snapshot s, ProfileChoice choice, Analysis complete, Workspace ws, String scriptPath,
                   AnalysisSettings settings, boolean snippets, BooleanSupplier stop) {
        Document doc = Document.copyOf(s);
        doc.choice = choice;
        String name = s.script().name();
        MessageJsonHandler json = new MessageJsonHandler(Map.of(), LspJson::configure);
        // the other direction: the editor's notifications and requests, read as the server's own reader reads them
        MessageJsonHandler requests = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(EynLanguageServer.class),
                LspJson::configure);
        String uri = new com.google.gson.Gson().toJson(s.uri());
        // the whole-file analysis after an edit, and its publication, on the first lines only: the same code
        // for a fraction of the time a large document's would take (a 200,000-line one's outlasted the second)
        Document sample = new Document(s.uri(), String.join("\n", s.lines().subList(0, Math.min(SAMPLE_LINES, s.lines().size()))), 1);
        sample.choice = choice;
        sample.reparse(name);
        Analysis sampled = Analyzer.analyzeWithoutDryRun(sample.script, sample.text(), scriptPath, ws, settings, choice);
        MessageConsumer sink = new ReusingMessageConsumer(OutputStream.nullOutputStream(), json);
        long start = System.nanoTime();
        int done = 0;
        int version = s.version();
        for (; done < ROUNDS; done++) {
            if (stop.getAsBoolean() || System.nanoTime() - start > BUDGET_NANOS) break;
            int line = 1 + (int) ((done * 7919L) % Math.max(1, doc.lineCount() - 1));
            doc.apply(lineStart(line), "echo hi\n", ++version);
            requests.parseMessage("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":" + uri
                    + ",\"version\":" + version + "},\"contentChanges\":[{\"range\":" + range(line, 0, line, 0) + ",\"text\":\"echo hi\\n\"}]}}");
            for (String method : new String[] {"completion", "hover", "signatureHelp"}) {
                requests.parseMessage("{\"jsonrpc\":\"2.0\",\"id\":" + done + ",\"method\":\"textDocument/" + method + "\",\"params\":{"
                        + "\"textDocument\":{\"uri\":" + uri + "},\"position\":{\"line\":" + line + ",\"character\":1}}}");
            }
            doc.reparse(name);
            Analysis a = CursorAnalysis.at(doc.script, doc.choice, complete, line, scriptPath, ws, settings);
            respond(sink, LspConvert.completionList(Completions.at(a, ws, line, 1), snippets, a.profile()));
            Hover.Info hover = Hover.at(a, line, 2);
            if (hover != null) respond(sink, LspConvert.markdown(hover.markdown()));
            SignatureHelp.Info signature = SignatureHelp.at(a, line, 5);
            if (signature != null) respond(sink, signature.label());
            if (done % 10 == 0) sampled = editAndPublish(sample, sampled, name, sink, ws, scriptPath, settings, done);
            doc.apply(wholeLine(line), "", ++version);
            doc.reparse(name);
        }
        return done;
    }

    /** An edit of the sample, the whole-file analysis that continues its last one, and the publication; then the undo. */
    private static Analysis editAndPublish(Document sample, Analysis last, String name, MessageConsumer sink, Workspace ws,
                                           String scriptPath, AnalysisSettings settings, int round) {
        int line = (int) ((round * 7919L) % Math.max(1, sample.lineCount() - 1));
        int version = sample.version();
        for (String text : new String[] {"echo hi\n", ""}) {
            sample.apply(text.isEmpty() ? wholeLine(line) : lineStart(line), text, ++version);
            sample.reparse(name);
            last = Analyzer.analyzeWithoutDryRun(sample.script, sample.text(), scriptPath, ws, settings, sample.choice, last);
            publish(sink, sample.uri, last);
        }
        return last;
    }

    /** Where a line starts (an insertion there puts text before it). */
    private static Range lineStart(int line) {
        return new Range(new Position(line, 0), new Position(line, 0));
    }

    /** A line with its line break (replacing it with nothing deletes it). */
    private static Range wholeLine(int line) {
        return new Range(new Position(line, 0), new Position(line + 1, 0));
    }

    private static String range(int l1, int c1, int l2, int c2) {
        return "{\"start\":{\"line\":" + l1 + ",\"character\":" + c1 + "},\"end\":{\"line\":" + l2 + ",\"character\":" + c2 + "}}";
    }

    /** Writes diagnostics as the server publishes them (to nowhere). */
    private static void publish(MessageConsumer sink, String uri, Analysis analysis) {
        NotificationMessage m = new NotificationMessage();
        m.setMethod("textDocument/publishDiagnostics");
        m.setParams(new PublishDiagnosticsParams(uri, LspConvert.diagnostics(analysis.diagnostics())));
        sink.consume(m);
    }

    /** Writes an answer as the server writes a response (to nowhere), which warms LSP4J's type adapters too. */
    private static void respond(MessageConsumer sink, Object result) {
        ResponseMessage m = new ResponseMessage();
        m.setId("prime");
        m.setResult(result);
        sink.consume(m);
    }
}
