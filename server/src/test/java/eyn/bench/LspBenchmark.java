package eyn.bench;

import eyn.bench.ScriptGenerators.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Drives real language-server processes over their stdio from this separate client process, as an
 * editor would: {@code eyn lsp} on generated Release 13 and EYN-OS 2026 scripts, and, in the same run
 * and with the same client and request mix, bash-language-server on a generated bash script of the
 * same number of lines. Each (server, script, size) gets a new server process, so every session
 * starts from a cold JVM (or a cold Node). Per session it measures:
 * <ul>
 *   <li>process start to the first diagnostics of the opened script (and to the initialize answer);</li>
 *   <li>typing: rounds of (didChange inserting a new line holding one character, completion at it,
 *       undo) spread over the file, timed from the didChange to the completion answer, starting a
 *       settle time (1 s; {@code --settle=MS}) after the first diagnostics, as a user looks at a file
 *       before typing (the same for every server; {@code --settle=0} types at once);</li>
 *   <li>hover and signature help right after an edit (insert {@code echo hi}, request at it, undo);</li>
 *   <li>edit to the diagnostics of that version (insert a line, wait, undo, wait);</li>
 *   <li>resident memory (VmRSS of /proc/PID/status) at the end.</li>
 * </ul>
 * Usage: {@code LspBenchmark [eyn.jar] [SIZE...] [--sizes=1000,10000] [--profiles=r13,2026]
 * [--bash-ls=PATH|--no-bash-ls] [--rounds=200] [--settle=1000] [--budget=120] [--jvm-opts="..."] [--trace-rounds] [--smoke]}.
 * With {@code --smoke} it exits with status 1 unless every eyn request was answered and every
 * completion at a new line offered {@code echo}.
 */
public final class LspBenchmark {
    private static final double NONE = Double.NaN;

    /** One server process and the LSP4J client talking to it. */
    static final class Session {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        final Process process;
        final LanguageServer server;
        final long startNanos;
        final MessageTimes messages;
        InitializeResult capabilities;

        /** Where the server's stderr goes: nowhere, or appended to the file {@code -Deyn.bench.serverStderr=PATH} names. */
        private static ProcessBuilder.Redirect serverStderr() {
            String file = System.getProperty("eyn.bench.serverStderr");
            return file == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(new java.io.File(file));
        }

        Session(List<String> command, Path dir) throws IOException {
            startNanos = System.nanoTime();
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(serverStderr()).start();
            LanguageClient client = new LanguageClient() {
                @Override public void telemetryEvent(Object o) { }
                @Override public void publishDiagnostics(PublishDiagnosticsParams p) { diagnostics.add(p); }
                @Override public void showMessage(MessageParams p) { }
                @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
                    return CompletableFuture.completedFuture(null);
                }
                @Override public void logMessage(MessageParams p) { }
                @Override public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
                    List<Object> none = new ArrayList<>();
                    for (int i = 0; i < p.getItems().size(); i++) none.add(null);
                    return CompletableFuture.completedFuture(none);
                }
                @Override public CompletableFuture<Void> registerCapability(RegistrationParams p) {
                    return CompletableFuture.completedFuture(null);
                }
                @Override public CompletableFuture<Void> unregisterCapability(UnregistrationParams p) {
                    return CompletableFuture.completedFuture(null);
                }
                @Override public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
                    return CompletableFuture.completedFuture(null);
                }
            };
            messages = new MessageTimes(process.getInputStream());
            var launcher = LSPLauncher.createClientLauncher(client, messages, process.getOutputStream());
            launcher.startListening();
            server = launcher.getRemoteProxy();
        }

        double sinceStart() {
            return (System.nanoTime() - startNanos) / 1e6;
        }

        /** Waits for diagnostics of this version (servers that send none match the next for the uri); false on timeout. */
        boolean awaitDiagnostics(String uri, int version, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                PublishDiagnosticsParams p = diagnostics.poll(left, TimeUnit.NANOSECONDS);
                if (p == null) return false;
                if (!p.getUri().equals(uri)) continue;
                if (p.getVersion() == null || p.getVersion() == version) return true;
            }
        }

        /** User + system CPU time of the server process so far (from /proc/PID/stat; clock ticks of 10 ms). */
        double cpuMs() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
        }

        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        void stop() {
            try {
                server.shutdown().get(10, TimeUnit.SECONDS);
                server.exit();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // measured already; a server that does not shut down cleanly is stopped below
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** What one session measured; NaN for what could not be measured, with the reason in {@link #notes}. */
    static final class Result {
        final Kind kind;
        final int lines;
        double initializeMs = NONE;
        double firstDiagnosticsMs = NONE;
        double[] typing = new double[0];
        double[] editDiagnostics = new double[0];
        double[] hover = new double[0];
        double[] signature = new double[0];
        int hoverAnswered;
        int signatureAnswered;
        int completionsWithEcho;
        long rssKb = -1;
        final List<String> notes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Result(Kind kind, int lines) {
            this.kind = kind;
            this.lines = lines;
        }
    }

    private final Options options;

    LspBenchmark(Options options) {
        this.options = options;
    }

    static final class Options {
        Path jar = Path.of("server/target/eyn.jar");
        List<Integer> sizes = new ArrayList<>();
        List<Kind> eynKinds = new ArrayList<>(List.of(Kind.R13, Kind.Y2026));
        Path bashLs;
        boolean noBashLs;
        int rounds = 200;
        long settleMs = 1000;
        int hoverRounds = 100;
        int editRounds = 40;
        long budgetMs = 120_000;
        long diagnosticsTimeoutMs = 30_000;
        List<String> jvmOpts;
        /** The whole command that starts eyn's language server, instead of java with the jar (the smoke test's class path). */
        List<String> eynCommand;
        boolean smoke;
        /** Prints each typing and edit round's wall-clock start and time to stderr, to line slow rounds up with a server's collector log. */
        boolean traceRounds;

        static Options parse(String[] args) {
            Options o = new Options();
            for (String a : args) {
                if (a.startsWith("--sizes=")) {
                    for (String s : a.substring(8).split(",")) if (!s.isBlank()) o.sizes.add(parseSize(s));
                } else if (a.matches("[0-9_kK]+")) {
                    o.sizes.add(parseSize(a));
                } else if (a.startsWith("--profiles=")) {
                    o.eynKinds.clear();
                    for (String s : a.substring(11).split(",")) {
                        switch (s.trim()) {
                            case "r13" -> o.eynKinds.add(Kind.R13);
                            case "2026" -> o.eynKinds.add(Kind.Y2026);
                            case "" -> { }
                            default -> throw new IllegalArgumentException("--profiles takes r13 and/or 2026, not " + s);
                        }
                    }
                } else if (a.startsWith("--bash-ls=")) {
                    o.bashLs = a.length() > 10 ? Path.of(a.substring(10)) : null;
                } else if (a.equals("--no-bash-ls")) {
                    o.noBashLs = true;
                } else if (a.startsWith("--rounds=")) {
                    o.rounds = Integer.parseInt(a.substring(9));
                } else if (a.startsWith("--hover-rounds=")) {
                    o.hoverRounds = Integer.parseInt(a.substring(15));
                } else if (a.startsWith("--edit-rounds=")) {
                    o.editRounds = Integer.parseInt(a.substring(14));
                } else if (a.startsWith("--settle=")) {
                    o.settleMs = Long.parseLong(a.substring(9));
                } else if (a.startsWith("--budget=")) {
                    o.budgetMs = Long.parseLong(a.substring(9)) * 1000;
                } else if (a.startsWith("--diagnostics-timeout=")) {
                    o.diagnosticsTimeoutMs = Long.parseLong(a.substring(22)) * 1000;
                } else if (a.startsWith("--jvm-opts=")) {
                    String v = a.substring(11).trim();
                    o.jvmOpts = v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
                } else if (a.equals("--trace-rounds")) {
                    o.traceRounds = true;
                } else if (a.equals("--smoke")) {
                    o.smoke = true;
                } else if (a.endsWith(".jar")) {
                    o.jar = Path.of(a);
                } else {
                    throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.sizes.isEmpty()) o.sizes.addAll(List.of(1_000, 10_000, 50_000, 200_000));
            String env = System.getenv("EYN_BASH_LS");
            if (o.bashLs == null && !o.noBashLs && env != null && !env.isBlank()) o.bashLs = Path.of(env);
            return o;
        }

        private static int parseSize(String s) {
            s = s.trim().replace("_", "");
            return s.endsWith("k") || s.endsWith("K") ? Integer.parseInt(s.substring(0, s.length() - 1)) * 1000 : Integer.parseInt(s);
        }
    }

    /** LSP4J's client logs a warning for each notification it has no method for (eyn/profile); kept quiet. */
    private static final java.util.logging.Logger LSP4J_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    public static void main(String[] args) throws Exception {
        LSP4J_LOG.setLevel(java.util.logging.Level.SEVERE);
        Options options = Options.parse(args);
        System.exit(new LspBenchmark(options).run());
    }

    /** Runs every session and prints the tables; with --smoke, 1 when an eyn request went unanswered, else 0. */
    int run() throws Exception {
        List<String> eynCommand = eynCommand();
        List<String> bashCommand = bashCommand();
        System.out.println("eyn: " + String.join(" ", eynCommand));
        System.out.println("bash-LS: " + (bashCommand == null ? "skipped (" + bashSkipReason + ")" : String.join(" ", bashCommand)));
        System.out.printf(Locale.ROOT, "load average at start: %s; typing %d rounds from %d ms after the first diagnostics,"
                + " hover/signature %d each, edit->diagnostics %d; a slow server's phase stops after %d s%n", loadAverage(), options.rounds,
                options.settleMs, options.hoverRounds, options.editRounds, options.budgetMs / 1000);
        // the client's own JIT is not what is measured: warm its reading of large answers first
        System.out.printf(Locale.ROOT, "client warm-up (reading diagnostics, completion and hover JSON): %d ms%n", ClientWarmUp.run());
        Map<String, Result> results = new LinkedHashMap<>();
        for (int size : options.sizes) {
            for (Kind kind : options.eynKinds) results.put(kind + "/" + size, session(eynCommand, kind, size));
            if (bashCommand != null) results.put(Kind.BASH + "/" + size, session(bashCommand, Kind.BASH, size));
        }
        printTables(results);
        System.out.println("load average at end: " + loadAverage());
        if (options.smoke) {
            List<String> failures = new ArrayList<>();
            for (Result r : results.values()) {
                if (r.kind == Kind.BASH) continue;
                for (String f : r.failures) failures.add(r.kind.label() + " " + r.lines + ": " + f);
            }
            if (!failures.isEmpty()) {
                failures.forEach(f -> System.out.println("SMOKE FAILED: " + f));
                return 1;
            }
            System.out.println("smoke: every eyn request answered, every completion at a new line offered echo");
        }
        return 0;
    }

    private List<String> eynCommand() {
        if (options.eynCommand != null) return options.eynCommand;
        return Launch.command(options.jar, options.jvmOpts != null ? options.jvmOpts : Launch.defaultJvmOptions(options.jar), "lsp");
    }

    private String bashSkipReason;

    private List<String> bashCommand() {
        if (options.noBashLs) {
            bashSkipReason = "--no-bash-ls";
            return null;
        }
        if (options.bashLs == null) {
            bashSkipReason = "no --bash-ls=PATH given (nor EYN_BASH_LS); install it with: npm install --prefix /work/bench-tools bash-language-server@5.8.1"
                    + " (and ShellCheck for its diagnostics), then pass --bash-ls=/work/bench-tools";
            return null;
        }
        Path p = options.bashLs.toAbsolutePath().normalize();
        Path cli = Files.isDirectory(p) ? p.resolve("out/cli.js") : p;
        if (Files.isDirectory(p.resolve("node_modules/bash-language-server"))) cli = p.resolve("node_modules/bash-language-server/out/cli.js");
        if (!Files.isRegularFile(cli)) {
            bashSkipReason = "not found at " + p + "; install it with: npm install --prefix /work/bench-tools bash-language-server@5.8.1,"
                    + " then pass --bash-ls=/work/bench-tools";
            return null;
        }
        return List.of("node", cli.toString(), "start");
    }

    private Result session(List<String> command, Kind kind, int lines) throws Exception {
        Result r = new Result(kind, lines);
        Path dir = Files.createTempDirectory("eyn-lsp-bench");
        Files.writeString(dir.resolve("data.txt"), "0123456789abcdefghijklmnop");
        String text = ScriptGenerators.generate(kind, lines);
        String uri = dir.resolve("bench-" + lines + kind.extension).toUri().toString();
        long diagTimeout = kind == Kind.BASH ? options.diagnosticsTimeoutMs : 60_000;
        Session s = new Session(command, dir);
        try {
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setRootUri(dir.toUri().toString());
            init.setCapabilities(new ClientCapabilities());
            s.capabilities = s.server.initialize(init).get(60, TimeUnit.SECONDS);
            r.initializeMs = s.sinceStart();
            s.server.initialized(new InitializedParams());
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, kind.languageId, 1, text)));
            if (s.awaitDiagnostics(uri, 1, diagTimeout)) {
                r.firstDiagnosticsMs = s.sinceStart();
            } else {
                r.notes.add("no diagnostics within " + diagTimeout / 1000 + " s of opening");
                r.failures.add("no diagnostics after opening");
            }
            int[] version = {1};
            Thread.sleep(options.settleMs);
            typing(s, r, uri, version);
            hoverAndSignature(s, r, uri, version);
            editDiagnostics(s, r, uri, version, diagTimeout);
            r.rssKb = s.rssKb();
        } catch (TimeoutException e) {
            r.notes.add("a request was not answered within 60 s");
            r.failures.add("a request was not answered within 60 s");
        } finally {
            s.stop();
            deleteTree(dir);
        }
        printSession(r);
        return r;
    }

    /** The line a round edits: spread over the file (a prime stride), never the first line (a 2026 script's profile comment). */
    private static int lineFor(int k, int lines) {
        return 1 + (int) ((k * 7919L) % Math.max(1, lines - 1));
    }

    private void typing(Session s, Result r, String uri, int[] version) throws Exception {
        List<Double> times = new ArrayList<>();
        long phaseStart = System.nanoTime();
        for (int k = 0; k < options.rounds; k++) {
            if (k > 0 && overBudget(phaseStart, r, "typing", k)) break;
            int line = lineFor(k, r.lines);
            long t = System.nanoTime();
            change(s, uri, ++version[0], line, 0, line, 0, "e\n");
            var answer = s.server.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, 1))).get(60, TimeUnit.SECONDS);
            times.add((System.nanoTime() - t) / 1e6);
            trace("typing", k, t, times.get(k), split(s, t));
            if (offersEcho(answer)) r.completionsWithEcho++;
            change(s, uri, ++version[0], line, 0, line + 1, 0, "");
        }
        r.typing = toArray(times);
        if (r.completionsWithEcho < r.typing.length) r.failures.add("completion offered echo in " + r.completionsWithEcho + " of " + r.typing.length);
    }

    private void hoverAndSignature(Session s, Result r, String uri, int[] version) throws Exception {
        boolean signatures = s.capabilities.getCapabilities().getSignatureHelpProvider() != null;
        if (!signatures) r.notes.add("no signature help (not among the server's capabilities)");
        List<Double> hover = new ArrayList<>();
        List<Double> signature = new ArrayList<>();
        long phaseStart = System.nanoTime();
        for (int k = 0; k < options.hoverRounds; k++) {
            if (k > 0 && overBudget(phaseStart, r, "hover/signature", k)) break;
            int line = lineFor(k + 7, r.lines);
            long t = System.nanoTime();
            change(s, uri, ++version[0], line, 0, line, 0, "echo hi\n");
            var h = s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, 2)))
                    .get(60, TimeUnit.SECONDS);
            hover.add((System.nanoTime() - t) / 1e6);
            if (h != null && h.getContents() != null) r.hoverAnswered++;
            change(s, uri, ++version[0], line, 0, line + 1, 0, "");
            if (!signatures) continue;
            t = System.nanoTime();
            change(s, uri, ++version[0], line, 0, line, 0, "echo hi\n");
            var sh = s.server.getTextDocumentService()
                    .signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri), new Position(line, 5))).get(60, TimeUnit.SECONDS);
            signature.add((System.nanoTime() - t) / 1e6);
            if (sh != null && sh.getSignatures() != null && !sh.getSignatures().isEmpty()) r.signatureAnswered++;
            change(s, uri, ++version[0], line, 0, line + 1, 0, "");
        }
        r.hover = toArray(hover);
        r.signature = toArray(signature);
        if (r.hoverAnswered < r.hover.length) r.failures.add("hover on echo answered in " + r.hoverAnswered + " of " + r.hover.length);
        if (r.signatureAnswered < r.signature.length) {
            r.failures.add("signature help after echo answered in " + r.signatureAnswered + " of " + r.signature.length);
        }
    }

    private void editDiagnostics(Session s, Result r, String uri, int[] version, long timeoutMs) throws Exception {
        List<Double> times = new ArrayList<>();
        long phaseStart = System.nanoTime();
        for (int k = 0; k < options.editRounds; k++) {
            if (k > 0 && overBudget(phaseStart, r, "edit->diagnostics", k)) break;
            int line = lineFor(k + 13, r.lines);
            s.diagnostics.clear();
            long t = System.nanoTime();
            change(s, uri, ++version[0], line, 0, line, 0, "echo edit " + k + "\n");
            if (!s.awaitDiagnostics(uri, version[0], timeoutMs)) {
                r.notes.add("edit " + k + ": no diagnostics within " + timeoutMs / 1000 + " s; phase stopped");
                r.failures.add("no diagnostics after an edit");
                break;
            }
            times.add((System.nanoTime() - t) / 1e6);
            trace("edit->diagnostics", k, t, times.get(k), split(s, t));
            change(s, uri, ++version[0], line, 0, line + 1, 0, "");
            if (!s.awaitDiagnostics(uri, version[0], timeoutMs)) {
                r.notes.add("undo " + k + ": no diagnostics within " + timeoutMs / 1000 + " s; phase stopped");
                r.failures.add("no diagnostics after an undo");
                break;
            }
        }
        r.editDiagnostics = toArray(times);
    }

    /**
     * A round's time split at the first byte of the last message read: the server's part, then the reading
     * (mostly the client's parsing). The last message is the answer, unless a publication arrived after it
     * (its size then shows it: hundreds of KB rather than the answer's few).
     */
    private String split(Session s, long startNanos) {
        if (!options.traceRounds || s.messages == null) return "";
        return String.format(Locale.ROOT, " (to the message's first byte %.2f ms, then %.2f ms to read its %d KB)",
                (s.messages.lastFirstByte() - startNanos) / 1e6, (s.messages.lastLastByte() - s.messages.lastFirstByte()) / 1e6, s.messages.lastSize() / 1024);
    }

    /** With --trace-rounds: a round's wall-clock start and time, on stderr. */
    private void trace(String phase, int round, long startNanos, double ms) {
        trace(phase, round, startNanos, ms, "");
    }

    private void trace(String phase, int round, long startNanos, double ms, String detail) {
        if (!options.traceRounds) return;
        System.err.printf(Locale.ROOT, "%s round %d at %s: %.2f ms%s%n", phase, round,
                java.time.LocalTime.now().minusNanos(System.nanoTime() - startNanos), ms, detail);
    }

    private boolean overBudget(long phaseStart, Result r, String phase, int done) {
        if (System.nanoTime() - phaseStart < options.budgetMs * 1_000_000) return false;
        r.notes.add(phase + ": stopped after " + done + " rounds (" + options.budgetMs / 1000 + " s budget)");
        return true;
    }

    private static void change(Session s, String uri, int version, int l0, int c0, int l1, int c1, String text) {
        var event = new TextDocumentContentChangeEvent(new Range(new Position(l0, c0), new Position(l1, c1)), text);
        s.server.getTextDocumentService().didChange(
                new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(event)));
    }

    private static boolean offersEcho(Either<List<CompletionItem>, CompletionList> answer) {
        if (answer == null) return false;
        List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
        return items != null && items.stream().anyMatch(i -> "echo".equals(i.getLabel()) || "echo".equals(i.getInsertText()));
    }

    // ---------------------------------------------------------------- output

    private static void printSession(Result r) {
        System.out.printf(Locale.ROOT, "%-8s %7d lines: start->initialize %s, start->first diagnostics %s, typing p50/p99 %s/%s ms (%d rounds),"
                        + " edit->diagnostics p50/p99 %s/%s ms (%d), hover %s/%s ms, signature help %s/%s ms, RSS %s%s%n",
                r.kind.label(), r.lines, ms(r.initializeMs), ms(r.firstDiagnosticsMs), num(p(r.typing, 50)), num(p(r.typing, 99)),
                r.typing.length, num(p(r.editDiagnostics, 50)), num(p(r.editDiagnostics, 99)), r.editDiagnostics.length,
                num(p(r.hover, 50)), num(p(r.hover, 99)), num(p(r.signature, 50)), num(p(r.signature, 99)), rss(r.rssKb),
                r.notes.isEmpty() ? "" : "  [" + String.join("; ", r.notes) + "]");
        System.out.printf(Locale.ROOT, "         slowest typing rounds (round: ms): %s%n", slowest(r.typing, 5));
        if (r.editDiagnostics != null && r.editDiagnostics.length > 0) {
            System.out.printf(Locale.ROOT, "         slowest edit->diagnostics rounds (round: ms): %s%n", slowest(r.editDiagnostics, 5));
        }
    }

    /** The {@code n} slowest rounds with their numbers: a tail made of the first rounds is a cold JIT, one spread out is not. */
    private static String slowest(double[] times, int n) {
        StringBuilder out = new StringBuilder();
        for (int round : Launch.slowest(times, 0, n)) out.append(out.length() == 0 ? "" : ", ").append('#').append(round).append(": ").append(num(times[round]));
        return out.toString();
    }

    private void printTables(Map<String, Result> results) {
        System.out.println();
        System.out.println("| server | lines | typing completion p50 / p99 | edit → diagnostics p50 / p99 | hover after edit p50 / p99"
                + " | signature help after edit p50 / p99 | start → first diagnostics | RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results.values()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s / %s ms | %s / %s ms | %s / %s ms | %s / %s ms | %s | %s |%n", r.kind.label(), r.lines,
                    num(p(r.typing, 50)), num(p(r.typing, 99)), num(p(r.editDiagnostics, 50)), num(p(r.editDiagnostics, 99)),
                    num(p(r.hover, 50)), num(p(r.hover, 99)), num(p(r.signature, 50)), num(p(r.signature, 99)),
                    ms(r.firstDiagnosticsMs), rss(r.rssKb));
        }
        boolean bash = results.values().stream().anyMatch(r -> r.kind == Kind.BASH);
        if (bash) {
            System.out.println();
            System.out.println("typing completion, bash-language-server's time divided by ours (higher: we are faster)");
            System.out.println("| lines | eyn r13 p50 / p99 | eyn 2026 p50 / p99 | bash-LS p50 / p99 | ratio r13 p50 / p99 | ratio 2026 p50 / p99 |");
            System.out.println("|---|---|---|---|---|---|");
            for (int size : options.sizes) {
                Result b = results.get(Kind.BASH + "/" + size);
                Result a = results.get(Kind.R13 + "/" + size);
                Result c = results.get(Kind.Y2026 + "/" + size);
                System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s |%n", size, pair(a), pair(c), pair(b), ratio(b, a), ratio(b, c));
            }
        }
        System.out.println();
        System.out.println("cost vs file length: each figure divided by the same figure at " + String.format(Locale.ROOT, "%,d", options.sizes.get(0))
                + " lines (1.0 = independent of the length)");
        System.out.println("| server | lines | typing p50 | typing p99 | edit → diagnostics p50 | hover p50 | start → first diagnostics |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Kind kind : Kind.values()) {
            Result base = results.get(kind + "/" + options.sizes.get(0));
            if (base == null) continue;
            for (int size : options.sizes) {
                Result r = results.get(kind + "/" + size);
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", kind.label(), size,
                        factor(p(r.typing, 50), p(base.typing, 50)), factor(p(r.typing, 99), p(base.typing, 99)),
                        factor(p(r.editDiagnostics, 50), p(base.editDiagnostics, 50)), factor(p(r.hover, 50), p(base.hover, 50)),
                        factor(r.firstDiagnosticsMs, base.firstDiagnosticsMs));
            }
        }
    }

    private static String pair(Result r) {
        return r == null ? "—" : num(p(r.typing, 50)) + " / " + num(p(r.typing, 99)) + " ms";
    }

    private static String ratio(Result bash, Result ours) {
        if (bash == null || ours == null) return "—";
        return factor(p(bash.typing, 50), p(ours.typing, 50)) + " / " + factor(p(bash.typing, 99), p(ours.typing, 99));
    }

    private static String factor(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? "—" : String.format(Locale.ROOT, "%.1f×", a / b);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "—";
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    }

    private static String rss(long kb) {
        return kb < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    static double p(double[] values, int percentile) {
        if (values.length == 0) return NONE;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
