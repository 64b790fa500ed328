package eyn.server.lsp;

import eyn.analysis.Analysis;
import eyn.analysis.AnalysisSettings;
import eyn.profile.ProfileChoice;
import eyn.analysis.Analyzer;
import eyn.analysis.CursorAnalysis;
import eyn.profile.ProfileChooser;
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
 * textDocument/* requests. The worker thread owns the open documents: it applies edits, re-parses
 * the lines they touched and answers requests at a line (completion, hover, signature help) from the
 * cursor ({@link CursorAnalysis}), never waiting for a whole-file pass. The analysis thread makes the
 * whole-file analysis of the newest version in the background, skipping versions that a newer one
 * replaced, and publishes its diagnostics only while its version is still the newest; the dry run
 * follows on a thread of its own, within its time budget, and adds its facts when it finishes.
 * Requests about the whole file wait for the complete analysis of the version they were asked about.
 * Requests on documents that are not open answer null or empty, as LSP allows.
 */
final class EynTextDocumentService implements TextDocumentService {
    private final EynLanguageServer server;
    private final Map<String, Document> documents = new HashMap<>();
    private final Map<String, int[]> lastTokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** The newest version the client sent of each open document, set on the reader thread as changes arrive. */
    private final Map<String, Integer> newestVersions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The newest snapshot of each document waiting for the analysis thread: older ones are dropped unseen. */
    private final Map<String, Document.Snapshot> waiting = new java.util.concurrent.ConcurrentHashMap<>();
    /** The profile last announced to the client per document (eyn/profile), to announce changes only. */
    private final Map<String, String> announced = new java.util.concurrent.ConcurrentHashMap<>();
    /** The drive each open document is checked against, for requests at a line (refreshed on save and settings). */
    private final Map<String, Workspace> cursorWorkspaces = new HashMap<>();
    /** When each document last changed (System.nanoTime), for the debounce of its whole-file analysis. */
    private final Map<String, LastChange> lastChanges = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * When a document last changed and to which version; whether that change waits for a quiet time (it
     * came within the quiet time of a change whose analysis had not been made); whether its analysis has been made.
     */
    private record LastChange(long at, int version, boolean waits, boolean analysed) {
        LastChange analysedNow() {
            return new LastChange(at, version, waits, true);
        }
    }
    /**
     * How long a document must go without a change before its whole-file analysis starts (see
     * {@link #awaitQuiet}): 15 ms, or {@code -Deyn.lsp.quietMs=N}.
     */
    private final long quietNanos = Long.getLong("eyn.lsp.quietMs", 15) * 1_000_000L;
    /**
     * The last two whole-file analyses the analysis thread made of each open document, with the generation
     * of settings they were made under: the next version's analysis continues the one that differs from it
     * in fewer lines. Two, because an editor's burst often ends where it began (a line typed and undone):
     * the last analysis may be of the burst's middle, with an edit far from the next one, and continuing
     * it would analyse everything between the two edits again (40,528 of 50,000 lines in the benchmark's
     * first edit after its hover rounds, where the analysis before it needed 5).
     */
    private final Map<String, Made> lastMade = new java.util.concurrent.ConcurrentHashMap<>();

    private record Made(int generation, Analysis analysis, Analysis before) {}

    /** Past this many differing lines, the older of the two analyses is tried too (comparing costs a pass of reference checks). */
    private static final int CLOSE_ENOUGH = 64;

    /** The one of the two analyses (made under the same generation) that differs less from {@code script}. */
    private static Analysis closest(Made made, Script script) {
        if (made.before() == null) return made.analysis();
        int last = Analyzer.differingLines(made.analysis(), script);
        if (last <= CLOSE_ENOUGH) return made.analysis();
        return Analyzer.differingLines(made.before(), script) < last ? made.before() : made.analysis();
    }

    /** Whether the JIT has been primed on the keystroke paths (once per server, see {@link Priming}). */
    private final java.util.concurrent.atomic.AtomicBoolean primed = new java.util.concurrent.atomic.AtomicBoolean();

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
            cursorWorkspaces.remove(doc.uri);
            doc.choice = Analyzer.choose(doc.text(), server.settings.analysis());
            reparse(doc);
            schedule(doc);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        int version = params.getTextDocument().getVersion() == null ? -1 : params.getTextDocument().getVersion();
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        newestVersions.put(uri, version); // an analysis of an older version stops at its next check
        long now = System.nanoTime();
        lastChanges.compute(uri, (u, before) -> new LastChange(now, version,
                before != null && !before.analysed() && now - before.at() < quietNanos, false));
        server.worker.execute(() -> {
            Document doc = documents.get(uri);
            if (doc == null) {
                server.log.error("didChange for a document that is not open: " + uri);
                return;
            }
            boolean rechoose = false;
            for (TextDocumentContentChangeEvent c : changes == null ? List.<TextDocumentContentChangeEvent>of() : changes) {
                if (c.getRange() == null) {
                    doc.set(c.getText(), version);
                    rechoose = true;
                } else {
                    rechoose |= weighs(doc.apply(c.getRange(), c.getText(), version));
                }
            }
            if (rechoose || doc.choice == null) doc.choice = Analyzer.choose(doc.text(), server.settings.analysis());
            reparse(doc);
            schedule(doc);
        });
    }

    /**
     * Whether an edit may change the profile: it touched line 1 (the profile comment), or it removed or
     * added a line with a construct of one generation (lines it only moved do not count).
     */
    private static boolean weighs(Document.Edit edit) {
        if (edit.line() == 0) return true;
        List<String> added = new ArrayList<>(edit.inserted());
        for (String gone : edit.removed()) {
            if (!added.remove(gone) && ProfileChooser.weighs(gone)) return true;
        }
        for (String line : added) if (ProfileChooser.weighs(line)) return true;
        return false;
    }

    /** Where a document's drive is (worker only): kept until the settings or the workspace change. */
    DriveMapping mapping(Document doc) {
        if (doc.mapping == null) doc.mapping = DriveMapping.of(doc.uri, server.settings, server.workspaceFolder);
        return doc.mapping;
    }

    /** Parses the current version, reusing the unchanged lines of the previous parse. */
    private void reparse(Document doc) {
        DriveMapping mapping = mapping(doc);
        doc.reparse(mapping.scriptPath() == null ? "script.eyn" : mapping.scriptPath());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        newestVersions.remove(uri);
        lastChanges.remove(uri);
        lastMade.remove(uri);
        server.worker.execute(() -> {
            Document doc = documents.remove(uri);
            if (doc != null && !doc.complete.isDone()) doc.complete.completeExceptionally(new Document.ContentModified());
            lastTokens.remove(uri);
            announced.remove(uri);
            cursorWorkspaces.remove(uri);
            if (server.client != null) server.client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the drive may have changed on disk: look again at every open document
        republishAll();
    }

    /** Settings, the drive or the workspace changed: analyse every open document again, from scratch. */
    void republishAll() {
        server.worker.execute(() -> {
            cursorWorkspaces.clear();
            for (Document doc : documents.values()) {
                doc.mapping = null;
                doc.generation = Document.newGeneration();
                doc.lastComplete = null;
                doc.current = null;
                if (doc.complete.isDone()) doc.complete = new java.util.concurrent.CompletableFuture<>();
                doc.choice = Analyzer.choose(doc.text(), server.settings.analysis());
                reparse(doc);
                schedule(doc);
            }
        });
    }

    // ---- the background analysis -------------------------------------------------------------

    /** Hands this version to the analysis thread; a version still waiting there is replaced. */
    private void schedule(Document doc) {
        List<eyn.analysis.CallSite> callers = List.of();
        String path = mapping(doc).scriptPath();
        if (path != null && doc.choice.profile() == eyn.profile.Profiles.Y2026) callers = server.callersOf(path);
        waiting.put(doc.uri, doc.snapshot(callers));
        // versions that wait while an analysis runs are skipped: the debounce that matters, with no delay added
        server.handOff(server.analysis, () -> analyse(doc.uri));
    }

    /**
     * The debounce: a whole-file analysis starts only once a document has had no change for
     * {@link #quietNanos}, so that while keys come faster than that (a fast typist, a paste, an
     * editor's burst of changes) the requests at the cursor get the machine to themselves instead of
     * sharing its cores with analyses that the next keystroke cancels. Only a change that comes within
     * the quiet time of one whose analysis has not been made waits: a change after a quiet time (a lone
     * edit, a human's keystroke, the first of a burst) or after the diagnostics of the change before it
     * (an edit and its undo each waited for, as a test client or a fast typist on a small script does) is
     * analysed at once, since waiting would only add the quiet time to its diagnostics, and should
     * another change follow, the analysis stops at its next check.
     */
    private void awaitQuiet(String uri) {
        while (true) {
            LastChange last = lastChanges.get(uri);
            if (last == null || !last.waits()) return;
            long wait = last.at() + quietNanos - System.nanoTime();
            if (wait <= 0) return;
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) return;
        }
    }

    private boolean stale(Document.Snapshot s) {
        return !Integer.valueOf(s.version()).equals(newestVersions.get(s.uri()));
    }

    /** On the analysis thread: the complete analysis of the newest waiting version of a document. */
    private void analyse(String uri) {
        awaitQuiet(uri);
        Document.Snapshot s = waiting.remove(uri);
        if (s == null || stale(s)) return;
        // the text is made only where something reads it (a 2026 analysis, a dry run): a Release 13 analysis reads the parse
        java.util.function.Supplier<String> text = new java.util.function.Supplier<>() {
            private String made;
            @Override public String get() {
                if (made == null) made = s.text();
                return made;
            }
        };
        AnalysisSettings settings = server.settings.analysis();
        DriveMapping mapping = DriveMapping.of(uri, server.settings, server.workspaceFolder);
        ProfileChoice choice = Analyzer.choose(s.lines(), settings);
        Script script = s.script().dialect() == choice.profile().dialect() ? s.script()
                : Parser.parse(s.script().name(), text.get(), choice.profile().dialect());
        Workspace ws = s.callers().isEmpty() ? mapping.workspace() : Workspace.withCallers(mapping.workspace(), p -> s.callers());
        Made made = lastMade.get(uri);
        Analysis previous = made != null && made.generation() == s.generation() ? closest(made, script) : null;
        Analysis found;
        try {
            found = s.length() > Analyzer.FULL_ANALYSIS_LIMIT ? Analyzer.syntaxOnly(script, s.length(), choice)
                    : eyn.analysis.Cancel.when(() -> stale(s),
                            () -> Analyzer.analyzeWithoutDryRun(script, text, mapping.scriptPath(), ws, settings, choice, previous));
        } catch (java.util.concurrent.CancellationException e) {
            return; // a newer version is on its way
        }
        if (newestVersions.containsKey(uri)) {
            lastMade.put(uri, new Made(s.generation(), found, made != null && made.generation() == s.generation() ? made.analysis() : null));
        }
        announce(uri, choice);
        if (!install(s, found)) return;
        lastChanges.computeIfPresent(uri, (u, c) -> c.version() == s.version() ? c.analysedNow() : c);
        publish(s, found);
        if (Priming.enabled() && s.length() <= Analyzer.FULL_ANALYSIS_LIMIT && !primed.getAndSet(true)) {
            Priming.startInBackground(s, choice, found, ws, mapping.scriptPath(), settings, server.snippets, server::isShutdown);
        }
        if (Analyzer.wantsDryRun(found, text, ws, settings)) {
            String source = text.get();
            server.handOff(server.dryRuns, () -> dryRun(s, found, source, mapping, ws, settings));
        }
    }

    /** On the dry-run thread: the same analysis with the dry run's facts, published if its version is still the newest. */
    private void dryRun(Document.Snapshot s, Analysis found, String text, DriveMapping mapping, Workspace ws, AnalysisSettings settings) {
        if (stale(s)) return;
        Analysis withFacts = eyn.analysis.Cancel.when(() -> stale(s), () -> Analyzer.withDryRun(found, text, mapping.scriptPath(), ws, settings));
        if (stale(s) || !install(s, withFacts)) return;
        publish(s, withFacts);
        if (server.pullDiagnostics && server.refreshDiagnostics && server.client != null) server.client.refreshDiagnostics();
    }

    /**
     * Hands a finished analysis to the worker and waits until it is kept there, so that a client that
     * sees its diagnostics and asks at once gets answers from it; false when the server is closing.
     */
    private boolean install(Document.Snapshot s, Analysis analysis) {
        try {
            CompletableFuture.runAsync(() -> keep(s, analysis), server.worker).join();
            return true;
        } catch (java.util.concurrent.RejectedExecutionException | java.util.concurrent.CompletionException e) {
            return false;
        }
    }

    /** On the worker: keeps a finished analysis for requests, if its document is still open at that version. */
    private void keep(Document.Snapshot s, Analysis analysis) {
        Document doc = documents.get(s.uri());
        if (doc == null || doc.generation != s.generation()) return; // made under settings that have changed since
        if (doc.lastComplete == null || s.version() >= doc.lastCompleteVersion) {
            doc.lastComplete = analysis;
            doc.lastCompleteVersion = s.version();
        }
        if (doc.version() != s.version()) return;
        doc.current = analysis;
        doc.complete.complete(analysis);
    }

    private void publish(Document.Snapshot s, Analysis analysis) {
        if (server.client == null || server.pullDiagnostics || stale(s)) return;
        server.client.publishDiagnostics(new PublishDiagnosticsParams(s.uri(), shown(analysis), s.version()));
    }

    /** The diagnostics the client sees: those at or above the diagnosticsSeverity setting (see {@link LspConvert#diagnostics}). */
    private List<org.eclipse.lsp4j.Diagnostic> shown(Analysis analysis) {
        Settings settings = server.settings;
        List<eyn.analysis.Diagnostic> all = analysis.diagnostics();
        return LspConvert.diagnostics(all.stream().allMatch(d -> settings.shows(d.severity())) ? all
                : all.stream().filter(d -> settings.shows(d.severity())).toList());
    }

    /** The edit converting an open document's Release 13 constructs for EYN-OS 2026 (null when the document is not open). */
    CompletableFuture<WorkspaceEdit> convertTo2026(String uri) {
        return whole(uri, (s, a) -> {
            List<TextEdit> edits = eyn.analysis.ide.Conversion2026.all(s.text()).stream().map(LspConvert::edit).toList();
            return new WorkspaceEdit(Map.of(uri, edits));
        });
    }

    /** The calls an open document makes, for the analysis of the scripts it calls (cached per version). */
    List<eyn.analysis.CallSite> calls(Document doc) {
        List<eyn.analysis.CallSite> c = doc.calls;
        if (c == null) {
            String path = mapping(doc).scriptPath();
            c = path == null ? List.of() : eyn.analysis.CallSite.in(path, doc.text());
            doc.calls = c;
        }
        return c;
    }

    /** Tells the client which profile a document is read as, when that is new or changed. */
    private void announce(String uri, ProfileChoice choice) {
        String key = choice.profile().id() + "|" + choice.source().id() + "|" + choice.reason();
        EynLanguageClient c = server.eynClient;
        if (c == null || key.equals(announced.put(uri, key))) return;
        c.profile(new EynLanguageClient.ProfileParams(uri, choice.profile().id(), choice.profile().title(),
                choice.source().id(), choice.reason()));
    }

    Map<String, Document> openDocuments() {
        return documents;
    }

    // ---- how requests are answered ------------------------------------------------------------

    private static <T> CompletableFuture<T> shutDown() {
        CompletableFuture<T> failed = new CompletableFuture<>();
        failed.completeExceptionally(new ResponseErrorException(
                new ResponseError(ResponseErrorCode.InvalidRequest, "The server is shut down", null)));
        return failed;
    }

    /** Runs a query on the worker for an open document; null when the document is not open. */
    private <T> CompletableFuture<T> query(String uri, Function<Document, T> body) {
        if (server.isShutdown()) return shutDown();
        return CompletableFutures.computeAsync(server.worker, cancel -> {
            Document doc = documents.get(uri);
            if (doc == null) return null;
            cancel.checkCanceled();
            return body.apply(doc);
        });
    }

    /**
     * A request at one line: answered on the worker from this version's complete analysis when the
     * background has made it, else from the cursor (the unchanged prefix of the last complete analysis
     * and the lines from there to the request's line).
     */
    private <T> CompletableFuture<T> atLine(String uri, Position position, java.util.function.BiFunction<Analysis, Workspace, T> body) {
        return query(uri, doc -> {
            Workspace ws = cursorWorkspaces.computeIfAbsent(uri, u -> mapping(doc).workspace());
            Analysis a = doc.current != null ? doc.current : CursorAnalysis.at(doc.script, doc.choice, doc.lastComplete,
                    line(position), mapping(doc).scriptPath(), ws, server.settings.analysis());
            return body.apply(a, ws);
        });
    }

    /**
     * A request about the whole file: answered, off the worker, from the complete analysis of the
     * version the document had when the request arrived; ContentModified if a newer version replaced
     * it before that analysis was made.
     */
    private <T> CompletableFuture<T> whole(String uri, java.util.function.BiFunction<Document.Snapshot, Analysis, T> body) {
        if (server.isShutdown()) return shutDown();
        CompletableFuture<T> result = new CompletableFuture<>();
        server.worker.execute(() -> {
            Document doc = documents.get(uri);
            if (doc == null) {
                result.complete(null);
                return;
            }
            Document.Snapshot s = doc.snapshot(List.of());
            CompletableFuture<Analysis> made = doc.current != null ? CompletableFuture.completedFuture(doc.current) : doc.complete;
            made.whenCompleteAsync((a, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure instanceof Document.ContentModified || failure.getCause() instanceof Document.ContentModified
                            ? new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified, "The document changed: ask again", null))
                            : failure);
                    return;
                }
                try {
                    result.complete(body.apply(s, a));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }, server.analysis);
        });
        return result;
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
        return whole(params.getTextDocument().getUri(), (doc, a) -> {
            List<org.eclipse.lsp4j.Diagnostic> list = shown(a);
            RelatedFullDocumentDiagnosticReport report = new RelatedFullDocumentDiagnosticReport(new ArrayList<>(list));
            report.setResultId(String.valueOf(doc.version()));
            return new DocumentDiagnosticReport(report);
        }).thenApply(r -> r == null ? new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(new ArrayList<>())) : r);
    }

    // ---- completion, hover, signatures -------------------------------------------------------

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return atLine(params.getTextDocument().getUri(), params.getPosition(), (a, ws) -> {
            List<CompletionEntry> entries = Completions.at(a, ws, line(params.getPosition()), column(params.getPosition()));
            return Either.<List<CompletionItem>, CompletionList>forRight(LspConvert.completionList(entries, server.snippets, a.profile()));
        });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        if (item.getData() != null && item.getDocumentation() == null) {
            String text = LspConvert.help(item.getData());
            if (text != null) item.setDocumentation(LspConvert.markdown(text));
        }
        return CompletableFuture.completedFuture(item);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.Hover> hover(HoverParams params) {
        return atLine(params.getTextDocument().getUri(), params.getPosition(), (a, ws) -> {
            Hover.Info info = Hover.at(a, line(params.getPosition()), column(params.getPosition()));
            return info == null ? null : new org.eclipse.lsp4j.Hover(LspConvert.markdown(info.markdown()), LspConvert.range(info.range()));
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return atLine(params.getTextDocument().getUri(), params.getPosition(), (a, ws) -> {
            SignatureHelp.Info info = SignatureHelp.at(a, line(params.getPosition()), column(params.getPosition()));
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
        return whole(uri, (doc, a) -> {
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
        return whole(uri, (doc, a) -> {
            List<Location> out = new ArrayList<>();
            for (Navigation.Place p : places(a, params.getPosition())) {
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
        return whole(params.getTextDocument().getUri(), (doc, a) -> places(a, params.getPosition()).stream()
                .map(p -> new DocumentHighlight(LspConvert.range(p.span()), p.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                .toList());
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return whole(params.getTextDocument().getUri(), (doc, a) -> {
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
        return whole(uri, (doc, a) -> {
            if (!Navigation.validName(params.getNewName())) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "'" + params.getNewName() + "' is not a variable name: use up to 31 letters, digits and _", null));
            }
            String name = Navigation.variableAt(a, line(params.getPosition()), column(params.getPosition()));
            if (name == null) return null;
            List<TextEdit> edits = Navigation.variable(a, name).stream()
                    .map(p -> new TextEdit(LspConvert.range(p.span()), params.getNewName())).toList();
            return new WorkspaceEdit(Map.of(uri, edits));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return whole(params.getTextDocument().getUri(), (doc, a) -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (Symbols.Symbol s : Symbols.document(a)) out.add(Either.forRight(LspConvert.symbol(s, a.script())));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        String uri = params.getTextDocument().getUri();
        return whole(uri, (doc, a) -> {
            DriveMapping mapping = DriveMapping.of(uri, server.settings, server.workspaceFolder);
            Workspace ws = mapping.workspace();
            List<DocumentLink> out = new ArrayList<>();
            for (Navigation.Link link : Navigation.links(a)) {
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
        return whole(params.getTextDocument().getUri(), (doc, a) -> Folding.of(a.script()).stream().map(r -> {
            FoldingRange f = new FoldingRange(r.startLine(), r.endLine());
            f.setKind(r.comment() ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
            return f;
        }).toList());
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        String uri = params.getTextDocument().getUri();
        return whole(uri, (doc, a) -> {
            int[] data = SemanticTokens.encode(SemanticTokens.of(a.script(), a.profile().commands()));
            lastTokens.put(uri, data);
            org.eclipse.lsp4j.SemanticTokens tokens = new org.eclipse.lsp4j.SemanticTokens(boxed(data));
            tokens.setResultId(uri + "#" + doc.version());
            return tokens;
        });
    }

    @Override
    public CompletableFuture<Either<org.eclipse.lsp4j.SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(SemanticTokensDeltaParams params) {
        String uri = params.getTextDocument().getUri();
        return whole(uri, (doc, a) -> {
            int[] previous = lastTokens.get(uri);
            int[] data = SemanticTokens.encode(SemanticTokens.of(a.script(), a.profile().commands()));
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
        return whole(params.getTextDocument().getUri(), (doc, a) -> Formatter.format(a.script(), unit(params.getOptions()),
                0, Integer.MAX_VALUE).stream().map(LspConvert::edit).toList());
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return whole(params.getTextDocument().getUri(), (doc, a) -> Formatter.format(a.script(), unit(params.getOptions()),
                line(params.getRange().getStart()), line(params.getRange().getEnd())).stream().map(LspConvert::edit).toList());
    }

    private static String unit(FormattingOptions options) {
        if (options == null) return "  ";
        return options.isInsertSpaces() ? " ".repeat(Math.max(0, Math.min(16, options.getTabSize()))) : "\t";
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return whole(uri, (doc, a) -> {
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
        return whole(params.getTextDocument().getUri(), (doc, a) -> {
            Range r = params.getRange();
            return InlayHints.of(a, line(r.getStart()), line(r.getEnd())).stream().map(h -> {
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
