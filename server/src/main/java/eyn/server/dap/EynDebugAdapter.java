package eyn.server.dap;

import eyn.debug.Breakpoints;
import eyn.debug.ConsoleCompletions;
import eyn.debug.Debugger;
import eyn.debug.Evaluation;
import eyn.debug.History;
import eyn.debug.WatchTarget;
import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import eyn.interpreter.Options;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.server.common.Ansi;
import eyn.server.common.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.InvalidatedEventArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.ReverseContinueArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SetVariableResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
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
 * The EYN debug adapter. Requests are answered at once; the interpreter runs on one session
 * thread, and its stops become {@code stopped} events that the {@link EventGate} sends only after
 * the response of the request that caused them.
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
    private volatile IDebugProtocolClient client;
    private boolean linesStartAt1 = true;
    private LaunchConfig config;
    private Interpreter interpreter;
    private Debugger debugger;
    private volatile boolean running;
    private volatile boolean terminated;
    /** The drives opened for the current run, closed when the session ends or restarts. */
    private MachineConfig openedDrives;
    private volatile boolean progressSupported;
    private final java.util.concurrent.ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        java.lang.Thread t = new java.lang.Thread(r, "eyn-dap-progress");
        t.setDaemon(true);
        return t;
    });

    public EynDebugAdapter(Log log, EventGate gate, Runnable onTerminate) {
        this.log = log;
        this.gate = gate;
        this.onTerminate = onTerminate;
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
        Capabilities c = new Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsConditionalBreakpoints(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsLogPoints(true);
        c.setSupportsFunctionBreakpoints(true);
        c.setSupportsStepBack(true);
        c.setSupportsSetVariable(true);
        c.setSupportsRestartRequest(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportsEvaluateForHovers(true);
        c.setSupportsReadMemoryRequest(true);
        c.setSupportsWriteMemoryRequest(true);
        c.setSupportsGotoTargetsRequest(true);
        c.setSupportsRestartFrame(true);
        c.setSupportsDataBreakpoints(true);
        c.setSupportsDataBreakpointBytes(true);
        c.setSupportsLoadedSourcesRequest(true);
        c.setSupportsCompletionsRequest(true);
        c.setSupportsExceptionInfoRequest(true);
        c.setCompletionTriggerCharacters(new String[] {"$"});
        c.setExceptionBreakpointFilters(new ExceptionBreakpointsFilter[] {
            filter(Breakpoints.FAILED, "Command failed", "Stop after a command prints an error"),
            filter(Breakpoints.UNKNOWN, "Unknown command", "Stop after 'Command not found'"),
            filter(Breakpoints.PORTABILITY, "Portability warning", "Stop before a line that behaves differently on the real EYN-OS"),
        });
        return c;
    }

    private static ExceptionBreakpointsFilter filter(String id, String label, String description) {
        ExceptionBreakpointsFilter f = new ExceptionBreakpointsFilter();
        f.setFilter(id);
        f.setLabel(label);
        f.setDescription(description);
        f.setDefault_(false);
        return f;
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> args) {
        return onSession(() -> {
            config = LaunchConfig.of(args);
            start();
            return null;
        });
    }

    /** The profile the program runs under, and why (shown in the Shell scope). */
    private eyn.profile.ProfileChoice profile;

    private void start() {
        String source;
        try {
            source = Files.readString(config.program(), StandardCharsets.UTF_8);
            closeDrives(); // a restart reopens them: an image's writer lock must be free again first
            openedDrives = config.machine();
            Machine machine = new Machine(openedDrives);
            profile = config.profileChoice(source);
            interpreter = new Interpreter(machine, this::output, new Options(config.maxSteps(), profile.profile()));
        } catch (IOException e) {
            throw LaunchConfig.invalid("cannot read the program: " + e.getMessage());
        }
        // checkpoints are measured (History): at most historyBytes, and never more than a quarter of the JVM's heap
        History history = config.persist() ? null : History.withBudget(CHECKPOINT_INTERVAL,
                Math.min(config.historyBytes(), Runtime.getRuntime().maxMemory() / 4), config.historySteps());
        // noDebug (VS Code's "Run Without Debugging"): nothing stops the run
        debugger = new Debugger(interpreter, config.noDebug() ? new Breakpoints() : breakpoints, history,
                new eyn.debug.PortabilityStops(path -> {
                    try {
                        return Files.readString(config.hostPath(path), StandardCharsets.UTF_8);
                    } catch (IOException | RuntimeException e) {
                        return null;
                    }
                }, config.portabilityWarnings()), this::logpoint);
        debugger.setSourceKey(path -> sourceKey(config.hostPath(path)));
        interpreter.start(config.scriptPath(), source, config.args());
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
        if (config.stopOnEntry() && !config.noDebug()) {
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
            String key = sourceKey(host);
            boolean offDrive = config != null && config.scriptPathOf(host) == null;
            Script script = parse(host);
            List<Breakpoint> result = new ArrayList<>();
            List<Breakpoints.Line> lines = new ArrayList<>();
            SourceBreakpoint[] requested = args.getBreakpoints() == null ? new SourceBreakpoint[0] : args.getBreakpoints();
            int id = 1;
            for (SourceBreakpoint sb : requested) {
                Breakpoint b = new Breakpoint();
                b.setId(id++);
                b.setSource(source);
                int line = fromClient(sb.getLine());
                int actual = script == null ? -1 : Breakpoints.statementNear(script, line);
                if (script == null) {
                    b.setVerified(false);
                    b.setMessage("Cannot read " + host);
                } else if (actual < 0) {
                    b.setVerified(false);
                    b.setMessage("No statement at or near this line");
                } else if (!Breakpoints.validHitCondition(sb.getHitCondition())) {
                    b.setVerified(false);
                    b.setMessage("Hit conditions are a number, or one of >= <= > < == % followed by a number");
                } else if (offDrive) {
                    b.setVerified(false);
                    b.setMessage("This file is not on drive 0, so the script cannot run it");
                } else {
                    b.setVerified(true);
                    b.setLine(line(actual));
                    lines.add(new Breakpoints.Line(actual, sb.getCondition(), sb.getHitCondition(), sb.getLogMessage()));
                }
                result.add(b);
            }
            breakpoints.setLines(key, lines);
            SetBreakpointsResponse r = new SetBreakpointsResponse();
            r.setBreakpoints(result.toArray(new Breakpoint[0]));
            return r;
        });
    }

    static String sourceKey(Path host) {
        return host.toAbsolutePath().normalize().toString();
    }

    private static Script parse(Path host) {
        try {
            return Parser.parse(host.toString(), Files.readString(host, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments args) {
        return onSession(() -> {
            List<Breakpoint> result = new ArrayList<>();
            List<Breakpoints.Command> commands = new ArrayList<>();
            for (FunctionBreakpoint fb : args.getBreakpoints() == null ? new FunctionBreakpoint[0] : args.getBreakpoints()) {
                Breakpoint b = new Breakpoint();
                String name = fb.getName() == null ? "" : fb.getName().strip();
                boolean known = ConsoleCompletions.knownCommand(name);
                b.setVerified(known);
                if (known) commands.add(new Breakpoints.Command(name, fb.getCondition(), fb.getHitCondition()));
                else b.setMessage("No EYN command is called '" + name + "'");
                result.add(b);
            }
            breakpoints.setCommands(commands);
            SetFunctionBreakpointsResponse r = new SetFunctionBreakpointsResponse();
            r.setBreakpoints(result.toArray(new Breakpoint[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments args) {
        Set<String> filters = new HashSet<>();
        for (String f : args.getFilters() == null ? new String[0] : args.getFilters()) {
            if (!f.equals(Breakpoints.FAILED) && !f.equals(Breakpoints.UNKNOWN) && !f.equals(Breakpoints.PORTABILITY)) {
                return failed(invalid("Unknown exception filter '" + f + "'"));
            }
            filters.add(f);
        }
        breakpoints.setFilters(filters);
        SetExceptionBreakpointsResponse r = new SetExceptionBreakpointsResponse();
        r.setBreakpoints(new Breakpoint[0]);
        return CompletableFuture.completedFuture(r);
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

    private CompletableFuture<Void> resumeLater(Debugger.Mode mode) {
        if (debugger == null) return failed(invalid("Launch a script first"));
        if (terminated) return failed(invalid("The script has ended: restart it to run again"));
        if (running) return failed(invalid("The script is already running"));
        running = true;
        handles.clear();
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
        Progress progress = progressSupported && mode == Debugger.Mode.CONTINUE ? new Progress() : null;
        try {
            stop = debugger.resume(mode);
        } catch (RuntimeException e) {
            if (progress != null) progress.end();
            running = false;
            log.error("the interpreter failed: " + e);
            gate.send(() -> client.output(outputEvent(OutputEventArgumentsCategory.STDERR, "eyn: internal error: " + e + "\n", null)));
            finish(1);
            return;
        }
        if (progress != null) progress.end();
        // requests that follow the stopped event must find the script stopped
        running = false;
        stopped(stop);
    }

    /** progressStart after a second of running, an update every second, progressEnd at the stop. */
    private final class Progress {
        private final String id = "eyn-run-" + System.nanoTime();
        private volatile boolean started;
        private final java.util.concurrent.ScheduledFuture<?> task;

        Progress() {
            task = ticker.scheduleAtFixedRate(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }

        private void tick() {
            long statements = interpreter.counters().statements;
            if (!started) {
                started = true;
                org.eclipse.lsp4j.debug.ProgressStartEventArguments s = new org.eclipse.lsp4j.debug.ProgressStartEventArguments();
                s.setProgressId(id);
                s.setTitle("Running " + config.program().getFileName());
                s.setCancellable(false);
                s.setMessage(statements + " statements");
                gate.send(() -> client.progressStart(s));
            } else {
                org.eclipse.lsp4j.debug.ProgressUpdateEventArguments u = new org.eclipse.lsp4j.debug.ProgressUpdateEventArguments();
                u.setProgressId(id);
                u.setMessage(statements + " statements");
                gate.send(() -> client.progressUpdate(u));
            }
        }

        void end() {
            task.cancel(false);
            if (!started) return;
            org.eclipse.lsp4j.debug.ProgressEndEventArguments e = new org.eclipse.lsp4j.debug.ProgressEndEventArguments();
            e.setProgressId(id);
            e.setMessage(interpreter.counters().statements + " statements");
            gate.send(() -> client.progressEnd(e));
        }
    }

    private void stopped(Debugger.Stop stop) {
        if (stop.exited()) {
            finish(debugger.summary(config.program().getFileName().toString()).exitStatus());
            return;
        }
        StoppedEventArguments e = new StoppedEventArguments();
        e.setThreadId(THREAD);
        e.setAllThreadsStopped(true);
        e.setReason(switch (stop.reason()) {
            case ENTRY -> StoppedEventArgumentsReason.ENTRY;
            case BREAKPOINT -> StoppedEventArgumentsReason.BREAKPOINT;
            case FUNCTION_BREAKPOINT -> StoppedEventArgumentsReason.FUNCTION_BREAKPOINT;
            case DATA_BREAKPOINT -> StoppedEventArgumentsReason.DATA_BREAKPOINT;
            case EXCEPTION -> StoppedEventArgumentsReason.EXCEPTION;
            case PAUSE -> StoppedEventArgumentsReason.PAUSE;
            case GOTO -> StoppedEventArgumentsReason.GOTO;
            default -> StoppedEventArgumentsReason.STEP;
        });
        e.setDescription(stop.description());
        if (stop.failure() != null) e.setText(stop.failure().text());
        else if (stop.text() != null) e.setText(stop.text());
        if (stop.reason() == Debugger.Reason.DATA_BREAKPOINT || stop.reason() == Debugger.Reason.EXCEPTION) {
            // the reason in words where people read, not only in the Call Stack header
            List<Debugger.ShownFrame> stack = debugger.stack();
            var top = stack.isEmpty() ? null : stack.get(0);
            Location at = top == null ? null : new Location(top.path(), top.line(), 0);
            String said = stop.failure() != null ? stop.failure().text() : stop.description();
            OutputEventArguments line = outputEvent(OutputEventArgumentsCategory.CONSOLE,
                    Ansi.paint(stop.failure() != null ? Color.RED : Color.ORANGE, "Stopped: " + said) + "\n", at);
            gate.send(() -> client.output(line));
        }
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
            Debugger.Summary summary = debugger.summary(config.program().getFileName().toString());
            OutputEventArguments said = outputEvent(OutputEventArgumentsCategory.CONSOLE,
                    Ansi.paint(summary.failures() > 0 ? Color.RED : Color.GREEN, summary.text()) + "\n", null);
            gate.send(() -> client.output(said));
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
        Thread t = new Thread();
        t.setId(THREAD);
        t.setName("script");
        ThreadsResponse r = new ThreadsResponse();
        r.setThreads(new Thread[] {t});
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        return onStopped(() -> {
            List<StackFrame> frames = new ArrayList<>();
            int size = interpreter.frames().size();
            List<Debugger.ShownFrame> shown = debugger.stack();
            for (Debugger.ShownFrame f : shown) {
                StackFrame sf = new StackFrame();
                // a frame the failed command ended comes first, with an id past the live frames
                sf.setId(frames.isEmpty() && shown.size() > size ? size + 1 : f.index() + 1);
                sf.setName(f.name());
                sf.setSource(source(f.path()));
                sf.setLine(line(f.line()));
                sf.setColumn(line(0));
                frames.add(sf);
            }
            int start = args.getStartFrame() == null ? 0 : Math.max(0, args.getStartFrame());
            int levels = args.getLevels() == null || args.getLevels() <= 0 ? frames.size() : args.getLevels();
            List<StackFrame> page = frames.subList(Math.min(start, frames.size()), Math.min(frames.size(), start + levels));
            StackTraceResponse r = new StackTraceResponse();
            r.setStackFrames(page.toArray(new StackFrame[0]));
            r.setTotalFrames(frames.size());
            return r;
        });
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return onStopped(() -> {
            int size = interpreter.frames().size();
            // a frame the failed command ended (id size + 1) shows the machine as it is now
            int index = Math.min(args.getFrameId() - 1, size - 1);
            if (args.getFrameId() < 1 || args.getFrameId() > size + 1) throw invalid("No frame " + args.getFrameId());
            ScopesResponse r = new ScopesResponse();
            r.setScopes(new Scopes(handles, interpreter).of(index).toArray(new org.eclipse.lsp4j.debug.Scope[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return onStopped(() -> {
            Supplier<List<Variable>> supplier = handles.get(args.getVariablesReference());
            if (supplier == null) throw invalid("No variables with reference " + args.getVariablesReference());
            List<Variable> all = supplier.get();
            int start = args.getStart() == null ? 0 : Math.max(0, args.getStart());
            int count = args.getCount() == null || args.getCount() <= 0 ? all.size() : args.getCount();
            VariablesResponse r = new VariablesResponse();
            r.setVariables(all.subList(Math.min(start, all.size()), Math.min(all.size(), start + count)).toArray(new Variable[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<SetVariableResponse> setVariable(SetVariableArguments args) {
        return onStopped(() -> {
            String name = args.getName();
            String value = args.getValue() == null ? "" : args.getValue();
            boolean done = false;
            WatchTarget target = handles.watchable(args.getVariablesReference(), name);
            if (target instanceof WatchTarget.FdOffset fd) {
                String problem = debugger.setOffset(fd.fd(), value);
                if (problem != null) throw invalid(problem);
                done = true;
            } else {
                int frame = interpreter.frames().size() - 1;
                done = interpreter.setVariable(frame, name, value);
                if (!done) throw invalid("Cannot set '" + name + "': names have 1-31 characters and a script holds 16 variables");
                debugger.stateChanged();
            }
            SetVariableResponse r = new SetVariableResponse();
            r.setValue(value);
            gate.send(() -> {
                InvalidatedEventArguments inv = new InvalidatedEventArguments();
                inv.setAreas(new String[] {"variables"});
                client.invalidated(inv);
            });
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
                gate.send(() -> {
                    InvalidatedEventArguments inv = new InvalidatedEventArguments();
                    inv.setAreas(new String[] {"variables"});
                    client.invalidated(inv);
                });
            }
            // an error response is what clients show in red: a failed command, an unset variable in a hover
            if (result instanceof Evaluation.Command c && c.failed()) throw invalid(c.text());
            if (result instanceof Evaluation.Nothing || result instanceof Evaluation.Unset && context != Evaluation.Context.CONSOLE) {
                throw invalid(result.text());
            }
            EvaluateResponse r = new EvaluateResponse();
            r.setVariablesReference(0);
            r.setResult(result.text());
            return r;
        });
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments args) {
        return onStopped(() -> {
            long address = address(args.getMemoryReference()) + (args.getOffset() == null ? 0 : args.getOffset());
            int count = Math.max(0, Math.min(args.getCount(), 1 << 20));
            byte[] buffer = new byte[count];
            int readable = address < 0 || address >= (1L << 32) ? 0 : interpreter.machine().readMemory(address, buffer, count);
            ReadMemoryResponse r = new ReadMemoryResponse();
            r.setAddress(String.format("0x%08X", address));
            if (readable < count) r.setUnreadableBytes(count - readable);
            r.setData(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, readable)));
            return r;
        });
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments args) {
        return onStopped(() -> {
            long address = address(args.getMemoryReference()) + (args.getOffset() == null ? 0 : args.getOffset());
            byte[] data;
            try {
                data = Base64.getDecoder().decode(args.getData() == null ? "" : args.getData());
            } catch (IllegalArgumentException e) {
                throw invalid("'data' is not base64");
            }
            int written = address < 0 ? 0 : interpreter.machine().writeMemory(address, data, data.length);
            if (written < data.length && !Boolean.TRUE.equals(args.getAllowPartial())) {
                throw invalid("Only " + written + " of " + data.length + " bytes are writable at " + String.format("0x%08X", address));
            }
            debugger.stateChanged();
            org.eclipse.lsp4j.debug.MemoryEventArguments changed = new org.eclipse.lsp4j.debug.MemoryEventArguments();
            changed.setMemoryReference(args.getMemoryReference());
            changed.setOffset(args.getOffset() == null ? 0 : args.getOffset());
            changed.setCount(written);
            gate.send(() -> {
                client.memory(changed);
                InvalidatedEventArguments inv = new InvalidatedEventArguments();
                inv.setAreas(new String[] {"variables"});
                client.invalidated(inv);
            });
            WriteMemoryResponse r = new WriteMemoryResponse();
            r.setBytesWritten(written);
            return r;
        });
    }

    private static long address(String reference) {
        if (reference == null) throw invalid("A memoryReference is needed");
        String hex = reference.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) hex = hex.substring(2);
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw invalid("Not a memory reference: '" + reference + "'");
        }
    }

    // ---- data breakpoints --------------------------------------------------------------------

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.DataBreakpointInfoResponse> dataBreakpointInfo(
            org.eclipse.lsp4j.debug.DataBreakpointInfoArguments args) {
        return onStopped(() -> {
            String name = args.getName() == null ? "" : args.getName().strip();
            WatchTarget target = null;
            if (Boolean.TRUE.equals(args.getAsAddress())) {
                int bytes = args.getBytes() == null ? 1 : Math.max(1, Math.min(65536, args.getBytes()));
                try {
                    target = new WatchTarget.MemoryRange(address(name), bytes);
                } catch (IllegalArgumentException e) {
                    throw invalid("Not an address of the emulated machine: '" + name + "'");
                }
            } else if (args.getVariablesReference() != null) {
                target = handles.watchable(args.getVariablesReference(), name);
            }
            org.eclipse.lsp4j.debug.DataBreakpointInfoResponse r = new org.eclipse.lsp4j.debug.DataBreakpointInfoResponse();
            r.setDataId(target == null ? null : target.id());
            r.setDescription(target == null ? "Data breakpoints watch an fd's offset, size or being open, a mapping, "
                    + "the hit rate, or a memory range" : target.description());
            if (target != null) {
                r.setAccessTypes(target.accesses().stream().map(EynDebugAdapter::accessType)
                        .toArray(org.eclipse.lsp4j.debug.DataBreakpointAccessType[]::new));
                r.setCanPersist(false);
            }
            return r;
        });
    }

    private static org.eclipse.lsp4j.debug.DataBreakpointAccessType accessType(WatchTarget.Access a) {
        return switch (a) {
            case WRITE -> org.eclipse.lsp4j.debug.DataBreakpointAccessType.WRITE;
            case READ -> org.eclipse.lsp4j.debug.DataBreakpointAccessType.READ;
            case READ_WRITE -> org.eclipse.lsp4j.debug.DataBreakpointAccessType.READ_WRITE;
        };
    }

    private static WatchTarget.Access access(org.eclipse.lsp4j.debug.DataBreakpointAccessType a) {
        if (a == null) return WatchTarget.Access.WRITE;
        return switch (a) {
            case READ -> WatchTarget.Access.READ;
            case READ_WRITE -> WatchTarget.Access.READ_WRITE;
            default -> WatchTarget.Access.WRITE;
        };
    }

    /** The data breakpoints, kept across restarts. */
    private List<Debugger.Watch> watches = List.of();

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.SetDataBreakpointsResponse> setDataBreakpoints(
            org.eclipse.lsp4j.debug.SetDataBreakpointsArguments args) {
        return onStopped(() -> {
            List<Debugger.Watch> list = new ArrayList<>();
            List<Breakpoint> result = new ArrayList<>();
            for (org.eclipse.lsp4j.debug.DataBreakpoint d : args.getBreakpoints() == null
                    ? new org.eclipse.lsp4j.debug.DataBreakpoint[0] : args.getBreakpoints()) {
                WatchTarget target = WatchTarget.parse(d.getDataId());
                Breakpoint b = new Breakpoint();
                String problem = target == null ? "Unknown data id '" + d.getDataId() + "'" : null;
                if (target != null) {
                    try {
                        list.add(new Debugger.Watch(target, access(d.getAccessType())));
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                }
                b.setVerified(problem == null);
                if (problem != null) b.setMessage(problem);
                result.add(b);
            }
            watches = List.copyOf(list);
            debugger.setWatches(watches);
            org.eclipse.lsp4j.debug.SetDataBreakpointsResponse r = new org.eclipse.lsp4j.debug.SetDataBreakpointsResponse();
            r.setBreakpoints(result.toArray(new Breakpoint[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.ExceptionInfoResponse> exceptionInfo(org.eclipse.lsp4j.debug.ExceptionInfoArguments args) {
        return onStopped(() -> {
            Debugger.Stop stop = debugger.lastStop();
            if (stop == null || stop.failure() == null) throw invalid("The script is not stopped on a failure");
            Debugger.Failure f = stop.failure();
            org.eclipse.lsp4j.debug.ExceptionInfoResponse r = new org.eclipse.lsp4j.debug.ExceptionInfoResponse();
            r.setExceptionId(f.kind());
            r.setDescription(f.text());
            r.setBreakMode(org.eclipse.lsp4j.debug.ExceptionBreakMode.ALWAYS);
            org.eclipse.lsp4j.debug.ExceptionDetails details = new org.eclipse.lsp4j.debug.ExceptionDetails();
            details.setMessage(f.message());
            details.setTypeName(f.kind());
            details.setStackTrace(f.at().path() + ":" + (f.at().line() + 1));
            r.setDetails(details);
            return r;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.LoadedSourcesResponse> loadedSources(org.eclipse.lsp4j.debug.LoadedSourcesArguments args) {
        return onSession(() -> {
            List<Source> sources = new ArrayList<>();
            if (config != null && interpreter != null) {
                for (String path : interpreter.scripts()) sources.add(source(path));
            }
            org.eclipse.lsp4j.debug.LoadedSourcesResponse r = new org.eclipse.lsp4j.debug.LoadedSourcesResponse();
            r.setSources(sources.toArray(new Source[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.CompletionsResponse> completions(org.eclipse.lsp4j.debug.CompletionsArguments args) {
        return onStopped(() -> {
            String text = args.getText() == null ? "" : args.getText();
            List<org.eclipse.lsp4j.debug.CompletionItem> items = new ArrayList<>();
            for (ConsoleCompletions.Item c : ConsoleCompletions.of(interpreter, text, fromClient(args.getColumn()))) {
                org.eclipse.lsp4j.debug.CompletionItem item = new org.eclipse.lsp4j.debug.CompletionItem();
                item.setLabel(c.label());
                item.setType(c.type() == ConsoleCompletions.Type.VARIABLE ? org.eclipse.lsp4j.debug.CompletionItemType.VARIABLE
                        : org.eclipse.lsp4j.debug.CompletionItemType.FUNCTION);
                item.setStart(line(c.start()));
                item.setLength(c.length());
                items.add(item);
            }
            org.eclipse.lsp4j.debug.CompletionsResponse r = new org.eclipse.lsp4j.debug.CompletionsResponse();
            r.setTargets(items.toArray(new org.eclipse.lsp4j.debug.CompletionItem[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.GotoTargetsResponse> gotoTargets(org.eclipse.lsp4j.debug.GotoTargetsArguments args) {
        return onStopped(() -> {
            List<org.eclipse.lsp4j.debug.GotoTarget> targets = new ArrayList<>();
            if (args.getSource() != null && args.getSource().getPath() != null) {
                String path = config.scriptPathOf(Path.of(args.getSource().getPath()));
                Debugger.GotoTarget g = path == null ? null : debugger.gotoTarget(path, fromClient(args.getLine()));
                if (g != null) {
                    org.eclipse.lsp4j.debug.GotoTarget t = new org.eclipse.lsp4j.debug.GotoTarget();
                    t.setId(g.line() + 1);
                    t.setLabel(g.label());
                    t.setLine(line(g.line()));
                    targets.add(t);
                }
            }
            org.eclipse.lsp4j.debug.GotoTargetsResponse r = new org.eclipse.lsp4j.debug.GotoTargetsResponse();
            r.setTargets(targets.toArray(new org.eclipse.lsp4j.debug.GotoTarget[0]));
            return r;
        });
    }

    @Override
    public CompletableFuture<Void> restartFrame(org.eclipse.lsp4j.debug.RestartFrameArguments args) {
        return onStopped(() -> {
            int frame = args.getFrameId() - 1;
            if (debugger.history() == null) throw invalid("Restarting a frame needs reverse execution, which is off with 'persist'");
            if (!debugger.restartFrame(frame)) throw invalid("Frame " + args.getFrameId() + " cannot be restarted: its start is out of the history");
            handles.clear();
            stopped(debugger.lastStop());
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> goto_(org.eclipse.lsp4j.debug.GotoArguments args) {
        return onStopped(() -> {
            if (!debugger.jump(args.getTargetId() - 1)) {
                throw invalid("Cannot go to line " + args.getTargetId() + ": pick a statement of the current block");
            }
            handles.clear();
            stopped(debugger.lastStop());
            return null;
        });
    }

    // ---- output ------------------------------------------------------------------------------

    /** Plain script output in the terminal's white (a theme colour), so clients do not paint stdout as their own info messages. */
    private static final String PLAIN = "\u001b[37m";

    private void output(Color color, String text, Location where) {
        String painted = color == Color.WHITE ? paintPlain(text) : Ansi.paint(color, text);
        OutputEventArguments e = outputEvent(color == Color.RED ? OutputEventArgumentsCategory.STDERR : OutputEventArgumentsCategory.STDOUT,
                painted, where);
        gate.send(() -> client.output(e));
    }

    private void logpoint(String message, Location where) {
        OutputEventArguments e = outputEvent(OutputEventArgumentsCategory.CONSOLE, message + "\n", where);
        gate.send(() -> client.output(e));
    }

    private OutputEventArguments outputEvent(String category, String text, Location where) {
        OutputEventArguments e = new OutputEventArguments();
        e.setCategory(category);
        e.setOutput(text);
        if (where != null && config != null) {
            e.setSource(source(where.path()));
            e.setLine(line(where.line()));
        }
        return e;
    }

    private static String paintPlain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) out.append(PLAIN).append(text, start, end).append(Ansi.RESET);
            if (nl >= 0) out.append('\n');
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out.toString();
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
        Source s = new Source();
        Path host = config.hostPath(scriptPath);
        s.setPath(host.toString());
        s.setName(host.getFileName().toString());
        return s;
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
        return CompletableFuture.supplyAsync(body, session);
    }

    private static <T> CompletableFuture<T> failed(Throwable t) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(t);
        return f;
    }

    static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }

    /** With persist, image drives are written here (whole new image, renamed into place); failures go to the console. */
    private void flushDrives(Machine machine) {
        for (Map.Entry<Integer, Drive> e : machine.drives().entrySet()) {
            try {
                e.getValue().flush();
            } catch (DriveException ex) {
                OutputEventArguments o = outputEvent(OutputEventArgumentsCategory.STDERR, "eyn: drive " + e.getKey() + ": " + ex.getMessage() + "\n", null);
                gate.send(() -> client.output(o));
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
        ticker.shutdownNow();
    }
}
