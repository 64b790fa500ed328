package eyn.server.dap;

import eyn.debug.BreakpointRequests;
import eyn.debug.Breakpoints;
import eyn.debug.ConsoleCompletions;
import eyn.debug.ConsoleLines;
import eyn.debug.DataBreakpoints;
import eyn.debug.Debugger;
import eyn.debug.Evaluation;
import eyn.debug.History;
import eyn.debug.Inspection;
import eyn.debug.MemoryAccess;
import eyn.debug.Navigation;
import eyn.debug.PortabilityStops;
import eyn.debug.Refusal;
import eyn.debug.StackView;
import eyn.debug.WatchTarget;
import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import eyn.interpreter.Options;
import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.server.common.Ansi;
import eyn.server.common.Log;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.CompletionItem;
import org.eclipse.lsp4j.debug.CompletionItemType;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.CompletionsResponse;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DataBreakpoint;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.GotoArguments;
import org.eclipse.lsp4j.debug.GotoTarget;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.GotoTargetsResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.InvalidatedEventArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.MemoryEventArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.RestartFrameArguments;
import org.eclipse.lsp4j.debug.ReverseContinueArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetDataBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetDataBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.debug.WriteMemoryResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The EYN debug adapter: one short method per request, translating between the protocol and
 * {@code eyn.debug}'s typed values. Requests are answered at once; the interpreter runs on one
 * session thread, and its stops become {@code stopped} events that the {@link EventGate} sends only
 * after the response of the request that caused them. A {@link Refusal} becomes an error response.
 */
public final class EynDebugAdapter implements IDebugProtocolServer {
    static final int THREAD = 1;
    static final long CHECKPOINT_INTERVAL = 256;

    private final Log log;
    private final EventGate gate;
    private final Runnable onTerminate;
    private final ExecutorService session = Executors.newSingleThreadExecutor(r -> {
        java.lang.Thread t = new java.lang.Thread(r, "eyn-dap-session");
        t.setDaemon(true);
        return t;
    });
    private final Handles handles = new Handles();
    private final Breakpoints breakpoints = new Breakpoints();
    private final ProgressReporter progress;
    private volatile IDebugProtocolClient client;
    private volatile boolean progressSupported;
    private boolean linesStartAt1 = true;
    private LaunchConfig config;
    private Interpreter interpreter;
    private Debugger debugger;
    private volatile boolean running;
    private volatile boolean terminated;
    /** The drives opened for the current run, closed when the session ends or restarts. */
    private MachineConfig openedDrives;
    /** The data breakpoints, kept across restarts. */
    private List<Debugger.Watch> watches = List.of();

    public EynDebugAdapter(Log log, EventGate gate, Runnable onTerminate) {
        this.log = log;
        this.gate = gate;
        this.onTerminate = onTerminate;
        this.progress = new ProgressReporter(gate, () -> client);
    }

    public void connect(IDebugProtocolClient client) {
        this.client = client;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
        linesStartAt1 = args.getLinesStartAt1() == null || args.getLinesStartAt1();
        progressSupported = Boolean.TRUE.equals(args.getSupportsProgressReporting());
        gate.send(() -> client.initialized());
        return CompletableFuture.completedFuture(capabilities());
    }

    static Capabilities capabilities() {
        return DapTypes.capabilities();
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> args) {
        return onSession(() -> {
            config = LaunchConfig.of(args);
            start();
            return null;
        });
    }

    private void start() {
        String source = config.programText();
        closeDrives(); // a restart reopens them: an image's writer lock must be free again first
        openedDrives = config.machine();
        interpreter = new Interpreter(new Machine(openedDrives), this::output,
                new Options(config.options().maxSteps(), config.options().profileChoice(source).profile()));
        // checkpoints are measured (History): at most historyBytes, and never more than a quarter of the JVM's heap
        History history = config.options().persist() ? null : History.withBudget(CHECKPOINT_INTERVAL,
                Math.min(config.options().historyBytes(), Runtime.getRuntime().maxMemory() / 4), config.options().historySteps());
        // noDebug (VS Code's "Run Without Debugging"): nothing stops the run
        debugger = new Debugger(interpreter, config.options().noDebug() ? new Breakpoints() : breakpoints, history,
                new PortabilityStops(config::scriptText, config.options().portabilityWarnings()), this::logpoint);
        debugger.setSourceKey(path -> sourceKey(config.hostPath(path)));
        interpreter.start(config.scriptPath(), source, config.options().args());
        debugger.setWatches(watches);
        terminated = false;
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
        return onSession(() -> {
            requireLaunched();
            begin();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> restart(RestartArguments args) {
        if (debugger != null) debugger.requestPause();
        return onSession(() -> {
            requireLaunched();
            start();
            begin();
            return null;
        });
    }

    /** Stops on entry, or runs; the run is queued behind the current request so its response goes first. */
    private void begin() {
        handles.clear();
        if (config.options().stopsOnEntry()) {
            stopped(debugger.stop(new Debugger.Stop(Debugger.Reason.ENTRY, null)));
        } else {
            running = true;
            session.execute(() -> resume(Debugger.Mode.CONTINUE));
        }
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments args) {
        if (debugger != null) debugger.requestPause();
        return onSession(() -> {
            finish(null);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments args) {
        if (debugger != null) debugger.requestPause();
        return onSession(() -> {
            if (!terminated && interpreter != null) {
                terminated = true;
                gate.send(() -> client.terminated(new TerminatedEventArguments()));
            }
            // end the session only once the disconnect response is out
            if (onTerminate != null) gate.send(onTerminate);
            return null;
        });
    }

    // ---- breakpoints -------------------------------------------------------------------------

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments args) {
        return onSession(() -> {
            Source source = args.getSource();
            if (source == null || source.getPath() == null) throw invalid("setBreakpoints needs a source with a path");
            Path host = Path.of(source.getPath());
            // keyed by the host file: breakpoints may come before launch says where drive 0 is
            List<BreakpointRequests.LineRequest> requests = Arrays.stream(orEmpty(args.getBreakpoints(), SourceBreakpoint[]::new))
                    .map(b -> new BreakpointRequests.LineRequest(fromClient(b.getLine()), b.getCondition(), b.getHitCondition(), b.getLogMessage()))
                    .toList();
            boolean onDrive = config == null || config.scriptPathOf(host) != null;
            List<BreakpointRequests.Verdict> verdicts = BreakpointRequests.setLines(breakpoints, sourceKey(host), host.toString(),
                    LaunchConfig.text(host), onDrive, requests);
            SetBreakpointsResponse r = new SetBreakpointsResponse();
            r.setBreakpoints(breakpoints(verdicts, source));
            return r;
        });
    }

    static String sourceKey(Path host) {
        return host.toAbsolutePath().normalize().toString();
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments args) {
        return onSession(() -> {
            List<BreakpointRequests.CommandRequest> requests = Arrays.stream(orEmpty(args.getBreakpoints(), FunctionBreakpoint[]::new))
                    .map(b -> new BreakpointRequests.CommandRequest(b.getName(), b.getCondition(), b.getHitCondition())).toList();
            SetFunctionBreakpointsResponse r = new SetFunctionBreakpointsResponse();
            r.setBreakpoints(breakpoints(BreakpointRequests.setCommands(breakpoints, requests), null));
            return r;
        });
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments args) {
        return now(() -> {
            BreakpointRequests.setFilters(breakpoints, Arrays.asList(orEmpty(args.getFilters(), String[]::new)));
            SetExceptionBreakpointsResponse r = new SetExceptionBreakpointsResponse();
            r.setBreakpoints(new Breakpoint[0]);
            return r;
        });
    }

    /** Verdicts as protocol breakpoints: ids 1..n, a line where placed, a message where refused. */
    private Breakpoint[] breakpoints(List<BreakpointRequests.Verdict> verdicts, Source source) {
        Breakpoint[] out = new Breakpoint[verdicts.size()];
        for (int i = 0; i < out.length; i++) {
            BreakpointRequests.Verdict v = verdicts.get(i);
            Breakpoint b = new Breakpoint();
            if (source != null) {
                b.setId(i + 1);
                b.setSource(source);
            }
            b.setVerified(v.verified());
            if (!v.verified()) b.setMessage(v.problem());
            else if (v.line() >= 0) b.setLine(line(v.line()));
            out[i] = b;
        }
        return out;
    }

    @Override
    public CompletableFuture<DataBreakpointInfoResponse> dataBreakpointInfo(DataBreakpointInfoArguments args) {
        return onStopped(() -> {
            String name = args.getName() == null ? "" : args.getName().strip();
            WatchTarget target = Boolean.TRUE.equals(args.getAsAddress()) ? DataBreakpoints.atAddress(name, args.getBytes())
                    : args.getVariablesReference() != null ? handles.watchable(args.getVariablesReference(), name) : null;
            DataBreakpoints.Info info = DataBreakpoints.info(target);
            DataBreakpointInfoResponse r = new DataBreakpointInfoResponse();
            r.setDataId(info.dataId());
            r.setDescription(info.description());
            if (info.dataId() != null) {
                r.setAccessTypes(info.accesses().stream().map(a -> DataBreakpointAccessType.valueOf(a.name()))
                        .toArray(DataBreakpointAccessType[]::new));
                r.setCanPersist(false);
            }
            return r;
        });
    }

    @Override
    public CompletableFuture<SetDataBreakpointsResponse> setDataBreakpoints(SetDataBreakpointsArguments args) {
        return onStopped(() -> {
            DataBreakpoints.Result result = DataBreakpoints.of(Arrays.stream(orEmpty(args.getBreakpoints(), DataBreakpoint[]::new))
                    .map(d -> new DataBreakpoints.Request(d.getDataId(),
                            d.getAccessType() == null ? null : WatchTarget.Access.valueOf(d.getAccessType().name())))
                    .toList());
            watches = result.watches();
            debugger.setWatches(watches);
            SetDataBreakpointsResponse r = new SetDataBreakpointsResponse();
            r.setBreakpoints(result.problems().stream().map(problem -> {
                Breakpoint b = new Breakpoint();
                b.setVerified(problem == null);
                b.setMessage(problem);
                return b;
            }).toArray(Breakpoint[]::new));
            return r;
        });
    }

    // ---- execution ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
        ContinueResponse r = new ContinueResponse();
        r.setAllThreadsContinued(true);
        return resumeLater(Debugger.Mode.CONTINUE).thenApply(v -> r);
    }

    @Override
    public CompletableFuture<Void> next(NextArguments args) {
        return resumeLater(Debugger.Mode.NEXT);
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments args) {
        return resumeLater(Debugger.Mode.STEP_IN);
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments args) {
        return resumeLater(Debugger.Mode.STEP_OUT);
    }

    @Override
    public CompletableFuture<Void> stepBack(StepBackArguments args) {
        return reverseLater(false);
    }

    @Override
    public CompletableFuture<Void> reverseContinue(ReverseContinueArguments args) {
        return reverseLater(true);
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments args) {
        if (debugger == null || terminated) return failed(invalid("Nothing is running"));
        debugger.requestPause();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> restartFrame(RestartFrameArguments args) {
        return onStopped(() -> {
            Navigation.restartFrame(debugger, args.getFrameId());
            handles.clear();
            stopped(debugger.lastStop());
            return null;
        });
    }

    @Override
    public CompletableFuture<GotoTargetsResponse> gotoTargets(GotoTargetsArguments args) {
        return onStopped(() -> {
            String path = args.getSource() == null || args.getSource().getPath() == null ? null
                    : config.scriptPathOf(Path.of(args.getSource().getPath()));
            Debugger.GotoTarget g = path == null ? null : Navigation.target(debugger, path, fromClient(args.getLine()));
            GotoTargetsResponse r = new GotoTargetsResponse();
            r.setTargets(g == null ? new GotoTarget[0] : new GotoTarget[] {gotoTarget(g)});
            return r;
        });
    }

    private GotoTarget gotoTarget(Debugger.GotoTarget g) {
        GotoTarget t = new GotoTarget();
        t.setId(Navigation.id(g));
        t.setLabel(g.label());
        t.setLine(line(g.line()));
        return t;
    }

    @Override
    public CompletableFuture<Void> goto_(GotoArguments args) {
        return onStopped(() -> {
            Navigation.jump(debugger, args.getTargetId());
            handles.clear();
            stopped(debugger.lastStop());
            return null;
        });
    }

    private CompletableFuture<Void> resumeLater(Debugger.Mode mode) {
        if (debugger == null) return failed(invalid("Launch a script first"));
        if (terminated) return failed(invalid("The script has ended: restart it to run again"));
        if (running) return failed(invalid("The script is already running"));
        running = true;
        handles.clear();
        // here, in the order of requests: a pause that follows this request stops the run even before it starts
        debugger.forgetPause();
        session.execute(() -> resume(mode));
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> reverseLater(boolean toBreakpoint) {
        if (debugger == null) return failed(invalid("Launch a script first"));
        if (running) return failed(invalid("The script is running: pause it first"));
        if (debugger.history() == null) return failed(invalid("Reverse execution is off when 'persist' writes to real files"));
        running = true;
        handles.clear();
        session.execute(() -> {
            Debugger.Stop stop;
            try {
                terminated = false;
                stop = toBreakpoint ? debugger.reverseContinue() : debugger.stepBack();
            } finally {
                running = false;
            }
            stopped(stop);
        });
        return CompletableFuture.completedFuture(null);
    }

    private void resume(Debugger.Mode mode) {
        running = true;
        Debugger.Stop stop;
        ProgressReporter.Run run = progressSupported && mode == Debugger.Mode.CONTINUE
                ? progress.start("Running " + config.programName(), () -> interpreter.counters().statements) : null;
        try {
            stop = debugger.resume(mode);
        } catch (RuntimeException e) {
            if (run != null) run.end();
            running = false;
            log.error("the interpreter failed: " + e);
            console(OutputEventArgumentsCategory.STDERR, "eyn: internal error: " + e + "\n", null);
            finish(1);
            return;
        }
        if (run != null) run.end();
        // requests that follow the stopped event must find the script stopped
        running = false;
        stopped(stop);
    }

    private void stopped(Debugger.Stop stop) {
        if (stop.exited()) {
            finish(debugger.summary(config.programName()).exitStatus());
            return;
        }
        StoppedEventArguments e = DapTypes.stopped(stop, THREAD);
        // the reason in words where people read, not only in the Call Stack header
        say(ConsoleLines.stopped(stop, debugger::stack));
        gate.send(() -> client.stopped(e));
    }

    private void finish(Integer exitCode) {
        if (terminated) return;
        terminated = true;
        if (interpreter != null) {
            interpreter.machine().shutdown();
            flushDrives(interpreter.machine());
        }
        if (exitCode != null && interpreter != null && config != null) {
            say(ConsoleLines.ended(debugger.summary(config.programName())));
        }
        if (exitCode != null) {
            ExitedEventArguments exited = new ExitedEventArguments();
            exited.setExitCode(exitCode);
            gate.send(() -> client.exited(exited));
        }
        gate.send(() -> client.terminated(new TerminatedEventArguments()));
    }

    // ---- inspection --------------------------------------------------------------------------

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        return CompletableFuture.completedFuture(DapTypes.threads(THREAD));
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        return onStopped(() -> StackTrace.response(StackView.of(debugger), args.getStartFrame(), args.getLevels(), this::source, this::line));
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return onStopped(() -> Scopes.response(handles, new Inspection(interpreter).scopes(args.getFrameId())));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return onStopped(() -> Scopes.variables(handles, args.getVariablesReference(), args.getStart(), args.getCount()));
    }

    @Override
    public CompletableFuture<SetVariableResponse> setVariable(SetVariableArguments args) {
        return onStopped(() -> {
            String value = args.getValue() == null ? "" : args.getValue();
            Inspection.set(debugger, handles.watchable(args.getVariablesReference(), args.getName()), args.getName(), value);
            SetVariableResponse r = new SetVariableResponse();
            r.setValue(value);
            invalidated();
            return r;
        });
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
        return onStopped(() -> {
            Evaluation.Context context = args.getContext() == null || "repl".equals(args.getContext()) ? Evaluation.Context.CONSOLE
                    : "hover".equals(args.getContext()) ? Evaluation.Context.HOVER : Evaluation.Context.WATCH;
            Evaluation result = Evaluation.of(interpreter, args.getExpression(), context);
            if (result.changedState()) {
                debugger.stateChanged();
                invalidated();
            }
            // an error response is what clients show in red: a failed command, an unset variable in a hover
            if (result.error(context)) throw invalid(result.text());
            EvaluateResponse r = new EvaluateResponse();
            r.setVariablesReference(0);
            r.setResult(result.text());
            return r;
        });
    }

    @Override
    public CompletableFuture<CompletionsResponse> completions(CompletionsArguments args) {
        return onStopped(() -> {
            CompletionsResponse r = new CompletionsResponse();
            String text = args.getText() == null ? "" : args.getText();
            r.setTargets(ConsoleCompletions.of(interpreter, text, fromClient(args.getColumn())).stream().map(c -> {
                CompletionItem item = new CompletionItem();
                item.setLabel(c.label());
                item.setType(c.type() == ConsoleCompletions.Type.VARIABLE ? CompletionItemType.VARIABLE : CompletionItemType.FUNCTION);
                item.setStart(line(c.start()));
                item.setLength(c.length());
                return item;
            }).toArray(CompletionItem[]::new));
            return r;
        });
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments args) {
        return onStopped(() -> {
            Debugger.Stop stop = debugger.lastStop();
            if (stop == null || stop.failure() == null) throw invalid("The script is not stopped on a failure");
            return DapTypes.exceptionInfo(stop.failure());
        });
    }

    @Override
    public CompletableFuture<LoadedSourcesResponse> loadedSources(LoadedSourcesArguments args) {
        return onSession(() -> {
            LoadedSourcesResponse r = new LoadedSourcesResponse();
            r.setSources(config == null || interpreter == null ? new Source[0]
                    : interpreter.scripts().stream().map(this::source).toArray(Source[]::new));
            return r;
        });
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments args) {
        return onStopped(() -> {
            MemoryAccess.Read read = MemoryAccess.read(interpreter.machine(), args.getMemoryReference(), orZero(args.getOffset()), args.getCount());
            ReadMemoryResponse r = new ReadMemoryResponse();
            r.setAddress(MemoryAccess.hex(read.address()));
            if (read.unreadable() > 0) r.setUnreadableBytes(read.unreadable());
            r.setData(Base64.getEncoder().encodeToString(read.data()));
            return r;
        });
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments args) {
        return onStopped(() -> {
            byte[] data;
            try {
                data = Base64.getDecoder().decode(args.getData() == null ? "" : args.getData());
            } catch (IllegalArgumentException e) {
                throw invalid("'data' is not base64");
            }
            int written = MemoryAccess.write(debugger, args.getMemoryReference(), orZero(args.getOffset()), data,
                    Boolean.TRUE.equals(args.getAllowPartial()));
            MemoryEventArguments changed = new MemoryEventArguments();
            changed.setMemoryReference(args.getMemoryReference());
            changed.setOffset(orZero(args.getOffset()));
            changed.setCount(written);
            gate.send(() -> client.memory(changed));
            invalidated();
            WriteMemoryResponse r = new WriteMemoryResponse();
            r.setBytesWritten(written);
            return r;
        });
    }

    // ---- output ------------------------------------------------------------------------------

    private void output(Color color, String text, Location where) {
        String painted = DapTypes.paint(color, text);
        console(color == Color.RED ? OutputEventArgumentsCategory.STDERR : OutputEventArgumentsCategory.STDOUT, painted, where);
    }

    private void logpoint(String message, Location where) {
        console(OutputEventArgumentsCategory.CONSOLE, message + "\n", where);
    }

    /** A line of the debugger's own in the console, in its colour. */
    private void say(ConsoleLines.Line line) {
        if (line != null) console(OutputEventArgumentsCategory.CONSOLE, Ansi.paint(line.color(), line.text()) + "\n", line.at());
    }

    private void console(String category, String text, Location where) {
        OutputEventArguments e = new OutputEventArguments();
        e.setCategory(category);
        e.setOutput(text);
        if (where != null && config != null) {
            e.setSource(source(where.path()));
            e.setLine(line(where.line()));
        }
        gate.send(() -> client.output(e));
    }

    private void invalidated() {
        gate.send(() -> {
            InvalidatedEventArguments inv = new InvalidatedEventArguments();
            inv.setAreas(new String[] {"variables"});
            client.invalidated(inv);
        });
    }

    // ---- the one line converter and source factory ----------------------------------------

    /** A 0-based emulator line as the client counts lines. */
    private int line(int zeroBased) {
        return zeroBased + (linesStartAt1 ? 1 : 0);
    }

    /** A client's line as the emulator counts them (0-based). */
    private int fromClient(int line) {
        return line - (linesStartAt1 ? 1 : 0);
    }

    /** The source of a script path of the emulated drive: its host file. */
    private Source source(String scriptPath) {
        return StackTrace.source(config.hostPath(scriptPath));
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private void requireLaunched() {
        if (interpreter == null) throw invalid("Launch a script first");
    }

    /** Runs on the session thread once nothing is running. */
    private <T> CompletableFuture<T> onStopped(Supplier<T> body) {
        if (running) return failed(invalid("The script is running: pause it first"));
        return onSession(() -> {
            requireLaunched();
            return body.get();
        });
    }

    private <T> CompletableFuture<T> onSession(Supplier<T> body) {
        return CompletableFuture.supplyAsync(() -> translated(body), session);
    }

    /** Answered at once, off the session thread. */
    private static <T> CompletableFuture<T> now(Supplier<T> body) {
        try {
            return CompletableFuture.completedFuture(translated(body));
        } catch (ResponseErrorException e) {
            return failed(e);
        }
    }

    /** The body's answer, with a refusal of {@code eyn.debug} as an error response. */
    private static <T> T translated(Supplier<T> body) {
        try {
            return body.get();
        } catch (Refusal r) {
            throw invalid(r.getMessage());
        }
    }

    private static <T> CompletableFuture<T> failed(Throwable t) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(t);
        return f;
    }

    static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }

    private static <T> T[] orEmpty(T[] array, java.util.function.IntFunction<T[]> empty) {
        return array == null ? empty.apply(0) : array;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** With persist, image drives are written here (whole new image, renamed into place); failures go to the console. */
    private void flushDrives(Machine machine) {
        for (Map.Entry<Integer, Drive> e : machine.drives().entrySet()) {
            try {
                e.getValue().flush();
            } catch (DriveException ex) {
                console(OutputEventArgumentsCategory.STDERR, "eyn: drive " + e.getKey() + ": " + ex.getMessage() + "\n", null);
            }
        }
    }

    /** Releases what the session's drives hold on the host (image writer locks). */
    private void closeDrives() {
        if (openedDrives == null) return;
        for (Drive d : openedDrives.drives().values()) d.close();
        openedDrives = null;
    }

    void shutdown() {
        if (debugger != null) debugger.requestPause();
        session.shutdownNow();
        closeDrives(); // after the session thread was told to stop: a late read then fails cleanly
        progress.shutdown();
    }
}
