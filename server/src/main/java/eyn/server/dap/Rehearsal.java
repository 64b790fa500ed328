package eyn.server.dap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import eyn.server.common.FrameGuard;
import eyn.server.common.Log;
import eyn.server.common.ReusingMessageConsumer;
import eyn.server.common.SocketHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * A private debug session the adapter host runs against itself right after it starts, through its own
 * socket, the way an editor drives it: launch, then steps with the refresh an editor makes after each
 * stop (threads, the stack, the scopes, every scope's variables). When an editor's session begins, the
 * code of a stop has been compiled and the JIT's queue has emptied, so the user's first steps are as fast
 * as any later one. It happens while nobody waits for it, in the seconds between the editor starting the
 * host and the user pressing F5; a session that connects earlier is served at once, and the rehearsal
 * gives way to it.
 */
final class Rehearsal {
    /** A script of the commands people step through: variables, conditions, a loop, output. */
    private static final String SCRIPT = """
            set N=0
            set NAME=rehearsal
            loop 1000000
            set X=$N
            ifeq $X 5
            echo five $NAME
            endif
            endloop
            echo done
            """;
    /** What VS Code says of itself when it starts a session. */
    private static final String INITIALIZE = "{\"clientID\":\"vscode\",\"clientName\":\"Visual Studio Code\",\"adapterID\":\"eyn\","
            + "\"pathFormat\":\"path\",\"linesStartAt1\":true,\"columnsStartAt1\":true,\"supportsVariableType\":true,"
            + "\"supportsVariablePaging\":true,\"supportsRunInTerminalRequest\":true,\"locale\":\"en\",\"supportsProgressReporting\":true,"
            + "\"supportsInvalidatedEvent\":true,\"supportsMemoryReferences\":true,\"supportsMemoryEvent\":true}";
    /** Enough steps for the stop's code to reach the JIT's last tier. */
    static final int STEPS = 1500;
    static final int SESSIONS = 5;
    /** The rehearsal's sessions stop here on a machine too slow to finish them (the host still serves, only colder). */
    private static final long MAX_WORK_MS = 10_000;
    private static final long MAX_QUIET_WAIT_MS = 6_000;

    private final Path socket;
    /** The script every session of the rehearsal debugs. */
    private final Path script;
    private final Log log;
    private final int steps;
    /** Whether this session's client asks for the scopes' variables together (as VS Code does) or one by one. */
    private final boolean together;
    /** Whether to take another step: false at the deadline, or once a user's session is served. */
    private final BooleanSupplier goOn;
    private int seq;

    Rehearsal(Path socket, Path script, Log log, int steps, boolean together, BooleanSupplier goOn) {
        this.socket = socket;
        this.script = script;
        this.log = log;
        this.steps = steps;
        this.together = together;
        this.goOn = goOn;
    }

    /**
     * Runs the rehearsal on a background thread; says on stderr when it is done (editors and benchmarks wait
     * for the line). {@code served} is how many clients the host serves, the rehearsal's own included: the
     * rehearsal gives way as soon as a user's session is among them, since from then on its steps would only
     * take the user's cores, and its full collection would pause the user's steps.
     */
    static void start(Path socket, Log log, java.io.PrintStream err, IntSupplier served) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            long deadline = start + MAX_WORK_MS * 1_000_000;
            BooleanSupplier goOn = () -> System.nanoTime() < deadline && served.getAsInt() <= 1;
            String outcome;
            Path dir = null;
            try {
                dir = Files.createTempDirectory("eyn-dap-rehearsal");
                Path script = Files.writeString(dir.resolve("rehearsal.eyn"), SCRIPT);
                // several sessions, not one long one: a session's start (LSP4J's endpoint, Gson's adapters, the
                // launch) must be in the profiles the JIT compiles from, or the user's session start falls off the
                // compiled code it speculated on and is compiled again during the user's first steps
                int done = 0;
                boolean alone = true;
                for (int i = 0; i < SESSIONS && alone && System.nanoTime() < deadline; i++) {
                    // the host counts the last session until it has seen it close: wait for that, so that a
                    // count still above zero means a user's session
                    alone = idle(served);
                    if (!alone) break;
                    done += new Rehearsal(socket, script, log, STEPS / SESSIONS, i % 2 == 0, goOn).run();
                    alone = served.getAsInt() <= 1;
                }
                String took = done + " steps in " + (System.nanoTime() - start) / 1_000_000 + " ms";
                if (!alone) {
                    outcome = took + ", cut short by a user's session";
                } else {
                    long quiet = waitForTheCompilers();
                    // the rehearsal's machines and histories, promoted to the old generation while it ran, are
                    // collected now, while nobody waits, rather than in a full collection during a user's steps
                    if (idle(served)) System.gc();
                    outcome = took + ", compilers idle after " + quiet + " ms more";
                }
            } catch (Exception e) {
                // never the user's problem: their sessions are served all the same, only colder
                outcome = "not finished (" + e + ")";
            } finally {
                removeQuietly(dir);
            }
            err.println("eyn dap: rehearsal " + outcome);
            err.flush();
        }, "eyn-dap-rehearsal");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The steps taken (the session ends early when it is told not to go on). */
    int run() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            InputStream in = SocketHost.inputOf(channel);
            OutputStream out = SocketHost.outputOf(channel);
            FrameGuard frames = new FrameGuard(in, log, "rehearsal");
            request(out, frames, "initialize", together ? INITIALIZE : "{\"adapterID\":\"eyn\"}");
            JsonObject launch = new JsonObject();
            launch.addProperty("program", script.toString());
            launch.addProperty("stopOnEntry", true);
            request(out, frames, "launch", launch.toString());
            request(out, frames, "configurationDone", "{}");
            awaitStop(frames);
            int taken = 0;
            while (taken < steps && goOn.getAsBoolean()) {
                request(out, frames, "next", "{\"threadId\":1}");
                awaitStop(frames);
                refresh(out, frames);
                taken++;
            }
            request(out, frames, "disconnect", "{}");
            return taken;
        }
    }

    /** Removes the rehearsal's folder and its one script, if it was made. */
    private static void removeQuietly(Path dir) {
        if (dir == null) return;
        try {
            Files.deleteIfExists(dir.resolve("rehearsal.eyn"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a file in the system's temporary folder: the system's to clean then
        }
    }

    private void refresh(OutputStream out, FrameGuard frames) throws IOException {
        request(out, frames, "threads", "{}");
        JsonArray frame = request(out, frames, "stackTrace", "{\"threadId\":1,\"startFrame\":0,\"levels\":20}")
                .getAsJsonObject("body").getAsJsonArray("stackFrames");
        int frameId = frame.get(0).getAsJsonObject().get("id").getAsInt();
        JsonArray scopes = request(out, frames, "scopes", "{\"frameId\":" + frameId + "}").getAsJsonObject("body").getAsJsonArray("scopes");
        // sent together, as VS Code does, or one by one, as simpler clients do
        int first = seq + 1;
        for (JsonElement scope : scopes) {
            int id = send(out, "variables", "{\"variablesReference\":" + scope.getAsJsonObject().get("variablesReference").getAsInt() + "}");
            if (!together) response(frames, id, "variables");
        }
        if (together) for (int id = first; id <= seq; id++) response(frames, id, "variables");
    }

    /** Sends a request and reads until its response; events on the way are dropped. */
    private JsonObject request(OutputStream out, FrameGuard frames, String command, String arguments) throws IOException {
        return response(frames, send(out, command, arguments), command);
    }

    private int send(OutputStream out, String command, String arguments) throws IOException {
        int id = ++seq;
        byte[] body = ("{\"command\":\"" + command + "\",\"arguments\":" + arguments + ",\"type\":\"request\",\"seq\":" + id + "}")
                .getBytes(StandardCharsets.UTF_8);
        ReusingMessageConsumer.writeFrame(out, body, body.length);
        return id;
    }

    private static JsonObject response(FrameGuard frames, int id, String command) throws IOException {
        while (true) {
            JsonObject m = next(frames);
            if (isResponseTo(m, id)) {
                if (!m.get("success").getAsBoolean()) throw new IOException(command + " failed: " + m.get("message"));
                return m;
            }
        }
    }

    private static void awaitStop(FrameGuard frames) throws IOException {
        while (true) {
            JsonObject m = next(frames);
            if ("event".equals(text(m, "type"))) {
                String event = text(m, "event");
                if ("stopped".equals(event)) return;
                if ("terminated".equals(event)) throw new IOException("the rehearsal's script ended");
            }
        }
    }

    private static JsonObject next(FrameGuard frames) throws IOException {
        byte[] body = frames.nextBody();
        if (body == null) throw new IOException("the adapter closed the rehearsal's connection");
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static boolean isResponseTo(JsonObject m, int id) {
        return "response".equals(text(m, "type")) && m.has("request_seq") && m.get("request_seq").getAsInt() == id;
    }

    private static String text(JsonObject m, String field) {
        JsonElement e = m.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** Whether the host serves nobody, waiting up to 300 ms for it to see the rehearsal's last session close. */
    private static boolean idle(IntSupplier served) throws InterruptedException {
        for (int waited = 0; served.getAsInt() > 0; waited += 5) {
            if (waited >= 300) return false;
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Waits until the JIT has compiled nothing for a while (its total compilation time stands still for
     * 300 ms), at most a few seconds; returns how long it waited.
     */
    static long waitForTheCompilers() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return 0;
        long last = jit.getTotalCompilationTime();
        int still = 0;
        while (still < 3 && System.nanoTime() - start < MAX_QUIET_WAIT_MS * 1_000_000) {
            Thread.sleep(100);
            long now = jit.getTotalCompilationTime();
            still = now == last ? still + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
