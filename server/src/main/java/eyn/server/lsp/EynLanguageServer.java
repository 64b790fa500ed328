package eyn.server.lsp;

import com.google.gson.JsonElement;
import eyn.analysis.ide.SemanticTokens;
import eyn.server.common.Log;
import eyn.server.common.ParentWatcher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensServerFull;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The EYN language server: lifecycle, capabilities and settings. Every document operation runs on
 * one worker thread, so documents need no locks and the reader thread never blocks; whole-file
 * analyses and dry runs run on threads of their own and hand their results back to the worker.
 */
public final class EynLanguageServer implements LanguageServer, LanguageClientAware {
    static final String RUN_COMMAND = "eyn.runScript";
    static final String DEBUG_COMMAND = "eyn.debugScript";
    /** workspace/executeCommand: rewrite a document's Release 13 constructs for EYN-OS 2026. */
    static final String CONVERT_COMMAND = "eyn.convertTo2026";

    final Log log;
    final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eyn-lsp-worker");
        t.setDaemon(true);
        return t;
    });
    /** Whole-file analyses and the requests that read them, off the worker (see EynTextDocumentService). */
    final ExecutorService analysis = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eyn-lsp-analysis");
        t.setDaemon(true);
        return t;
    });
    /** Dry runs: each within its time budget, beside the analyses. */
    final ExecutorService dryRuns = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eyn-lsp-dry-run");
        t.setDaemon(true);
        return t;
    });
    private final IntConsumer exit;
    private final EynTextDocumentService documents;
    private final EynWorkspaceService workspace;
    volatile LanguageClient client;
    /** The same client with this server's own notifications; null for a plain LanguageClient (tests). */
    volatile EynLanguageClient eynClient;
    volatile Settings settings = Settings.defaults();
    volatile Path workspaceFolder;
    volatile boolean snippets = true;
    volatile boolean markdown = true;
    volatile boolean progress;
    /** The client pulls diagnostics (textDocument/diagnostic): pushing them too would show each twice. */
    volatile boolean pullDiagnostics;
    volatile boolean refreshDiagnostics;
    private volatile boolean shutdown;

    /** {@code exit} receives the process exit status when the client says exit or goes away. */
    public EynLanguageServer(Log log, IntConsumer exit) {
        this.log = log;
        this.exit = exit;
        this.documents = new EynTextDocumentService(this);
        this.workspace = new EynWorkspaceService(this, documents);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        this.eynClient = languageClient instanceof EynLanguageClient e ? e : null;
        log.connect((level, message) -> languageClient.logMessage(new MessageParams(switch (level) {
            case ERROR -> MessageType.Error;
            case INFO -> MessageType.Info;
            default -> MessageType.Log;
        }, message)));
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        settings = settings.merge(params.getInitializationOptions() instanceof JsonElement j ? j : null);
        if (settings.trace() != null) log.setLevel(Log.parse(settings.trace()));
        workspaceFolder = folder(params);
        var caps = params.getCapabilities();
        if (caps != null && caps.getTextDocument() != null && caps.getTextDocument().getCompletion() != null
                && caps.getTextDocument().getCompletion().getCompletionItem() != null) {
            snippets = Boolean.TRUE.equals(caps.getTextDocument().getCompletion().getCompletionItem().getSnippetSupport());
        }
        progress = caps != null && caps.getWindow() != null && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
        pullDiagnostics = caps != null && caps.getTextDocument() != null && caps.getTextDocument().getDiagnostic() != null;
        refreshDiagnostics = caps != null && caps.getWorkspace() != null && caps.getWorkspace().getDiagnostics() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDiagnostics().getRefreshSupport());
        ParentWatcher.watch(params.getProcessId(), () -> {
            log.info("the client process " + params.getProcessId() + " is gone: exiting");
            exit.accept(1);
        });
        log.info("initialize from " + (params.getClientInfo() == null ? "an unnamed client" : params.getClientInfo().getName()));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("eyn-lsp", "0.1.0")));
    }

    static ServerCapabilities capabilities() {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(Either.forLeft(true));
        c.setTextDocumentSync(sync);
        CompletionOptions completion = new CompletionOptions(true, List.of("$", "{", " ", "/", "-"));
        c.setCompletionProvider(completion);
        c.setHoverProvider(true);
        c.setSignatureHelpProvider(new SignatureHelpOptions(List.of(" "), List.of(" ")));
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setDocumentHighlightProvider(true);
        c.setRenameProvider(new RenameOptions(true));
        c.setDocumentSymbolProvider(true);
        c.setWorkspaceSymbolProvider(true);
        c.setDocumentLinkProvider(new DocumentLinkOptions(false));
        c.setFoldingRangeProvider(true);
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
                new SemanticTokensLegend(SemanticTokens.TYPES, SemanticTokens.MODIFIERS), new SemanticTokensServerFull(true), false);
        c.setSemanticTokensProvider(tokens);
        c.setDocumentFormattingProvider(true);
        c.setDocumentRangeFormattingProvider(true);
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        c.setInlayHintProvider(true);
        c.setCodeLensProvider(new CodeLensOptions(false));
        c.setDiagnosticProvider(new DiagnosticRegistrationOptions(false, false));
        c.setExecuteCommandProvider(new org.eclipse.lsp4j.ExecuteCommandOptions(List.of(CONVERT_COMMAND)));
        return c;
    }

    private static Path folder(InitializeParams params) {
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        String uri = folders != null && !folders.isEmpty() ? folders.get(0).getUri() : params.getRootUri();
        return uri == null ? null : DriveMapping.path(uri);
    }

    @Override
    public void initialized(InitializedParams params) {
        workspace.index();
    }

    /** $/setTrace: the client's trace value sets how much the server logs. */
    @Override
    public void setTrace(org.eclipse.lsp4j.SetTraceParams params) {
        if (params != null && params.getValue() != null) log.setLevel(Log.parse(params.getValue()));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        stop();
        exit.accept(shutdown ? 0 : 1);
    }

    /** Stops the worker, the analysis and the dry-run threads: the client said exit, or its input ended. */
    void stop() {
        worker.shutdownNow();
        analysis.shutdownNow();
        dryRuns.shutdownNow();
    }

    /**
     * Hands a task from one of the server's own threads to another. Once the session has ended its
     * executors are stopped and the task is dropped with a verbose line (an analysis that finishes
     * after the input closed): never an uncaught RejectedExecutionException with a stack trace on stderr.
     */
    void handOff(ExecutorService to, Runnable task) {
        try {
            to.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.verbose("the session has ended: a background task was dropped");
        }
    }

    boolean isShutdown() {
        return shutdown;
    }

    void settingsChanged(Settings next) {
        settings = next;
        if (next.trace() != null) log.setLevel(Log.parse(next.trace()));
        documents.republishAll();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    /** The calls of the 2026 script at this drive path from the other scripts of the workspace. */
    List<eyn.analysis.CallSite> callersOf(String scriptPath) {
        return workspace.callersOf(scriptPath);
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
