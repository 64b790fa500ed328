package eyn.server.lsp;

import com.google.gson.JsonElement;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings changes, watched files, and workspace symbols over every script of the workspace folder. */
final class EynWorkspaceService implements WorkspaceService {
    static final int MAX_SCRIPTS = 5000;
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final EynLanguageServer server;
    private final EynTextDocumentService documents;
    /** uri -> symbols of that script, as of the last index or edit. */
    private final Map<String, List<WorkspaceSymbol>> index = new ConcurrentHashMap<>();
    /** uri -> the calls that script makes (2026 scripts), as of the last index or edit of an open document. */
    private final Map<String, List<eyn.analysis.CallSite>> calls = new ConcurrentHashMap<>();

    EynWorkspaceService(EynLanguageServer server, EynTextDocumentService documents) {
        this.server = server;
        this.documents = documents;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Object settings = params.getSettings();
        server.settingsChanged(server.settings.merge(settings instanceof JsonElement j ? j : null));
    }

    /** eyn.convertTo2026 [uri]: rewrites the document for EYN-OS 2026 through workspace/applyEdit, and returns the edit. */
    @Override
    public CompletableFuture<Object> executeCommand(org.eclipse.lsp4j.ExecuteCommandParams params) {
        if (params == null || !EynLanguageServer.CONVERT_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.failedFuture(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
                    "Unknown command " + (params == null ? "" : params.getCommand()) + "; this server runs " + EynLanguageServer.CONVERT_COMMAND, null)));
        }
        String uri = null;
        List<Object> args = params.getArguments();
        if (args != null && !args.isEmpty()) {
            Object a = args.get(0);
            if (a instanceof JsonElement j && j.isJsonPrimitive()) uri = j.getAsString();
            else if (a instanceof JsonElement j && j.isJsonObject() && j.getAsJsonObject().has("uri")) uri = j.getAsJsonObject().get("uri").getAsString();
            else if (a instanceof String str) uri = str;
        }
        if (uri == null) {
            return CompletableFuture.failedFuture(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams,
                    EynLanguageServer.CONVERT_COMMAND + " takes the document's URI as its argument", null)));
        }
        return documents.convertTo2026(uri).thenApply(edit -> {
            if (edit != null && server.client != null) {
                server.client.applyEdit(new org.eclipse.lsp4j.ApplyWorkspaceEditParams(edit, "Convert script to EYN-OS 2026"));
            }
            return edit;
        });
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        documents.republishAll();
        index();
    }

    @Override
    public CompletableFuture<Either<List<? extends org.eclipse.lsp4j.SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery().toLowerCase(Locale.ROOT);
        return CompletableFuture.supplyAsync(() -> {
            // open documents speak for themselves: their text may be newer than the disk
            for (Document doc : List.copyOf(documents.openDocuments().values())) index.put(doc.uri, symbols(doc.uri, doc.text()));
            List<WorkspaceSymbol> out = new ArrayList<>();
            for (List<WorkspaceSymbol> list : index.values()) {
                for (WorkspaceSymbol s : list) if (s.getName().toLowerCase(Locale.ROOT).contains(query)) out.add(s);
            }
            out.sort((a, b) -> a.getName().compareTo(b.getName()));
            return Either.<List<? extends org.eclipse.lsp4j.SymbolInformation>, List<? extends WorkspaceSymbol>>forRight(
                    out.size() > 1000 ? out.subList(0, 1000) : out);
        }, server.worker);
    }

    /** Indexes every .eyn and .shell file under the workspace folder, with $/progress when the client supports it. */
    void index() {
        Path root = server.workspaceFolder;
        if (root == null) return;
        Thread t = new Thread(() -> {
            String token = "eyn-index-" + System.nanoTime();
            boolean report = server.progress && server.client != null && created(token);
            List<Path> scripts = scripts(root);
            if (report) begin(token, scripts.size());
            int done = 0;
            for (Path p : scripts) {
                try {
                    if (Files.size(p) <= MAX_BYTES) {
                        String uri = p.toUri().toString();
                        String text = Files.readString(p, StandardCharsets.UTF_8);
                        index.put(uri, symbols(uri, text));
                        calls.put(uri, eyn.analysis.CallSite.in("/" + root.relativize(p).toString().replace('\\', '/'), text));
                    }
                } catch (IOException | RuntimeException e) {
                    server.log.verbose("cannot index " + p + ": " + e.getMessage());
                }
                if (report && ++done % 50 == 0) reportProgress(token, done, scripts.size());
            }
            if (report) end(token, scripts.size());
            server.log.info("indexed " + scripts.size() + " scripts under " + root);
        }, "eyn-lsp-index");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The calls of the script at a drive path: from the index for closed files, and from the current
     * text of open documents (cached per version), never from the script itself.
     */
    List<eyn.analysis.CallSite> callersOf(String scriptPath) {
        List<eyn.analysis.CallSite> out = new ArrayList<>();
        Map<String, Document> open = documents.openDocuments();
        for (Map.Entry<String, List<eyn.analysis.CallSite>> e : calls.entrySet()) {
            if (open.containsKey(e.getKey())) continue;
            for (eyn.analysis.CallSite c : e.getValue()) if (c.callee().equals(scriptPath) && !c.caller().equals(scriptPath)) out.add(c);
        }
        for (Document doc : List.copyOf(open.values())) {
            // the script's own calls never count: not computed for it at every keystroke
            if (scriptPath.equals(documents.mapping(doc).scriptPath())) continue;
            for (eyn.analysis.CallSite c : documents.calls(doc)) {
                if (c.callee().equals(scriptPath) && !c.caller().equals(scriptPath)) out.add(c);
            }
        }
        return out;
    }

    private boolean created(String token) {
        try {
            server.client.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void begin(String token, int total) {
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle("Indexing EYN scripts");
        b.setMessage(total + " scripts");
        b.setPercentage(0);
        server.client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(b)));
    }

    private void reportProgress(String token, int done, int total) {
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(done + "/" + total);
        r.setPercentage(total == 0 ? 100 : done * 100 / total);
        server.client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(r)));
    }

    private void end(String token, int total) {
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage("Indexed " + total + " scripts");
        server.client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(e)));
    }

    private static List<Path> scripts(Path root) {
        try (Stream<Path> files = Files.walk(root, 12)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".eyn") || n.endsWith(".shell")) && Files.isRegularFile(p) && !p.toString().contains("/node_modules/")
                        && !p.toString().contains("/target/") && !p.toString().contains("/.git/");
            }).limit(MAX_SCRIPTS).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The variables a script sets (first assignment of each), and the script itself. */
    static List<WorkspaceSymbol> symbols(String uri, String text) {
        Script script = Parser.parse(uri, text);
        List<WorkspaceSymbol> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        out.add(new WorkspaceSymbol(name, SymbolKind.File, Either.forLeft(new Location(uri, LspConvert.range(0, 0, 0)))));
        for (ScriptLine line : script.lines()) {
            if (line.kind() != LineKind.SET) continue;
            LineParts.Assignment a = LineParts.assignment(line);
            if (!a.hasEquals() || a.key().isEmpty() || !seen.add(a.key())) continue;
            WorkspaceSymbol s = new WorkspaceSymbol(a.key(), SymbolKind.Variable, Either.forLeft(new Location(uri,
                    LspConvert.range(line.index(), a.keyStart(), a.keyStart() + a.key().length()))));
            s.setContainerName(name);
            out.add(s);
        }
        return out;
    }
}
