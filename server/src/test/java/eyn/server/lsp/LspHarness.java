package eyn.server.lsp;

import com.google.gson.JsonObject;
import eyn.server.common.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP client (LSP4J's launcher) talking to {@code eyn lsp}'s serve loop over piped streams,
 * recording what the server sends.
 */
final class LspHarness implements AutoCloseable {
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    /** eyn/profile notifications, in order. */
    final BlockingQueue<EynLanguageClient.ProfileParams> profiles = new LinkedBlockingQueue<>();
    /** workspace/applyEdit requests, in order. */
    final BlockingQueue<org.eclipse.lsp4j.ApplyWorkspaceEditParams> appliedEdits = new LinkedBlockingQueue<>();
    final LanguageServer server;
    final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final java.io.OutputStream toServer;
    private final Path root;

    LspHarness(Path root) throws IOException {
        this.root = root;
        BytePipe up = new BytePipe();
        BytePipe down = new BytePipe();
        java.io.InputStream serverIn = up.in();
        toServer = up.out();
        java.io.InputStream clientIn = down.in();
        java.io.OutputStream serverOut = down.out();
        Log log = new Log(new PrintStream(new TeeStream(stderr, System.err), true));
        Thread t = new Thread(() -> {
            try {
                exitStatus.complete(LspCommand.serve(serverIn, serverOut, log));
            } catch (Exception e) {
                exitStatus.completeExceptionally(e);
            } finally {
                try {
                    serverOut.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }
        }, "test-lsp-server");
        t.setDaemon(true);
        t.start();
        EynLanguageClient client = new EynLanguageClient() {
            @Override public void profile(ProfileParams p) { profiles.add(p); }
            @Override public CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(
                    org.eclipse.lsp4j.ApplyWorkspaceEditParams p) {
                appliedEdits.add(p);
                return CompletableFuture.completedFuture(new org.eclipse.lsp4j.ApplyWorkspaceEditResponse(true));
            }
            @Override public void telemetryEvent(Object object) { }
            @Override public void publishDiagnostics(PublishDiagnosticsParams p) { diagnostics.add(p); }
            @Override public void showMessage(MessageParams p) { logs.add(p); }
            @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
                return CompletableFuture.completedFuture(null);
            }
            @Override public void logMessage(MessageParams p) { logs.add(p); }
            @Override public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
                return CompletableFuture.completedFuture(null);
            }
            @Override public void notifyProgress(ProgressParams p) { progress.add(p); }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** The next eyn/profile notification for a uri (earlier ones for other documents are skipped). */
    EynLanguageClient.ProfileParams awaitProfile(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            EynLanguageClient.ProfileParams p = profiles.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.uri().equals(uri)) return p;
        }
        throw new AssertionError("no eyn/profile for " + uri);
    }

    /** Writes one framed message with this body straight onto the server's input, bypassing LSP4J. */
    void raw(byte[] body) throws IOException {
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    /** Whether initialize says the client pulls diagnostics. */
    boolean pull;

    InitializeResult initialize(JsonObject options) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "ws")));
        p.setInitializationOptions(options);
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        CompletionCapabilities completion = new CompletionCapabilities();
        completion.setCompletionItem(new CompletionItemCapabilities(true));
        text.setCompletion(completion);
        if (pull) text.setDiagnostic(new org.eclipse.lsp4j.DiagnosticCapabilities());
        caps.setTextDocument(text);
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        p.setCapabilities(caps);
        InitializeResult r = server.initialize(p).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    String uri(String name) {
        return root.resolve(name).toUri().toString();
    }

    TextDocumentIdentifier doc(String name) {
        return new TextDocumentIdentifier(uri(name));
    }

    PublishDiagnosticsParams open(String name, String text) throws Exception {
        String uri = uri(name);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eyn", 1, text)));
        return awaitDiagnostics(uri, 1);
    }

    /**
     * Opens a document whose script opens or maps files and waits for its diagnostics twice: first
     * those of the analysis, then those with the dry run's facts (which the server publishes when its
     * dry run ends, beside everything else).
     */
    PublishDiagnosticsParams openAfterDryRun(String name, String text) throws Exception {
        open(name, text);
        return awaitDiagnostics(uri(name), 1);
    }

    /** The next diagnostics published for a uri and version (earlier ones are skipped). */
    PublishDiagnosticsParams awaitDiagnostics(String uri, int version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) return p;
        }
        throw new AssertionError("no diagnostics for " + uri + " version " + version);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        try {
            exitStatus.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the server did not stop", e);
        }
    }
}

/** Keeps the server's log for assertions and shows it in the test output. */
final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public synchronized void write(int x) throws IOException {
        a.write(x);
        b.write(x);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
        a.write(buf, off, len);
        b.write(buf, off, len);
    }
}
