package eyn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * Drives the real {@code eyn dap} process over its stdio from this client process, the way an
 * editor does, and prints:
 * <ul>
 * <li>continue through 1,000,000 loop iterations from a <b>cold</b> adapter: a new process,
 * initialize, launch, a breakpoint after the loop, configurationDone, then the time to the stop
 * (median of several processes), for a Release 13 {@code loop} and a 2026 {@code while}, with and
 * without reverse history, next to {@code eyn run} of the same script; then the same run
 * <b>warm</b> ({@code restart} in the same process);</li>
 * <li>{@code next} to {@code stopped}, and the refresh an editor makes after each stop (threads,
 * stackTrace, scopes, the variables of every scope), over the first 200 steps of a cold process and
 * over 1,000 steps once it is warm (this client first warms its own JSON code on a throwaway adapter,
 * so that the cold figure is the adapter's);</li>
 * <li>the same client's first 200 steps against {@link DapFloor}, a JVM that answers with canned text: the
 * floor of the cold figures on this machine;</li>
 * <li>the first 200 steps of the first and the second session on an <b>adapter host</b> ({@code eyn dap
 * --listen}, as the VS Code extension keeps one per window), connected over its Unix socket once it has
 * rehearsed, with the time from its start to the end of its rehearsal;</li>
 * <li>stepBack after 100,001 executed lines (the ones over 10 ms listed).</li>
 * </ul>
 * Usage: {@code DapBenchmark path/to/eyn.jar [cold-runs]}.
 */
public final class DapBenchmark {
    private final BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private final CompletableFuture<TerminatedEventArguments> terminated = new CompletableFuture<>();
    private IDebugProtocolServer server;
    private Process process;
    private long started;
    /** The socket of the adapter host this process is, when {@link #startHost} started it. */
    private Path hostSocket;
    /** The host's line about its rehearsal. */
    private String rehearsal;

    static final String R13_LOOP = "set N=0\nloop 1000000\nset X=1\nendloop\necho after loop\n";
    /** Line (1-based) of the breakpoint after the loop. */
    static final int R13_AFTER = 5;
    static final String D3_LOOP = "# eyn: profile=2026\nset K=0\nwhile $K != 1000000\n    set K=$(calc $K+1)\nendwhile\necho after loop $K\n";
    static final int D3_AFTER = 6;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/eyn.jar");
        int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("eyn-dap-bench");
        Path r13 = dir.resolve("loop.eyn");
        Files.writeString(r13, R13_LOOP);
        Path d3 = dir.resolve("while.shell");
        Files.writeString(d3, D3_LOOP);
        Path stepping = dir.resolve("bench.eyn");
        Files.writeString(stepping, "set N=0\nloop 1000000\nset X=$N\nifeq $X 5\necho five\nendif\nendloop\necho after loop\n");
        Path steps = dir.resolve("steps.eyn");
        Files.writeString(steps, "set N=0\nloop 50000\nset X=1\nendloop\necho done\n");

        System.out.printf("eyn dap benchmark: %s, %d cold processes per figure, %d cores, load %.1f%n", jar, coldRuns,
                Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        // ---- continue through a million iterations, cold and warm -----------------------------------
        // -Deyn.bench.stepsOnly=true measures only next and the refresh, to iterate on them quickly
        boolean stepsOnly = Boolean.getBoolean("eyn.bench.stepsOnly");
        if (!stepsOnly) {
        System.out.printf("%ncontinue through 1,000,000 iterations to a breakpoint after the loop (configurationDone -> stopped; median [min-max])%n");
        continueFigures(jar, "r13 loop of set, history on", r13, R13_AFTER, false, coldRuns, 1000);
        continueFigures(jar, "r13 loop of set, history off", r13, R13_AFTER, true, coldRuns, 0);
        continueFigures(jar, "2026 while of set $(calc), history on", d3, D3_AFTER, false, coldRuns, 0);
        continueFigures(jar, "2026 while of set $(calc), history off", d3, D3_AFTER, true, coldRuns, 0);
        }

        // ---- next and the refresh after each stop, cold and warm --------------------------------------
        // this client's own LSP4J reader and writer are warmed first on a throwaway adapter, as ClientWarmUp does
        // for the language server: an editor's JSON code is warm, and the cold figure is the adapter's
        // (-Deyn.bench.clientWarmUp=false measures with a cold client too)
        if (Boolean.parseBoolean(System.getProperty("eyn.bench.clientWarmUp", "true"))) warmClient(jar, stepping);
        DapBenchmark b = new DapBenchmark();
        double startMs = b.start(jar);
        System.out.printf("%nadapter start to initialized: %.0f ms (target < 1000 ms)%n", startMs);
        b.launch(stepping, true);
        b.await();
        // -Deyn.bench.thinkMs=N pauses after the stop on entry, as a person looks at it before the first step
        Thread.sleep(Long.getLong("eyn.bench.thinkMs", 0));
        int cold = 200;
        // -Deyn.bench.steps=N steps longer, to see how far the warm tail is the JIT compilers still at work
        int total = Integer.getInteger("eyn.bench.steps", 2200);
        Steps measured = b.steps(total);
        double[] next = measured.next(), refresh = measured.refresh(), both = measured.both();
        long[] clientGcs = measured.clientGcs(), wallClock = measured.wallClock();
        printSteps("cold (first " + cold + " steps of a new process)", Arrays.copyOfRange(next, 0, cold),
                Arrays.copyOfRange(refresh, 0, cold), Arrays.copyOfRange(both, 0, cold));
        printSteps("warm (last 1,000 of " + total + " steps)", Arrays.copyOfRange(next, total - 1000, total),
                Arrays.copyOfRange(refresh, total - 1000, total), Arrays.copyOfRange(both, total - 1000, total));
        printSlowest(next, refresh, both, clientGcs, total - 1000);
        // -Deyn.bench.stepsFile=path writes every step (number, wall clock ms, next, refresh), to line up with GC or JFR logs
        String stepsFile = System.getProperty("eyn.bench.stepsFile");
        if (stepsFile != null) {
            StringBuilder out = new StringBuilder("step\tepochMs\tnextMs\trefreshMs\tclientGcs\n");
            for (int i = 0; i < total; i++) {
                out.append(String.format(java.util.Locale.ROOT, "%d\t%d\t%.3f\t%.3f\t%d%n", i, wallClock[i], next[i], refresh[i], clientGcs[i]));
            }
            Files.writeString(Path.of(stepsFile), out);
        }
        b.stop();
        // -Deyn.bench.floor=false leaves out the floor: the same client's first steps against a JVM that does nothing
        if (Boolean.parseBoolean(System.getProperty("eyn.bench.floor", "true"))) floor(stepping, cold);
        // -Deyn.bench.host=false leaves out the adapter host: the first 200 steps of sessions on eyn dap --listen
        if (Boolean.parseBoolean(System.getProperty("eyn.bench.host", "true"))) host(jar, stepping, cold);
        if (stepsOnly) System.exit(0);

        // ---- stepBack ---------------------------------------------------------------------------------
        DapBenchmark r = new DapBenchmark();
        r.start(jar);
        r.launch(steps, false);
        r.breakpoint(steps, 5);
        r.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        r.await();
        double[] back = new double[50];
        for (int i = 0; i < back.length; i++) {
            long s = System.nanoTime();
            r.stepBack();
            back[i] = (System.nanoTime() - s) / 1e6;
        }
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < back.length; i++) if (back[i] > 10) slow.append(String.format(" #%d %.1f ms", i, back[i]));
        System.out.printf("%nstepBack after 100,001 executed lines: p50 %.2f ms, max %.2f ms (target < 20 ms); over 10 ms:%s%n",
                percentile(back, 50), percentile(back, 100), slow.length() == 0 ? " none" : slow);
        r.stop();
        System.exit(0); // LSP4J's idle threads would otherwise keep this process alive for a minute
    }

    /**
     * {@code runs} cold processes, each: initialize, launch, setBreakpoints after the loop,
     * configurationDone, the stop; then two restarts in the last one for the warm figure; and
     * {@code eyn run} of the script for comparison.
     */
    private static void continueFigures(Path jar, String label, Path script, int line, boolean noHistory, int runs, int target) throws Exception {
        double[] cold = new double[runs];
        double[] fromStart = new double[runs];
        double[] warm = new double[2];
        for (int i = 0; i < runs; i++) {
            DapBenchmark d = new DapBenchmark();
            d.start(jar);
            Map<String, Object> a = new HashMap<>();
            a.put("program", script.toString());
            a.put("stopOnEntry", false);
            if (noHistory) a.put("persist", true);
            d.server.launch(a).get(30, TimeUnit.SECONDS);
            d.breakpoint(script, line);
            long t = System.nanoTime();
            d.server.configurationDone(new ConfigurationDoneArguments()).get(30, TimeUnit.SECONDS);
            d.await();
            long end = System.nanoTime();
            cold[i] = (end - t) / 1e6;
            fromStart[i] = (end - d.started) / 1e6;
            if (i == runs - 1) {
                for (int w = 0; w < warm.length; w++) {
                    long s = System.nanoTime();
                    d.server.restart(new RestartArguments()).get(30, TimeUnit.SECONDS);
                    d.await();
                    warm[w] = (System.nanoTime() - s) / 1e6;
                }
            }
            d.stop();
        }
        double[] run = new double[Math.max(1, runs)];
        for (int i = 0; i < run.length; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(eyn(jar, "run", script.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(120, TimeUnit.SECONDS);
            run[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("  %-40s cold %s ms (process start to stop %s ms); warm (restart) %s ms; eyn run incl. JVM start %s ms%s%n",
                label, range(cold), range(fromStart), range(warm), range(run), target > 0 ? " (target cold < " + target + " ms)" : "");
    }

    /**
     * The first {@code steps} steps of a new {@link DapFloor} process, started with the adapter's JVM options but
     * without the class-data archive (its few classes load from the class path): how much of the cold figures
     * a JVM costs on this machine whatever the adapter does.
     */
    private static void floor(Path script, int steps) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Launch.FLAGS);
        command.addAll(Launch.DAP_FLAGS);
        command.addAll(List.of("-cp", Path.of(DapFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                DapFloor.class.getName()));
        DapBenchmark f = new DapBenchmark();
        f.start(command);
        f.launch(script, true);
        f.await();
        Steps measured = f.steps(steps);
        f.stop();
        printSteps("floor: the same client, first " + steps + " steps of a JVM that parses nothing and keeps no state (DapFloor)",
                measured.next(), measured.refresh(), measured.both());
    }

    /**
     * The first {@code steps} steps of the first two sessions on an adapter host ({@code eyn dap --listen}, which
     * the VS Code extension starts with the language server), connected after its rehearsal.
     */
    private static void host(Path jar, Path script, int steps) throws Exception {
        // this client's socket code (NIO's channel, the buffered streams) is warmed first on a throwaway host, as
        // its stdio code was on a throwaway process: an editor's is warm, and the figure is the host's
        DapBenchmark throwaway = new DapBenchmark();
        throwaway.startHost(jar);
        DapBenchmark warming = new DapBenchmark();
        warming.connectToHost(throwaway);
        warming.launch(script, true);
        warming.await();
        warming.steps(1500);
        warming.disconnect();
        throwaway.endHost();
        DapBenchmark host = new DapBenchmark();
        double ready = host.startHost(jar);
        System.out.printf("%nadapter host start to the end of its rehearsal: %.0f ms (%s)%n", ready, host.rehearsal);
        for (String which : List.of("first", "second")) {
            DapBenchmark session = new DapBenchmark();
            double init = session.connectToHost(host);
            session.launch(script, true);
            session.await();
            Steps measured = session.steps(steps);
            session.disconnect();
            printSteps("adapter host (eyn dap --listen, as VS Code starts it): " + which + " session, connect to initialized "
                    + String.format("%.1f ms", init) + ", its first " + steps + " steps", measured.next(), measured.refresh(), measured.both());
        }
        host.endHost();
    }

    /** Ends the host {@link #startHost} started, as an editor does: by closing its stdin. */
    private void endHost() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("the host did not end when its stdin closed");
    }

    /** Each step's {@code next} → stopped and refresh times in milliseconds, their sums, the client's collections during it and when it began. */
    record Steps(double[] next, double[] refresh, double[] both, long[] clientGcs, long[] wallClock) { }

    /** {@code count} steps, each {@code next} to its stop and the refresh after it. */
    Steps steps(int count) throws Exception {
        Steps s = new Steps(new double[count], new double[count], new double[count], new long[count], new long[count]);
        for (int i = 0; i < count; i++) {
            long gcs = clientCollections();
            s.wallClock()[i] = System.currentTimeMillis();
            long t = System.nanoTime();
            next();
            s.next()[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            refresh();
            s.refresh()[i] = (System.nanoTime() - t) / 1e6;
            s.both()[i] = s.next()[i] + s.refresh()[i];
            s.clientGcs()[i] = clientCollections() - gcs;
        }
        return s;
    }

    /** 1,500 steps and refreshes against an adapter process that is then thrown away. */
    private static void warmClient(Path jar, Path script) throws Exception {
        long t = System.nanoTime();
        DapBenchmark w = new DapBenchmark();
        w.start(jar);
        w.launch(script, true);
        w.await();
        for (int i = 0; i < 1500; i++) {
            w.next();
            w.refresh();
        }
        w.stop();
        System.out.printf("%nclient warmed on a throwaway adapter (1,500 steps) in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    private static void printSteps(String label, double[] next, double[] refresh, double[] both) {
        System.out.printf("%s:%n", label);
        System.out.printf("  next -> stopped: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 2 ms)%n",
                percentile(next, 50), percentile(next, 99), percentile(next, 100));
        System.out.printf("  refresh (threads, stackTrace, scopes, variables of every scope): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(refresh, 50), percentile(refresh, 99), percentile(refresh, 100));
        System.out.printf("  stop + refresh (next -> stopped -> every scope's variables): p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 4 ms)%n",
                percentile(both, 50), percentile(both, 99), percentile(both, 100));
    }

    /**
     * The five slowest warm steps with their numbers and whether this client process collected
     * garbage during them, to tell a tail of the adapter from one of the measuring process.
     */
    private static void printSlowest(double[] next, double[] refresh, double[] both, long[] clientGcs, int from) {
        Integer[] order = Launch.slowest(both, from, 5);
        long withGc = 0;
        for (int i = from; i < both.length; i++) if (clientGcs[i] > 0) withGc++;
        System.out.printf("  slowest warm steps (%d of the 1,000 saw a collection in this client):%n", withGc);
        for (int i : order) {
            System.out.printf("    step %d: next %.2f ms + refresh %.2f ms = %.2f ms%s%n", i, next[i], refresh[i], both[i],
                    clientGcs[i] > 0 ? ", client collected " + clientGcs[i] + "x" : "");
        }
    }

    private static long clientCollections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    /**
     * The command that starts eyn.jar as {@code ./eyn} and the extension do: their JVM options for that eyn
     * command and the CDS archive ({@code -Deyn.bench.dapFlags=false}: without the adapter's JIT thresholds,
     * to measure what they buy).
     */
    private static List<String> eyn(Path jar, String... args) {
        boolean dapFlags = Boolean.parseBoolean(System.getProperty("eyn.bench.dapFlags", "true"));
        List<String> options = new ArrayList<>(Launch.defaultJvmOptions(jar, dapFlags ? args[0] : "run"));
        // after the launcher's options, so that e.g. -Xlog:gc*:file=... is not switched off by their -Xlog:disable
        String extra = System.getProperty("eyn.bench.adapterJvm", "").trim();
        if (!extra.isEmpty()) options.addAll(List.of(extra.split("\\s+")));
        return Launch.command(jar, options, args);
    }

    private double start(Path jar) throws Exception {
        return start(eyn(jar, "dap"));
    }

    /** Starts the adapter with this command and initializes it; returns the milliseconds to the initialized event. */
    double start(List<String> command) throws Exception {
        started = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return connect(process.getInputStream(), process.getOutputStream());
    }

    /**
     * Starts {@code eyn dap --listen} as the VS Code extension does and waits until it has rehearsed (what an
     * editor's host has done by the time a person presses F5); returns the milliseconds from the process start
     * to the end of the rehearsal. {@link #connectToHost} then opens a session on it.
     */
    double startHost(Path jar) throws Exception {
        hostSocket = Files.createTempDirectory("eyn-dap-host").resolve("dap.sock");
        long t = System.nanoTime();
        process = new ProcessBuilder(eyn(jar, "dap", "--listen", hostSocket.toString())).start();
        var err = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.startsWith("eyn dap: rehearsal")) {
            // the listening line comes first
        }
        if (line == null) throw new IllegalStateException("the host ended before its rehearsal");
        rehearsal = line.substring("eyn dap: ".length());
        Thread drain = new Thread(() -> { try { err.transferTo(java.io.Writer.nullWriter()); } catch (java.io.IOException e) { } });
        drain.setDaemon(true);
        drain.start();
        return (System.nanoTime() - t) / 1e6;
    }

    /** A new session on the host {@link #startHost} started, initialized; the milliseconds to the initialized event. */
    double connectToHost(DapBenchmark host) throws Exception {
        process = host.process;
        started = System.nanoTime();
        var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        channel.connect(java.net.UnixDomainSocketAddress.of(host.hostSocket));
        return connect(eyn.server.common.SocketHost.inputOf(channel), eyn.server.common.SocketHost.outputOf(channel));
    }

    private double connect(java.io.InputStream in, java.io.OutputStream out) throws Exception {
        IDebugProtocolClient client = new IDebugProtocolClient() {
            @Override public void initialized() { initialized.complete(null); }
            @Override public void stopped(StoppedEventArguments args) { stops.add(args); }
            @Override public void terminated(TerminatedEventArguments args) { terminated.complete(args); }
        };
        var launcher = DSPLauncher.createClientLauncher(client, in, out);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eyn");
        server.initialize(init).get(30, TimeUnit.SECONDS);
        initialized.get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - started) / 1e6;
    }

    void launch(Path script, boolean configure) throws Exception {
        Map<String, Object> args = new HashMap<>();
        args.put("program", script.toString());
        args.put("stopOnEntry", configure);
        server.launch(args).get(30, TimeUnit.SECONDS);
        if (configure) server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    }

    private void breakpoint(Path script, int line) throws Exception {
        SetBreakpointsArguments a = new SetBreakpointsArguments();
        Source s = new Source();
        s.setPath(script.toString());
        a.setSource(s);
        SourceBreakpoint bp = new SourceBreakpoint();
        bp.setLine(line);
        a.setBreakpoints(new SourceBreakpoint[] {bp});
        var verified = server.setBreakpoints(a).get(10, TimeUnit.SECONDS).getBreakpoints();
        if (verified.length != 1 || !Boolean.TRUE.equals(verified[0].isVerified()) || verified[0].getLine() != line) {
            throw new IllegalStateException("breakpoint on line " + line + " not set there: " + Arrays.toString(verified));
        }
    }

    /** {@code stepBack}, and its stop. */
    void stepBack() throws Exception {
        StepBackArguments a = new StepBackArguments();
        a.setThreadId(1);
        server.stepBack(a).get(10, TimeUnit.SECONDS);
        await();
    }

    /** {@code next}, and its stop. */
    void next() throws Exception {
        sendNext();
        await();
    }

    /** {@code next}, and its stop: false when the script ended instead (the terminated event). */
    boolean nextUnlessEnded() throws Exception {
        sendNext();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (stops.poll(20, TimeUnit.MILLISECONDS) != null) return true;
            if (terminated.isDone()) return false;
        }
        throw new IllegalStateException("neither a stop nor the end");
    }

    private void sendNext() throws Exception {
        NextArguments n = new NextArguments();
        n.setThreadId(1);
        server.next(n).get(10, TimeUnit.SECONDS);
    }

    void await() throws InterruptedException {
        StoppedEventArguments s = stops.poll(120, TimeUnit.SECONDS);
        if (s == null) throw new IllegalStateException("no stop");
    }

    /** What an editor asks after a stop: threads, the stack, the top frame's scopes and each scope's variables. */
    void refresh() throws Exception {
        server.threads().get(10, TimeUnit.SECONDS);
        StackTraceArguments st = new StackTraceArguments();
        st.setThreadId(1);
        var frames = server.stackTrace(st).get(10, TimeUnit.SECONDS).getStackFrames();
        ScopesArguments sc = new ScopesArguments();
        sc.setFrameId(frames[0].getId());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (var scope : server.scopes(sc).get(10, TimeUnit.SECONDS).getScopes()) {
            VariablesArguments v = new VariablesArguments();
            v.setVariablesReference(scope.getVariablesReference());
            // an editor sends these together and waits for all
            pending.add(server.variables(v));
        }
        for (CompletableFuture<?> f : pending) f.get(10, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        disconnect();
        process.getOutputStream().close();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
    }

    void disconnect() throws Exception {
        server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
    }

    private static String range(double[] values) {
        if (values.length == 1) return String.format("%.0f", values[0]);
        return String.format("%.0f [%.0f-%.0f]", percentile(values, 50), percentile(values, 0), percentile(values, 100));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
