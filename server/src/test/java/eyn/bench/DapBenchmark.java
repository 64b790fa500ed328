package eyn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
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
 * Drives the real {@code eyn dap} process over its stdio from this client process and prints:
 * adapter start to {@code initialized}; {@code next} to {@code stopped}; the refresh an editor does
 * after each stop (stackTrace, scopes, variables of every scope); continue through 1,000,000 loop
 * iterations with a breakpoint after the loop; stepBack after 100,000 executed lines.
 * Usage: {@code DapBenchmark path/to/eyn.jar}.
 */
public final class DapBenchmark {
    private final BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    private final CompletableFuture<TerminatedEventArguments> terminated = new CompletableFuture<>();
    private IDebugProtocolServer server;
    private Process process;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/eyn.jar");
        Path dir = Files.createTempDirectory("eyn-dap-bench");
        Path script = dir.resolve("bench.eyn");
        Files.writeString(script, "set N=0\nloop 1000000\nset X=$N\nifeq $X 5\necho five\nendif\nendloop\necho after loop\n");
        Path steps = dir.resolve("steps.eyn");
        Files.writeString(steps, "set N=0\nloop 50000\nset X=1\nendloop\necho done\n");

        DapBenchmark b = new DapBenchmark();
        double startMs = b.start(jar);
        System.out.printf("adapter start to initialized: %.0f ms (target < 1000 ms)%n", startMs);
        b.launch(script, true);
        b.await();
        double[] next = new double[2000];
        double[] refresh = new double[next.length];
        for (int i = 0; i < next.length; i++) {
            long t = System.nanoTime();
            NextArguments n = new NextArguments();
            n.setThreadId(1);
            b.server.next(n).get(10, TimeUnit.SECONDS);
            b.await();
            next[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            b.refresh();
            refresh[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] warmNext = Arrays.copyOfRange(next, 1000, next.length);
        double[] warmRefresh = Arrays.copyOfRange(refresh, 1000, refresh.length);
        System.out.printf("next -> stopped: p50 %.2f ms, p99 %.2f ms (target p99 <= 2 ms)%n", percentile(warmNext, 50), percentile(warmNext, 99));
        System.out.printf("stop refresh (stackTrace, scopes, variables of every scope): p50 %.2f ms, p99 %.2f ms (target p99 <= 4 ms)%n",
                percentile(warmRefresh, 50), percentile(warmRefresh, 99));
        b.breakpoint(script, 8);
        long t = System.nanoTime();
        ContinueArguments c = new ContinueArguments();
        c.setThreadId(1);
        b.server.continue_(c).get(10, TimeUnit.SECONDS);
        b.await();
        double withHistory = (System.nanoTime() - t) / 1e6;
        System.out.printf("continue through the rest of 1,000,000 iterations to a breakpoint after the loop: %.0f ms (target < 2000 ms)%n",
                withHistory);
        b.stop();

        // the same run without history ('persist' turns reverse execution off): the difference is what history costs
        DapBenchmark h = new DapBenchmark();
        h.start(jar);
        Map<String, Object> plain = new HashMap<>();
        plain.put("program", script.toString());
        plain.put("stopOnEntry", false);
        plain.put("persist", true);
        h.server.launch(plain).get(30, TimeUnit.SECONDS);
        h.breakpoint(script, 8);
        long t2 = System.nanoTime();
        h.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        h.await();
        double withoutHistory = (System.nanoTime() - t2) / 1e6;
        h.stop();
        long lines = 1 + 1_000_000L * 4;
        System.out.printf("the same loop without history: %.0f ms; history costs about %.0f ns per executed line%n",
                withoutHistory, Math.max(0, withHistory - withoutHistory) * 1e6 / lines);

        DapBenchmark r = new DapBenchmark();
        r.start(jar);
        r.launch(steps, false);
        r.breakpoint(steps, 5);
        r.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
        r.await();
        double[] back = new double[50];
        for (int i = 0; i < back.length; i++) {
            long s = System.nanoTime();
            StepBackArguments a = new StepBackArguments();
            a.setThreadId(1);
            r.server.stepBack(a).get(10, TimeUnit.SECONDS);
            r.await();
            back[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf("stepBack after 100,001 executed lines: p50 %.2f ms, max %.2f ms (target < 20 ms)%n",
                percentile(back, 50), percentile(back, 100));
        r.stop();
    }

    private double start(Path jar) throws Exception {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "dap")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        IDebugProtocolClient client = new IDebugProtocolClient() {
            @Override public void initialized() { initialized.complete(null); }
            @Override public void stopped(StoppedEventArguments args) { stops.add(args); }
            @Override public void terminated(TerminatedEventArguments args) { terminated.complete(args); }
        };
        var launcher = DSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eyn");
        server.initialize(init).get(30, TimeUnit.SECONDS);
        initialized.get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1e6;
    }

    private void launch(Path script, boolean configure) throws Exception {
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
        server.setBreakpoints(a).get(10, TimeUnit.SECONDS);
    }

    private void await() throws InterruptedException {
        if (stops.poll(60, TimeUnit.SECONDS) == null) throw new IllegalStateException("no stop");
    }

    private void refresh() throws Exception {
        StackTraceArguments st = new StackTraceArguments();
        st.setThreadId(1);
        var frames = server.stackTrace(st).get(10, TimeUnit.SECONDS).getStackFrames();
        ScopesArguments sc = new ScopesArguments();
        sc.setFrameId(frames[0].getId());
        for (var scope : server.scopes(sc).get(10, TimeUnit.SECONDS).getScopes()) {
            VariablesArguments v = new VariablesArguments();
            v.setVariablesReference(scope.getVariablesReference());
            server.variables(v).get(10, TimeUnit.SECONDS);
        }
    }

    private void stop() throws Exception {
        server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
        process.getOutputStream().close();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
