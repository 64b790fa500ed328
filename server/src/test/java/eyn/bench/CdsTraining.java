package eyn.bench;

import eyn.bench.ScriptGenerators.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Builds the AppCDS archive {@code eyn.jsa} beside {@code eyn.jar} at {@code mvn package} time (JDK 17
 * static archive): training runs of the jar record the classes they load
 * ({@code -XX:DumpLoadedClassList}): an {@code eyn lsp} session driven over stdio (open a Release 13
 * and a 2026 script, diagnostics, completion, hover, signature help, an edit, symbols, folding,
 * semantic tokens), two {@code eyn dap} sessions (a Release 13 and a 2026 example: steps, the refresh
 * after each, steps back), {@code eyn check} of the examples and {@code eyn run} of two of them. Their
 * union, {@code eyn.classlist}, is dumped with {@code -Xshare:dump} into {@code eyn.jsa}. The
 * classlist is shipped in the .vsix too, where the extension dumps an archive for the user's own
 * Java (a JDK 17 archive only fits the JVM build and the jar path it was made with).
 * Usage: {@code CdsTraining path/to/eyn.jar path/to/examples}.
 */
public final class CdsTraining {
    private CdsTraining() { }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.eclipse.lsp4j").setLevel(java.util.logging.Level.SEVERE);
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path examples = Path.of(args[1]).toAbsolutePath();
        Path work = jar.resolveSibling("cds");
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Path> lists = new ArrayList<>();

        Path lspList = work.resolve("lsp.classlist");
        lists.add(lspList);
        Path dir = Files.createTempDirectory("eyn-cds");
        try {
            Files.writeString(dir.resolve("data.txt"), "0123456789abcdefghijklmnop");
            lspSession(List.of(java, "-XX:DumpLoadedClassList=" + lspList, "-Xmx512m", "-jar", jar.toString(), "lsp"), dir);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
            }
        }
        // the debug adapter: its protocol classes, the debugger, the inspection of every scope, history
        for (String example : new String[] {"zero-copy.eyn", "2026-while-calc.shell"}) {
            Path list = work.resolve("dap-" + example + ".classlist");
            lists.add(list);
            dapSession(List.of(java, "-XX:DumpLoadedClassList=" + list, "-Xmx512m", "-jar", jar.toString(), "dap"), examples.resolve(example));
        }
        List<String> scripts = new ArrayList<>();
        try (var files = Files.list(examples)) {
            files.filter(f -> f.toString().endsWith(".eyn") || f.toString().endsWith(".shell")).sorted().forEach(f -> scripts.add(f.toString()));
        }
        Path checkList = work.resolve("check.classlist");
        lists.add(checkList);
        List<String> check = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + checkList, "-jar", jar.toString(), "check"));
        check.addAll(scripts);
        run(check, work.resolve("check.log"), true);
        String[][] runs = {{"control-flow.eyn"}, {"2026-arguments.shell", "Ada", "3"}};
        for (String[] r : runs) {
            Path list = work.resolve("run-" + r[0] + ".classlist");
            lists.add(list);
            List<String> command = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + list, "-jar", jar.toString(), "run",
                    examples.resolve(r[0]).toString()));
            command.addAll(List.of(r).subList(1, r.length));
            run(command, work.resolve("run-" + r[0] + ".log"), true);
        }

        Set<String> union = new LinkedHashSet<>();
        for (Path list : lists) {
            for (String line : Files.readAllLines(list)) if (!line.startsWith("#") && !line.isBlank()) union.add(line);
        }
        Path classlist = jar.resolveSibling("eyn.classlist");
        Files.write(classlist, union);
        Path archive = jar.resolveSibling("eyn.jsa");
        Files.deleteIfExists(archive);
        run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classlist, "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()),
                work.resolve("dump.log"), false);
        if (!Files.isRegularFile(archive)) throw new IllegalStateException("no archive written: see " + work.resolve("dump.log"));
        // the archive must be usable by the launcher's own command line, or it is worth nothing
        Path probe = work.resolve("probe.log");
        run(List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar",
                jar.toString(), "--version"), probe, false);
        System.out.printf("CDS: %s (%d MiB, %d classes and lambda entries from %d training runs) in %.1f s%n", archive,
                Files.size(archive) >> 20, union.size(), lists.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static void lspSession(List<String> command, Path dir) throws Exception {
        LspBenchmark.Session s = new LspBenchmark.Session(command, dir);
        try {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setRootUri(dir.toUri().toString());
            init.setCapabilities(new ClientCapabilities());
            s.server.initialize(init).get(60, TimeUnit.SECONDS);
            s.server.initialized(new InitializedParams());
            var docs = s.server.getTextDocumentService();
            for (Kind kind : List.of(Kind.R13, Kind.Y2026)) {
                String uri = dir.resolve("train" + kind.extension).toUri().toString();
                docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, kind.languageId, 1, ScriptGenerators.generate(kind, 2000))));
                if (!s.awaitDiagnostics(uri, 1, 60_000)) throw new IllegalStateException("training: no diagnostics for " + uri);
                var id = new TextDocumentIdentifier(uri);
                for (int k = 0; k < 20; k++) {
                    int line = 1 + k * 97;
                    var insert = new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), "echo hi\n");
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2 + 2 * k), List.of(insert)));
                    docs.completion(new CompletionParams(id, new Position(line, 2))).get(60, TimeUnit.SECONDS);
                    docs.hover(new HoverParams(id, new Position(line, 2))).get(60, TimeUnit.SECONDS);
                    docs.signatureHelp(new SignatureHelpParams(id, new Position(line, 5))).get(60, TimeUnit.SECONDS);
                    var undo = new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line + 1, 0)), "");
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3 + 2 * k), List.of(undo)));
                }
                if (!s.awaitDiagnostics(uri, 41, 60_000)) throw new IllegalStateException("training: no diagnostics after the edits of " + uri);
                docs.documentSymbol(new DocumentSymbolParams(id)).get(60, TimeUnit.SECONDS);
                docs.foldingRange(new FoldingRangeRequestParams(id)).get(60, TimeUnit.SECONDS);
                docs.semanticTokensFull(new SemanticTokensParams(id)).get(60, TimeUnit.SECONDS);
            }
            s.server.shutdown().get(30, TimeUnit.SECONDS);
            s.server.exit();
            if (!s.process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("training: eyn lsp did not exit");
        } finally {
            s.process.destroyForcibly();
        }
    }

    /**
     * A debugging session as an editor makes one: stop on entry, steps each followed by the refresh of
     * threads, stack, scopes and every scope's variables, three steps back, steps to the end (at most 40),
     * then disconnect.
     */
    private static void dapSession(List<String> command, Path script) throws Exception {
        DapBenchmark d = new DapBenchmark();
        d.start(command);
        try {
            d.launch(script, true);
            d.await();
            for (int i = 0; i < 8; i++) {
                d.next();
                d.refresh();
            }
            for (int i = 0; i < 3; i++) {
                d.stepBack();
                d.refresh();
            }
            for (int i = 0; i < 40 && d.nextUnlessEnded(); i++) d.refresh();
        } finally {
            d.stop();
        }
    }

    /** Runs a training step, its output into a log; a failing check or run still trains (exit status 1 is a script's failure). */
    private static void run(List<String> command, Path log, boolean anyStatus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("training step timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0 && !(anyStatus && p.exitValue() == 1)) {
            throw new IllegalStateException("training step failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + Files.readString(log));
        }
    }
}
