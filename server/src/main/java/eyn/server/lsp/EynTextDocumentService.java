package eyn.server.lsp;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.profile.ProfileChoice;
import eyn.analysis.Analyzer;
import eyn.analysis.Diagnostic;
import eyn.analysis.Workspace;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.analysis.ide.CodeActions;
import eyn.analysis.ide.CompletionEntry;
import eyn.analysis.ide.Completions;
import eyn.analysis.ide.Folding;
import eyn.analysis.ide.Formatter;
import eyn.analysis.ide.Hover;
import eyn.analysis.ide.InlayHints;
import eyn.analysis.ide.Navigation;
import eyn.analysis.ide.SemanticTokens;
import eyn.analysis.ide.SignatureHelp;
import eyn.analysis.ide.Span;
import eyn.analysis.ide.Symbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * textDocument/* requests. Each handler is one call into the analysis: find the document, ask the
 * analysis (on the worker thread, cancellable), convert the answer. Requests on documents that are
 * not open answer null or empty, as LSP allows.
 */
final class EynTextDocumentService implements TextDocumentService {
    private final EynLanguageServer server;
    private final Map<String, Document> documents = new HashMap<>();
    private final Map<String, int[]> lastTokens = new HashMap<>();
    /** The newest version the client sent of each open document, set on the reader thread as changes arrive. */
    private final Map<String, Integer> newestVersions = new java.util.concurrent.ConcurrentHashMap<>();

    EynTextDocumentService(EynLanguageServer server) {
        this.server = server;
    }

    // ---- synchronisation ---------------------------------------------------------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        newestVersions.put(item.getUri(), item.getVersion());
        server.worker.execute(() -> {
            Document doc = new Document(item.getUri(), item.getText(), item.getVersion());
            documents.put(item.getUri(), doc);
            publish(doc);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        int version = params.getTextDocument().getVersion() == null ? -1 : params.getTextDocument().getVersion();
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        newestVersions.put(uri, version); // a dry run of an older version stops at its next statement
        server.worker.execute(() -> {
            Document doc = documents.get(uri);
            if (doc == null) {
                server.log.error("didChange for a document that is not open: " + uri);
                return;
            }
            for (TextDocumentContentChangeEvent c : changes == null ? List.<TextDocumentContentChangeEvent>of() : changes) {
                if (c.getRange() == null) doc.set(c.getText(), version);
                else doc.apply(c.getRange(), c.getText(), version);
            }
            // later changes already queued will publish for themselves: analyse only the newest version
            server.worker.execute(() -> {
                if (documents.get(uri) == doc && doc.version() == version) publish(doc);
            });
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        newestVersions.remove(uri);
        server.worker.execute(() -> {
            documents.remove(uri);
            lastTokens.remove(uri);
            if (server.client != null) server.client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the drive may have changed on disk: look again at every open document
        republishAll();
    }

    void republishAll() {
        server.worker.execute(() -> {
            for (Document doc : documents.values()) {
                doc.analysis = null;
                publish(doc);
            }
            if (server.pullDiagnostics && server.refreshDiagnostics && server.client != null) server.client.refreshDiagnostics();
        });
    }

    private void publish(Document doc) {
        if (server.client == null) return;
        if (server.pullDiagnostics) {
            // the client asks for diagnostics itself; tell it to ask again when they may have changed
            analysis(doc);
            return;
        }
        server.client.publishDiagnostics(new PublishDiagnosticsParams(doc.uri, shown(doc), doc.version()));
    }

    /** The diagnostics the client sees: those at or above the diagnosticsSeverity setting. */
    private List<org.eclipse.lsp4j.Diagnostic> shown(Document doc) {
        Settings settings = server.settings;
        return analysis(doc).diagnostics().stream().filter(d -> settings.shows(d.severity())).map(LspConvert::diagnostic).toList();
    }

    Analysis analysis(Document doc) {
        if (doc.analysis == null) {
            DriveMapping mapping = DriveMapping.of(doc.uri, server.settings, server.workspaceFolder);
            String name = mapping.scriptPath() == null ? "script.eyn" : mapping.scriptPath();
            AnalysisSettings settings = server.settings.analysis();
            eyn.analysis.Workspace ws = eyn.analysis.Workspace.withCallers(mapping.workspace(), server::callersOf);
            ProfileChoice choice = Analyzer.choose(doc.text(), settings);
            Script script = Parser.parse(name, doc.text(), choice.profile().dialect(), doc.lastParse);
            doc.lastParse = script;
            if (doc.text().length() > Analyzer.FULL_ANALYSIS_LIMIT) {
                doc.analysis = Analyzer.syntaxOnly(script, doc.text().length(), choice);
                announce(doc, choice);
                return doc.analysis;
            }
            int version = doc.version();
            // the dry run stops when a newer version arrives or the document is closed
            doc.analysis = eyn.analysis.Cancel.when(() -> !Integer.valueOf(version).equals(newestVersions.get(doc.uri)),
                    () -> Analyzer.analyze(script, doc.text(), mapping.scriptPath(), ws, settings, choice));
            announce(doc, choice);
        }
        return doc.analysis;
    }

    /** The edit converting an open document's Release 13 constructs for EYN-OS 2026 (null when the document is not open). */
    CompletableFuture<WorkspaceEdit> convertTo2026(String uri) {
        return query(uri, doc -> {
            List<TextEdit> edits = eyn.analysis.ide.Conversion2026.all(doc.text()).stream().map(LspConvert::edit).toList();
            return new WorkspaceEdit(Map.of(uri, edits));
        });
    }

    /** The calls an open document makes, for the analysis of the scripts it calls (cached per version). */
    List<eyn.analysis.CallSite> calls(Document doc) {
        List<eyn.analysis.CallSite> c = doc.calls;
        if (c == null) {
            String path = DriveMapping.of(doc.uri, server.settings, server.workspaceFolder).scriptPath();
            c = path == null ? List.of() : eyn.analysis.CallSite.in(path, doc.text());
            doc.calls = c;
        }
        return c;
    }

    /** Tells the client which profile a document is read as, when that is new or changed. */
    private void announce(Document doc, ProfileChoice choice) {
        String key = choice.profile().id() + "|" + choice.source().id() + "|" + choice.reason();
        EynLanguageClient c = server.eynClient;
        if (c == null || key.equals(doc.announcedProfile)) return;
        doc.announcedProfile = key;
        c.profile(new EynLanguageClient.ProfileParams(doc.uri, choice.profile().id(), choice.profile().title(),
                choice.source().id(), choice.reason()));
    }

    Map<String, Document> openDocuments() {
        return documents;
    }

    /** Runs a query on the worker for an open document; null when the document is not open. */
    private <T> CompletableFuture<T> query(String uri, Function<Document, T> body) {
        if (server.isShutdown()) {
            CompletableFuture<T> failed = new CompletableFuture<>();
            failed.completeExceptionally(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidRequest, "The server is shut down", null)));
            return failed;
        }
        return CompletableFutures.computeAsync(server.worker, cancel -> {
            Document doc = documents.get(uri);
            if (doc == null) return null;
            cancel.checkCanceled();
            return body.apply(doc);
        });
    }

    private static int line(Position p) {
        return p == null ? 0 : p.getLine();
    }

    private static int column(Position p) {
        return p == null ? 0 : p.getCharacter();
    }

    // ---- diagnostics (pull) ------------------------------------------------------------------

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            List<org.eclipse.lsp4j.Diagnostic> list = shown(doc);
            RelatedFullDocumentDiagnosticReport report = new RelatedFullDocumentDiagnosticReport(new ArrayList<>(list));
            report.setResultId(String.valueOf(doc.version()));
            return new DocumentDiagnosticReport(report);
        }).thenApply(r -> r == null ? new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(new ArrayList<>())) : r);
    }

    // ---- completion, hover, signatures -------------------------------------------------------

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            Analysis a = analysis(doc);
            Workspace ws = DriveMapping.of(doc.uri, server.settings, server.workspaceFolder).workspace();
            List<CompletionEntry> entries = Completions.at(a, ws, line(params.getPosition()), column(params.getPosition()));
            List<CompletionItem> items = entries.stream().map(e -> LspConvert.completion(e, server.snippets)).toList();
            return Either.<List<CompletionItem>, CompletionList>forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        if (item.getData() != null && item.getDocumentation() == null) {
            Object data = item.getData();
            String text = data instanceof com.google.gson.JsonPrimitive p ? p.getAsString() : data.toString();
            item.setDocumentation(LspConvert.markdown(text));
        }
        return CompletableFuture.completedFuture(item);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.Hover> hover(HoverParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            Hover.Info info = Hover.at(analysis(doc), line(params.getPosition()), column(params.getPosition()));
            return info == null ? null : new org.eclipse.lsp4j.Hover(LspConvert.markdown(info.markdown()), LspConvert.range(info.range()));
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            SignatureHelp.Info info = SignatureHelp.at(analysis(doc), line(params.getPosition()), column(params.getPosition()));
            if (info == null) return null;
            SignatureInformation sig = new SignatureInformation(info.label());
            sig.setDocumentation(LspConvert.markdown(info.documentation()));
            sig.setParameters(info.parameters().stream().map(p -> {
                ParameterInformation pi = new ParameterInformation();
                pi.setLabel(Either.forRight(new org.eclipse.lsp4j.jsonrpc.messages.Tuple.Two<>(p.start(), p.end())));
                pi.setDocumentation(LspConvert.markdown(p.documentation()));
                return pi;
            }).toList());
            return new org.eclipse.lsp4j.SignatureHelp(List.of(sig), 0, info.active());
        });
    }

    // ---- navigation --------------------------------------------------------------------------

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            Analysis a = analysis(doc);
            int l = line(params.getPosition());
            int c = column(params.getPosition());
            List<Location> out = new ArrayList<>();
            String name = Navigation.variableAt(a, l, c);
            if (name != null) {
                for (Navigation.Place p : Navigation.definitions(a, name)) out.add(new Location(uri, LspConvert.range(p.span())));
            } else {
                for (Navigation.Place p : Navigation.fd(a, l, c)) if (p.write()) out.add(new Location(uri, LspConvert.range(p.span())));
                DriveMapping mapping = DriveMapping.of(uri, server.settings, server.workspaceFolder);
                for (Navigation.Link link : Navigation.links(a)) {
                    if (link.span().line() == l && link.span().contains(c)) {
                        String target = mapping.uriOf(link.path());
                        if (target != null && DriveMapping.path(target) != null && java.nio.file.Files.isRegularFile(DriveMapping.path(target))) {
                            out.add(new Location(target, new Range(new Position(0, 0), new Position(0, 0))));
                        }
                    }
                }
            }
            return Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(out);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            List<Location> out = new ArrayList<>();
            for (Navigation.Place p : places(analysis(doc), params.getPosition())) {
                boolean include = params.getContext() == null || params.getContext().isIncludeDeclaration() || !p.write();
                if (include) out.add(new Location(uri, LspConvert.range(p.span())));
            }
            return out;
        });
    }

    private static List<Navigation.Place> places(Analysis a, Position position) {
        String name = Navigation.variableAt(a, line(position), column(position));
        return name != null ? Navigation.variable(a, name) : Navigation.fd(a, line(position), column(position));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return query(params.getTextDocument().getUri(), doc -> places(analysis(doc), params.getPosition()).stream()
                .map(p -> new DocumentHighlight(LspConvert.range(p.span()), p.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                .toList());
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            Analysis a = analysis(doc);
            String name = Navigation.variableAt(a, line(params.getPosition()), column(params.getPosition()));
            if (name == null) return null;
            for (Navigation.Place p : Navigation.variable(a, name)) {
                if (p.span().line() == line(params.getPosition()) && p.span().start() <= column(params.getPosition())
                        && column(params.getPosition()) <= p.span().end() + 1) {
                    return Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
                            new PrepareRenameResult(LspConvert.range(p.span()), name));
                }
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            if (!Navigation.validName(params.getNewName())) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "'" + params.getNewName() + "' is not a variable name: use up to 31 letters, digits and _", null));
            }
            Analysis a = analysis(doc);
            String name = Navigation.variableAt(a, line(params.getPosition()), column(params.getPosition()));
            if (name == null) return null;
            List<TextEdit> edits = Navigation.variable(a, name).stream()
                    .map(p -> new TextEdit(LspConvert.range(p.span()), params.getNewName())).toList();
            return new WorkspaceEdit(Map.of(uri, edits));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            Analysis a = analysis(doc);
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (Symbols.Symbol s : Symbols.document(a)) out.add(Either.forRight(LspConvert.symbol(s, doc)));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            DriveMapping mapping = DriveMapping.of(uri, server.settings, server.workspaceFolder);
            Workspace ws = mapping.workspace();
            List<DocumentLink> out = new ArrayList<>();
            for (Navigation.Link link : Navigation.links(analysis(doc))) {
                var entry = ws.stat(link.path());
                String target = mapping.uriOf(link.path());
                if (entry != null && !entry.directory() && target != null) out.add(new DocumentLink(LspConvert.range(link.span()), target));
            }
            return out;
        });
    }

    // ---- editing -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return query(params.getTextDocument().getUri(), doc -> Folding.of(analysis(doc).script()).stream().map(r -> {
            FoldingRange f = new FoldingRange(r.startLine(), r.endLine());
            f.setKind(r.comment() ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
            return f;
        }).toList());
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            int[] data = SemanticTokens.encode(SemanticTokens.of(analysis(doc).script(), analysis(doc).profile().commands()));
            lastTokens.put(uri, data);
            org.eclipse.lsp4j.SemanticTokens tokens = new org.eclipse.lsp4j.SemanticTokens(boxed(data));
            tokens.setResultId(uri + "#" + doc.version());
            return tokens;
        });
    }

    @Override
    public CompletableFuture<Either<org.eclipse.lsp4j.SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(SemanticTokensDeltaParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            int[] previous = lastTokens.get(uri);
            int[] data = SemanticTokens.encode(SemanticTokens.of(analysis(doc).script(), analysis(doc).profile().commands()));
            lastTokens.put(uri, data);
            String resultId = uri + "#" + doc.version();
            if (previous == null) {
                org.eclipse.lsp4j.SemanticTokens full = new org.eclipse.lsp4j.SemanticTokens(boxed(data));
                full.setResultId(resultId);
                return Either.<org.eclipse.lsp4j.SemanticTokens, SemanticTokensDelta>forLeft(full);
            }
            int prefix = 0;
            while (prefix < previous.length && prefix < data.length && previous[prefix] == data[prefix]) prefix++;
            int suffix = 0;
            while (suffix < previous.length - prefix && suffix < data.length - prefix
                    && previous[previous.length - 1 - suffix] == data[data.length - 1 - suffix]) suffix++;
            List<SemanticTokensEdit> edits = new ArrayList<>();
            if (prefix != previous.length || prefix != data.length) {
                List<Integer> inserted = new ArrayList<>();
                for (int k = prefix; k < data.length - suffix; k++) inserted.add(data[k]);
                edits.add(new SemanticTokensEdit(prefix, previous.length - suffix - prefix, inserted));
            }
            return Either.<org.eclipse.lsp4j.SemanticTokens, SemanticTokensDelta>forRight(new SemanticTokensDelta(edits, resultId));
        });
    }

    private static List<Integer> boxed(int[] data) {
        List<Integer> out = new ArrayList<>(data.length);
        for (int v : data) out.add(v);
        return out;
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return query(params.getTextDocument().getUri(), doc -> Formatter.format(analysis(doc).script(), unit(params.getOptions()),
                0, Integer.MAX_VALUE).stream().map(LspConvert::edit).toList());
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return query(params.getTextDocument().getUri(), doc -> Formatter.format(analysis(doc).script(), unit(params.getOptions()),
                line(params.getRange().getStart()), line(params.getRange().getEnd())).stream().map(LspConvert::edit).toList());
    }

    private static String unit(FormattingOptions options) {
        if (options == null) return "  ";
        return options.isInsertSpaces() ? " ".repeat(Math.max(0, Math.min(16, options.getTabSize()))) : "\t";
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            Analysis a = analysis(doc);
            Range r = params.getRange();
            List<Diagnostic> inRange = a.diagnostics().stream()
                    .filter(d -> d.line() >= line(r.getStart()) && d.line() <= line(r.getEnd())).toList();
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (CodeActions.Fix fix : CodeActions.forDiagnostics(a, inRange)) {
                CodeAction action = new CodeAction(fix.title());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(LspConvert.diagnostic(fix.diagnostic())));
                action.setEdit(new WorkspaceEdit(Map.of(uri, fix.edits().stream().map(LspConvert::edit).toList())));
                action.setIsPreferred(fix.preferred());
                out.add(Either.forRight(action));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return query(params.getTextDocument().getUri(), doc -> {
            Range r = params.getRange();
            return InlayHints.of(analysis(doc), line(r.getStart()), line(r.getEnd())).stream().map(h -> {
                InlayHint hint = new InlayHint(new Position(h.line(), h.column()), Either.forLeft(h.label()));
                hint.setKind(InlayHintKind.Type);
                hint.setPaddingLeft(true);
                hint.setTooltip(h.tooltip());
                return hint;
            }).toList();
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        String uri = params.getTextDocument().getUri();
        return query(uri, doc -> {
            Range top = new Range(new Position(0, 0), new Position(0, 0));
            return List.of(new CodeLens(top, new Command("▶ Run", EynLanguageServer.RUN_COMMAND, List.of(uri)), null),
                    new CodeLens(top, new Command("Debug", EynLanguageServer.DEBUG_COMMAND, List.of(uri)), null));
        });
    }
}
