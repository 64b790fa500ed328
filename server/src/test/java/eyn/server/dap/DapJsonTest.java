package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.server.common.JsonSamples;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Checksum;
import org.eclipse.lsp4j.debug.ChecksumAlgorithm;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugNotificationMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;

/**
 * The adapter writes its stops and the answers to an editor's refresh with its own adapters (the reflective
 * walk was a third of a new adapter's stop): the JSON must be byte for byte what LSP4J's Gson writes, for
 * everything every example shows at every step, for every character a name or value can hold, and for
 * values with fields the adapter never sets (which Gson writes).
 */
class DapJsonTest {
    private static final Map<String, org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod> CLIENT =
            ServiceEndpoints.getSupportedMethods(IDebugProtocolClient.class);
    private static final MessageJsonHandler GSON = new DebugMessageJsonHandler(CLIENT);
    private static final MessageJsonHandler FAST = new DebugMessageJsonHandler(CLIENT, DapJson::configure);

    @Test
    void whatEveryExampleShowsAtEveryStepIsWrittenExactlyAsGsonWritesIt() throws Exception {
        List<Path> examples = JsonSamples.examples();
        int variables = 0;
        for (Path example : examples) {
            List<Object> shown = shownWhileStepping(example.toAbsolutePath().normalize(), 40);
            for (Object value : shown) {
                if (value instanceof StoppedEventArguments stop) assertSameEvent(stop, example + ": " + stop);
                else assertSameResponse(value, example + ": " + value);
                if (value instanceof VariablesResponse v) variables += v.getVariables().length;
                assertTrue(writtenHere(value), "written by Gson: " + value);
            }
        }
        assertTrue(variables > 2_000, "variables written: " + variables);
    }

    @Test
    void namesAndValuesWithEveryCharacterAreWrittenAsGsonWritesThem() {
        for (String s : JsonSamples.texts()) {
            Variable v = new Variable();
            v.setName(s);
            v.setValue(s);
            v.setType(s);
            v.setEvaluateName(s);
            v.setMemoryReference(s);
            v.setVariablesReference(7);
            v.setNamedVariables(3);
            v.setIndexedVariables(0);
            v.setDeclarationLocationReference(5);
            v.setValueLocationReference(6);
            VariablePresentationHint hint = new VariablePresentationHint();
            hint.setKind(s);
            hint.setVisibility(s);
            hint.setLazy(false);
            v.setPresentationHint(hint);
            VariablesResponse variables = new VariablesResponse();
            variables.setVariables(new Variable[] {v, new Variable(), v});
            assertSameResponse(variables, "variables");

            Scope scope = new Scope();
            scope.setName(s);
            scope.setPresentationHint(s);
            scope.setExpensive(true);
            scope.setIndexedVariables(4);
            ScopesResponse scopes = new ScopesResponse();
            scopes.setScopes(new Scope[] {scope, new Scope()});
            assertSameResponse(scopes, "scopes");

            Source source = new Source();
            source.setName(s);
            source.setPath(s);
            source.setOrigin(s);
            source.setSourceReference(0);
            StackFrame frame = new StackFrame();
            frame.setId(-1);
            frame.setName(s);
            frame.setSource(source);
            frame.setEndLine(9);
            frame.setEndColumn(2);
            frame.setCanRestart(false);
            frame.setInstructionPointerReference(s);
            StackTraceResponse stack = new StackTraceResponse();
            stack.setStackFrames(new StackFrame[] {frame, new StackFrame()});
            assertSameResponse(stack, "stack");
            stack.setTotalFrames(2);
            assertSameResponse(stack, "stack with its total");

            Thread thread = new Thread();
            thread.setName(s);
            ThreadsResponse threads = new ThreadsResponse();
            threads.setThreads(new Thread[] {thread, new Thread()});
            assertSameResponse(threads, "threads");

            StoppedEventArguments stop = new StoppedEventArguments();
            stop.setReason(s);
            stop.setDescription(s);
            stop.setText(s);
            stop.setPreserveFocusHint(true);
            stop.setHitBreakpointIds(new Integer[] {1, null, 3});
            assertSameEvent(stop, "stop");
            assertSameEvent(new StoppedEventArguments(), "empty stop");
            for (Object value : List.of(variables, scopes, stack, threads)) assertTrue(writtenHere(value), "written by Gson: " + value);
        }
    }

    @Test
    void valuesWithPartsTheAdapterNeverSetsAreLeftToGson() {
        VariablePresentationHint attributes = new VariablePresentationHint();
        attributes.setAttributes(new String[] {"readOnly", null});
        Variable attributed = new Variable();
        attributed.setName("x");
        attributed.setValue("1");
        attributed.setPresentationHint(attributes);
        VariablesResponse variables = new VariablesResponse();
        variables.setVariables(new Variable[] {attributed});
        VariablesResponse withNull = new VariablesResponse();
        withNull.setVariables(new Variable[] {null});

        Scope ranged = new Scope();
        ranged.setName("Locals");
        ranged.setLine(3);
        ScopesResponse scopes = new ScopesResponse();
        scopes.setScopes(new Scope[] {ranged});

        Source checked = new Source();
        checked.setPath("/a.eyn");
        checked.setChecksums(new Checksum[] {new Checksum()});
        checked.getChecksums()[0].setAlgorithm(ChecksumAlgorithm.SHA256);
        checked.getChecksums()[0].setChecksum("00");
        StackFrame hinted = new StackFrame();
        hinted.setName("main");
        hinted.setSource(checked);
        hinted.setModuleId(Either.forLeft(4));
        hinted.setPresentationHint(StackFramePresentationHint.LABEL);
        StackTraceResponse stack = new StackTraceResponse();
        stack.setStackFrames(new StackFrame[] {hinted});

        ThreadsResponse noThreads = new ThreadsResponse();
        for (Object value : List.of(variables, withNull, new VariablesResponse(), scopes, new ScopesResponse(), stack, noThreads)) {
            assertFalse(writtenHere(value), "written here: " + value);
            assertSameResponse(value, value.toString());
        }
    }

    /** Every stop of the example (up to {@code steps}) and what an editor's refresh gets there, every child expanded. */
    private static List<Object> shownWhileStepping(Path example, int steps) throws Exception {
        List<Object> shown = new ArrayList<>();
        try (DapHarness h = new DapHarness()) {
            h.start(example, Map.of("stopOnEntry", true));
            for (int step = 0; step < steps; step++) {
                StoppedEventArguments stop = nextStop(h);
                if (stop == null) break;
                shown.add(stop);
                shown.add(DapHarness.get(h.server.threads()));
                StackTraceArguments st = new StackTraceArguments();
                st.setThreadId(1);
                StackTraceResponse stack = DapHarness.get(h.server.stackTrace(st));
                shown.add(stack);
                ScopesArguments sc = new ScopesArguments();
                sc.setFrameId(stack.getStackFrames()[0].getId());
                ScopesResponse scopes = DapHarness.get(h.server.scopes(sc));
                shown.add(scopes);
                Deque<Integer> references = new ArrayDeque<>();
                for (Scope s : scopes.getScopes()) references.add(s.getVariablesReference());
                for (int asked = 0; !references.isEmpty() && asked < 100; asked++) {
                    VariablesArguments v = new VariablesArguments();
                    v.setVariablesReference(references.poll());
                    VariablesResponse answer = DapHarness.get(h.server.variables(v));
                    shown.add(answer);
                    for (Variable x : answer.getVariables()) if (x.getVariablesReference() > 0) references.add(x.getVariablesReference());
                }
                NextArguments next = new NextArguments();
                next.setThreadId(1);
                if (h.terminated.isDone()) break;
                try {
                    DapHarness.get(h.server.next(next));
                } catch (java.util.concurrent.ExecutionException ended) {
                    break; // the script ended between the stop and the step
                }
            }
        }
        return shown;
    }

    /** The next stop, or null when the script ended instead. */
    private static StoppedEventArguments nextStop(DapHarness h) throws InterruptedException {
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < deadline; ) {
            StoppedEventArguments stop = h.stopped.poll(10, TimeUnit.MILLISECONDS);
            if (stop != null) return stop;
            if (h.terminated.isDone()) return null;
        }
        throw new AssertionError("neither a stop nor the end; log: " + h.log);
    }

    private static boolean writtenHere(Object value) {
        if (value instanceof VariablesResponse v) return DapJson.plain(v);
        if (value instanceof ScopesResponse s) return DapJson.plain(s);
        if (value instanceof StackTraceResponse s) return DapJson.plain(s);
        if (value instanceof ThreadsResponse t) return DapJson.plain(t);
        return value instanceof StoppedEventArguments;
    }

    private static void assertSameResponse(Object body, String what) {
        DebugResponseMessage m = new DebugResponseMessage();
        m.setId(3);
        m.setResponseId(7);
        m.setMethod("variables");
        m.setResult(body);
        assertEquals(GSON.serialize(m), FAST.serialize(m), what);
    }

    private static void assertSameEvent(StoppedEventArguments body, String what) {
        DebugNotificationMessage m = new DebugNotificationMessage();
        m.setId(4);
        m.setMethod("stopped");
        m.setParams(body);
        assertEquals(GSON.serialize(m), FAST.serialize(m), what);
    }
}
