package eyn.server.dap;

import eyn.debug.Breakpoints;
import eyn.debug.Debugger;
import eyn.debug.History;
import eyn.debug.Inspection;
import eyn.debug.PortabilityStops;
import eyn.debug.StackView;
import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import eyn.profile.Profiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugNotificationMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Warms the JIT on the paths every stop takes, once per adapter process: on a private machine with an
 * in-memory drive it debugs a small built-in Release 13 script and, round after round, does what a
 * {@code next} and the refresh after it do (step, the stopped event, threads, the stack trace, the
 * scopes of the top frame and the variables of every scope), answering through the adapter's own
 * conversions ({@link StackTrace}, {@link Scopes}, {@link DapTypes}) and serialising each message with
 * LSP4J's {@link DebugMessageJsonHandler}, as the adapter's launcher does. Without it the per-stop
 * methods reached C1 only after 380-500 steps and the slow steps of the refresh coincided with
 * their compilation (docs/benchmarks.md, "Where the warm tail of `next` and the refresh comes from").
 * It runs on a daemon thread of its own at the lowest priority, touches nothing of the user's session,
 * files or breakpoints, sends nothing to the client and writes nothing, and stops after its rounds,
 * after 1.5 s of work, or when the adapter closes. {@code -Deyn.dap.priming=false} turns it off.
 */
final class Priming {
    static final int ROUNDS = 600;
    static final long BUDGET_NANOS = 1_500_000_000L;
    static final String SCRIPT_PATH = "/priming.eyn";
    /** Every scope has rows: variables, if and loop stacks, predictor counts (zread feeds it), heap blocks, an fd, a mapping, a drive. */
    static final String SCRIPT = """
            set NAME=priming
            set COUNT=0
            zopen data.txt r
            mmap data.txt readonly
            loop 100000
            set COUNT=$(calc $COUNT+1)
            zread 0 16
            zseek 0 0 set
            ifeq $NAME priming
            set LAST=$COUNT
            endif
            endloop
            """;
    private static final String DATA = "sixteen bytes ok\n".repeat(64);
    /** The JIT is the process's: a second adapter in the same JVM (tests) gains nothing from priming again. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** What one round serialised: the stopped event, the threads, stackTrace and scopes responses, and one variables response per scope. */
    record Round(String stopped, String threads, String stackTrace, String scopes, List<String> variables) {}

    private Priming() {}

    static boolean enabled() {
        return !"false".equals(System.getProperty("eyn.dap.priming"));
    }

    /**
     * Starts the rounds on a daemon thread, the first time it is called in this process. The adapter calls
     * it after its first stop's event is on its way: the first stop is never delayed, the run to it (a
     * {@code continue} through a loop, say) has the cores to itself, and the rounds then use the time the
     * user spends looking at that stop; only the first refresh shares the CPU with them.
     */
    static void startOnce(BooleanSupplier closing) {
        if (!enabled() || STARTED.getAndSet(true)) return;
        java.lang.Thread t = new java.lang.Thread(() -> {
            try {
                run(ROUNDS, BUDGET_NANOS, closing, round -> { });
            } catch (Throwable ignored) {
                // priming is an optimisation: whatever fails here (even running out of heap, whose garbage
                // goes with this thread) must not reach the session, the client or the uncaught-error handler
            }
        }, "eyn-dap-priming");
        t.setDaemon(true);
        t.setPriority(java.lang.Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * The rounds, on the caller's thread: at most {@code rounds}, until {@code stop} says so (asked before
     * each round) or {@code budgetNanos} have passed; each round's messages go to {@code seen}. Returns
     * how many rounds were made.
     */
    static int run(int rounds, long budgetNanos, BooleanSupplier stop, Consumer<Round> seen) throws DriveException {
        long start = System.nanoTime();
        Interpreter in = new Interpreter(new Machine(machine()), (color, text, where) -> { }, new Options(0, Profiles.R13));
        History history = History.withBudget(EynDebugAdapter.CHECKPOINT_INTERVAL, 8L << 20, 0);
        Debugger debugger = new Debugger(in, new Breakpoints(), history, new PortabilityStops(path -> SCRIPT, false), (message, at) -> { });
        in.start(SCRIPT_PATH, SCRIPT, List.of());
        Handles handles = new Handles();
        MessageJsonHandler json = jsonHandler();
        int done = 0;
        for (; done < rounds; done++) {
            if (stop.getAsBoolean() || System.nanoTime() - start > budgetNanos) break;
            Debugger.Stop stopped = debugger.resume(Debugger.Mode.NEXT);
            if (stopped.exited()) break;
            handles.clear(); // as the adapter does when execution resumes
            seen.accept(refresh(json, debugger, handles, stopped, done));
        }
        return done;
    }

    /** The stopped event and the answers to a client's refresh after it, serialised. */
    private static Round refresh(MessageJsonHandler json, Debugger debugger, Handles handles, Debugger.Stop stop, int round) {
        String stopped = event(json, "stopped", DapTypes.stopped(stop, EynDebugAdapter.THREAD));
        String threads = respond(json, "threads", round, DapTypes.threads(EynDebugAdapter.THREAD));
        List<StackView.Frame> frames = StackView.of(debugger);
        String stack = respond(json, "stackTrace", round,
                StackTrace.response(frames, null, null, path -> StackTrace.source(Path.of(path)), line -> line + 1));
        ScopesResponse scopes = Scopes.response(handles, new Inspection(debugger.interpreter()).scopes(frames.get(0).id()));
        List<String> variables = new ArrayList<>();
        for (Scope s : scopes.getScopes()) {
            variables.add(respond(json, "variables", round, Scopes.variables(handles, s.getVariablesReference(), null, null)));
        }
        return new Round(stopped, threads, stack, respond(json, "scopes", round, scopes), variables);
    }

    /** A machine of its own: 16 MiB of RAM, a 16 MiB host budget, drive 0 in memory with the script's data file. */
    private static MachineConfig machine() throws DriveException {
        TreeDrive drive = TreeDrive.inMemory();
        drive.write("/data.txt", ChunkedBytes.of(DATA.getBytes(StandardCharsets.UTF_8)));
        return new MachineConfig(16L << 20, 1, Map.of()).withDrive(0, drive).withMemoryBudget(16L << 20);
    }

    /** A JSON handler as the adapter's launcher makes one: the methods of the client's and the adapter's interfaces. */
    private static MessageJsonHandler jsonHandler() {
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(IDebugProtocolClient.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(EynDebugAdapter.class));
        return new DebugMessageJsonHandler(methods);
    }

    private static String respond(MessageJsonHandler json, String command, int seq, Object result) {
        DebugResponseMessage m = new DebugResponseMessage();
        m.setJsonHandler(json);
        m.setResponseId(seq);
        m.setRawId(Either.forRight(seq));
        m.setMethod(command);
        m.setResult(result);
        return json.serialize(m);
    }

    private static String event(MessageJsonHandler json, String event, Object body) {
        DebugNotificationMessage m = new DebugNotificationMessage();
        m.setJsonHandler(json);
        m.setId(0);
        m.setMethod(event);
        m.setParams(body);
        return json.serialize(m);
    }
}
