package eyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Drives the real {@code eyn lsp} process over its stdio from this separate client process, as an
 * editor would, and prints: cold start to initialize, didOpen to diagnostics, one-line edit to
 * diagnostics, completion latency, and the server's heap, for generated scripts of 1,000, 10,000 and
 * 50,000 lines. Usage: {@code LspBenchmark path/to/eyn.jar [sizes...]}.
 */
public final class LspBenchmark {
    private static final String[] BODY = {
        "set COUNT=$(calc $COUNT+1)", "zopen data.txt r", "zread 0 16", "ifeq $COUNT 3", "echo three $COUNT", "else",
        "zseek 0 0 set", "endif", "zclose 0", "loop 2", "echo pass", "endloop", "mmap data.txt readonly", "predict stats",
        "# a comment", "echo done $COUNT",
    };

    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private Process process;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/eyn.jar");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) sizes.add(Integer.parseInt(args[i]));
        if (sizes.isEmpty()) sizes = List.of(1_000, 10_000, 50_000);
        Path dir = Files.createTempDirectory("eyn-lsp-bench");
        Files.writeString(dir.resolve("data.txt"), "0123456789abcdefghijklmnop");
        LspBenchmark bench = new LspBenchmark();
        double coldMs = bench.start(jar, dir);
        System.out.printf("cold start to initialize answered: %.0f ms (target < 1500 ms)%n", coldMs);
        System.out.println("lines   | open->diagnostics p50 | edit->diagnostics p50 / p99 | completion p50 / p99 | server heap used");
        for (int size : sizes) bench.measure(dir, size);
        bench.stop();
    }

    private double start(Path jar, Path dir) throws Exception {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "lsp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LanguageClient client = new LanguageClient() {
            @Override public void telemetryEvent(Object o) { }
            @Override public void publishDiagnostics(PublishDiagnosticsParams p) { diagnostics.add(p); }
            @Override public void showMessage(MessageParams p) { }
            @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
                return CompletableFuture.completedFuture(null);
            }
            @Override public void logMessage(MessageParams p) { }
        };
        var launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setRootUri(dir.toUri().toString());
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get(30, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        server.initialized(new InitializedParams());
        return ms;
    }

    private void measure(Path dir, int lines) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) text.append(BODY[i % BODY.length]).append('\n');
        double[] open = new double[7];
        String uri = null;
        for (int round = 0; round < open.length; round++) {
            uri = dir.resolve("bench-" + lines + "-" + round + ".eyn").toUri().toString();
            long t = System.nanoTime();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eyn", 1, text.toString())));
            await(uri, 1);
            open[round] = (System.nanoTime() - t) / 1e6;
            if (round < open.length - 1) server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        }
        double[] edits = new double[40];
        for (int k = 0; k < edits.length; k++) {
            int line = (k * 7919) % lines;
            var change = new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), "echo edit " + k + "\n");
            long t = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, k + 2), List.of(change)));
            await(uri, k + 2);
            edits[k] = (System.nanoTime() - t) / 1e6;
        }
        double[] completion = new double[200];
        for (int k = 0; k < completion.length; k++) {
            int line = (k * 104729) % lines;
            Position p = new Position(line, k % 3 == 0 ? 0 : 6);
            long t = System.nanoTime();
            server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), p)).get(30, TimeUnit.SECONDS);
            completion[k] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("%7d | %19.1f ms | %12.1f / %6.1f ms | %9.2f / %5.2f ms | %s%n", lines,
                percentile(Arrays.copyOfRange(open, 2, open.length), 50), percentile(edits, 50), percentile(edits, 99),
                percentile(completion, 50), percentile(completion, 99), heap());
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    private void await(String uri, int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = diagnostics.poll(60, TimeUnit.SECONDS);
            if (p == null) throw new IllegalStateException("no diagnostics for " + uri);
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == version) return;
        }
    }

    private String heap() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(10, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                if (line.contains("garbage-first heap") || line.contains("total") && line.contains("used")) {
                    return line.trim().replaceAll("\\s+", " ") + " (max 256 MB: -Xmx256m)";
                }
            }
            return "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void stop() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
    }
}
