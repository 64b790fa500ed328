package eyn.server.dap;

import static eyn.server.dap.DapHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JIT priming of the debug adapter: its rounds answer a full refresh, it stops when told, and it works on a machine of its own. */
class DapPrimingTest {
    @TempDir
    Path dir;

    private static List<Priming.Round> prime(int rounds, java.util.function.BooleanSupplier stop) throws Exception {
        List<Priming.Round> seen = new ArrayList<>();
        int made = Priming.run(rounds, Long.MAX_VALUE, stop, seen::add);
        assertEquals(made, seen.size(), "every round made reports its messages");
        return seen;
    }

    private static JsonObject json(String message) {
        return JsonParser.parseString(message).getAsJsonObject();
    }

    /** A response's body, after checking it answers {@code command} with success. */
    private static JsonObject body(String message, String command) {
        JsonObject m = json(message);
        assertEquals("response", m.get("type").getAsString(), message);
        assertEquals(command, m.get("command").getAsString(), message);
        assertTrue(m.get("success").getAsBoolean(), message);
        return m.getAsJsonObject("body");
    }

    @Test
    void everyRoundStepsAndSerialisesTheStoppedEventAndTheAnswersOfAFullRefresh() throws Exception {
        List<Priming.Round> rounds = prime(Priming.ROUNDS, () -> false);
        assertEquals(Priming.ROUNDS, rounds.size(), "the built-in script lasts the whole budget of rounds");
        int previousLine = -1;
        int movedLines = 0;
        for (int i = 0; i < rounds.size(); i++) {
            Priming.Round r = rounds.get(i);
            JsonObject stopped = json(r.stopped());
            assertEquals("event", stopped.get("type").getAsString());
            assertEquals("stopped", stopped.get("event").getAsString());
            assertEquals("step", stopped.getAsJsonObject("body").get("reason").getAsString());
            assertEquals(1, body(r.threads(), "threads").getAsJsonArray("threads").size());
            JsonArray frames = body(r.stackTrace(), "stackTrace").getAsJsonArray("stackFrames");
            assertFalse(frames.isEmpty(), r.stackTrace());
            JsonObject top = frames.get(0).getAsJsonObject();
            assertEquals("priming.eyn", top.getAsJsonObject("source").get("name").getAsString());
            int line = top.get("line").getAsInt();
            if (line != previousLine) movedLines++;
            previousLine = line;
            JsonArray scopes = body(r.scopes(), "scopes").getAsJsonArray("scopes");
            assertEquals(7, scopes.size(), r.scopes());
            assertEquals(scopes.size(), r.variables().size(), "one variables answer per scope");
            for (String v : r.variables()) {
                JsonArray variables = body(v, "variables").getAsJsonArray("variables");
                assertFalse(variables.isEmpty(), v);
                // from the fifth step on (after zopen and mmap) every scope has real rows, not "(none)"
                if (i >= 4) assertFalse(v.contains("(none)"), "round " + i + ": " + v);
            }
            if (i >= 6) assertTrue(r.variables().get(0).contains("\"COUNT\""), r.variables().get(0));
        }
        assertTrue(movedLines > Priming.ROUNDS / 2, "each round is a step to another line: " + movedLines);
    }

    @Test
    void primingStopsAsSoonAsItIsAsked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        // asked before each round: the third time says stop, so two rounds are made
        assertEquals(2, prime(Priming.ROUNDS, () -> asked.incrementAndGet() >= 3).size());
        assertEquals(0, prime(Priming.ROUNDS, () -> true).size());
        // and within its time budget: none when the budget is already spent
        assertEquals(0, Priming.run(Priming.ROUNDS, -1, () -> false, r -> { }));
    }

    @Test
    void primingLeavesTheUsersSessionItsFilesAndItsClientAlone() throws Exception {
        // the same file name as the priming's own data file, in a folder of the user's
        Files.writeString(dir.resolve("data.txt"), "the user's data\n");
        Path program = DapHarness.script(dir, "main.eyn", "set X=1\nzopen data.txt rw\nzwrite 0 -- changed\nset Y=2\necho $X\n");
        Map<String, String> filesBefore = files(dir);
        try (DapHarness dap = new DapHarness()) {
            dap.start(program, Map.of("stopOnEntry", true));
            dap.awaitStop();
            for (int i = 0; i < 3; i++) {
                get(dap.server.next(next()));
                dap.awaitStop();
            }
            int lineBefore = dap.top().getLine();
            Map<String, String> variablesBefore = values(dap.scope("Variables"));
            Map<String, String> fdsBefore = values(dap.scope("File descriptors"));
            int outputBefore = dap.output.size();

            assertEquals(Priming.ROUNDS, prime(Priming.ROUNDS, () -> false).size());
            awaitBackgroundPriming();

            assertNull(dap.stopped.poll(), "priming sent no stopped event to the client");
            assertEquals(outputBefore, dap.output.size(), "priming sent no output to the client");
            assertEquals(lineBefore, dap.top().getLine());
            assertEquals(variablesBefore, values(dap.scope("Variables")));
            assertEquals(fdsBefore, values(dap.scope("File descriptors")));
            assertEquals(filesBefore, files(dir), "priming wrote nothing to the user's folder");
            // the session goes on where it was
            get(dap.server.next(next()));
            dap.awaitStop();
            assertEquals("2", dap.scope("Variables").get("Y").getValue());
        }
        assertEquals(filesBefore, files(dir), "without persist, the user's files stay as they were");
    }

    /** Waits for the priming the adapter started after its first stop, when this test's adapter was the first of the JVM. */
    private static void awaitBackgroundPriming() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().equals("eyn-dap-priming")) continue;
            assertTrue(t.isDaemon());
            assertEquals(Thread.MIN_PRIORITY, t.getPriority());
            t.join(20_000);
        }
    }

    private static NextArguments next() {
        NextArguments n = new NextArguments();
        n.setThreadId(1);
        return n;
    }

    private static Map<String, String> values(Map<String, Variable> variables) {
        Map<String, String> out = new TreeMap<>();
        variables.forEach((name, v) -> out.put(name, v.getValue()));
        return out;
    }

    /** Every file under a folder with its content and modification time. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
