package eyn.server.dap;

import eyn.server.common.Log;
import eyn.server.lsp.BytePipe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.InvalidatedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** A DAP client (LSP4J's debug launcher) driving {@code eyn dap}'s serve loop over in-memory pipes. */
final class DapHarness implements AutoCloseable {
    final BlockingQueue<StoppedEventArguments> stopped = new LinkedBlockingQueue<>();
    final List<OutputEventArguments> output = new CopyOnWriteArrayList<>();
    final List<String> order = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> initialized = new CompletableFuture<>();
    final CompletableFuture<TerminatedEventArguments> terminated = new CompletableFuture<>();
    final CompletableFuture<ExitedEventArguments> exited = new CompletableFuture<>();
    final List<InvalidatedEventArguments> invalidated = new CopyOnWriteArrayList<>();
    final List<org.eclipse.lsp4j.debug.MemoryEventArguments> memory = new CopyOnWriteArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();
    private final boolean progressReporting;
    final IDebugProtocolServer server;
    final CompletableFuture<Integer> status = new CompletableFuture<>();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final BytePipe up = new BytePipe();
    Capabilities capabilities;

    DapHarness() {
        this(false);
    }

    DapHarness(boolean progressReporting) {
        this.progressReporting = progressReporting;
        BytePipe down = new BytePipe();
        Thread t = new Thread(() -> {
            try {
                status.complete(DapCommand.serve(up.in(), down.out(), new Log(new PrintStream(log, true))));
            } catch (Exception e) {
                status.completeExceptionally(e);
            } finally {
                down.close();
            }
        }, "test-dap");
        t.setDaemon(true);
        t.start();
        IDebugProtocolClient client = new IDebugProtocolClient() {
            @Override public void initialized() {
                order.add("initialized");
                initialized.complete(null);
            }
            @Override public void stopped(StoppedEventArguments args) {
                order.add("stopped");
                stopped.add(args);
            }
            @Override public void output(OutputEventArguments args) { output.add(args); }
            @Override public void terminated(TerminatedEventArguments args) { terminated.complete(args); }
            @Override public void exited(ExitedEventArguments args) { exited.complete(args); }
            @Override public void invalidated(InvalidatedEventArguments args) { invalidated.add(args); }
            @Override public void memory(org.eclipse.lsp4j.debug.MemoryEventArguments args) { memory.add(args); }
            @Override public void progressStart(org.eclipse.lsp4j.debug.ProgressStartEventArguments args) { progress.add("start:" + args.getTitle()); }
            @Override public void progressUpdate(org.eclipse.lsp4j.debug.ProgressUpdateEventArguments args) { progress.add("update:" + args.getMessage()); }
            @Override public void progressEnd(org.eclipse.lsp4j.debug.ProgressEndEventArguments args) { progress.add("end:" + args.getMessage()); }
        };
        var launcher = DSPLauncher.createClientLauncher(client, down.in(), up.out());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** Writes a script into a test folder. */
    static java.nio.file.Path script(java.nio.file.Path dir, String name, String text) throws java.io.IOException {
        java.nio.file.Path p = dir.resolve(name);
        java.nio.file.Files.writeString(p, text);
        return p;
    }

    /** A request's answer, or a failure after 20 seconds. */
    static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    /** initialize, launch with these arguments, breakpoints on the program, configurationDone. */
    void start(Path program, Map<String, Object> extra, int... breakpointLines) throws Exception {
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("eyn");
        init.setLinesStartAt1(true);
        init.setSupportsProgressReporting(progressReporting);
        capabilities = server.initialize(init).thenApply(c -> {
            order.add("initialize-response");
            return c;
        }).get(10, TimeUnit.SECONDS);
        initialized.get(10, TimeUnit.SECONDS);
        Map<String, Object> args = new HashMap<>(extra);
        args.put("program", program.toString());
        server.launch(args).get(10, TimeUnit.SECONDS);
        if (breakpointLines.length > 0) breakpoints(program, breakpointLines);
        server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    }

    org.eclipse.lsp4j.debug.Breakpoint[] breakpoints(Path file, int... lines) throws Exception {
        SetBreakpointsArguments b = new SetBreakpointsArguments();
        Source s = new Source();
        s.setPath(file.toString());
        b.setSource(s);
        SourceBreakpoint[] bps = new SourceBreakpoint[lines.length];
        for (int i = 0; i < lines.length; i++) {
            bps[i] = new SourceBreakpoint();
            bps[i].setLine(lines[i]);
        }
        b.setBreakpoints(bps);
        return server.setBreakpoints(b).get(10, TimeUnit.SECONDS).getBreakpoints();
    }

    StoppedEventArguments awaitStop() throws InterruptedException {
        StoppedEventArguments e = stopped.poll(20, TimeUnit.SECONDS);
        if (e == null) throw new AssertionError("no stopped event; log: " + log);
        return e;
    }

    /** Sends continue (the response is awaited; the stop or the end comes as an event). */
    void continueRun() throws Exception {
        org.eclipse.lsp4j.debug.ContinueArguments c = new org.eclipse.lsp4j.debug.ContinueArguments();
        c.setThreadId(1);
        server.continue_(c).get(10, TimeUnit.SECONDS);
    }

    StackFrame top() throws Exception {
        StackTraceArguments a = new StackTraceArguments();
        a.setThreadId(1);
        return server.stackTrace(a).get(10, TimeUnit.SECONDS).getStackFrames()[0];
    }

    /** name -> variables of a scope of the top frame. */
    Map<String, Variable> scope(String name) throws Exception {
        ScopesArguments s = new ScopesArguments();
        s.setFrameId(top().getId());
        for (var scope : server.scopes(s).get(10, TimeUnit.SECONDS).getScopes()) {
            if (scope.getName().equals(name)) return children(scope.getVariablesReference());
        }
        throw new AssertionError("no scope " + name);
    }

    Map<String, Variable> children(int reference) throws Exception {
        VariablesArguments v = new VariablesArguments();
        v.setVariablesReference(reference);
        Map<String, Variable> out = new java.util.LinkedHashMap<>();
        for (Variable x : server.variables(v).get(10, TimeUnit.SECONDS).getVariables()) out.put(x.getName(), x);
        return out;
    }

    String evaluate(String expression, String context) throws Exception {
        EvaluateArguments e = new EvaluateArguments();
        e.setExpression(expression);
        e.setContext(context);
        e.setFrameId(top().getId());
        return server.evaluate(e).get(10, TimeUnit.SECONDS).getResult();
    }

    String allOutput() {
        StringBuilder b = new StringBuilder();
        for (OutputEventArguments o : output) b.append(o.getOutput());
        return b.toString().replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Override
    public void close() throws IOException {
        up.close();
        try {
            status.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the adapter did not stop", e);
        }
    }
}
