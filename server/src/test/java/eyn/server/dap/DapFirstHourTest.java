package eyn.server.dap;

import static eyn.server.dap.DapHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first minutes with the debugger (issue 13): where it stops, what the stop says, what the console shows. */
class DapFirstHourTest {
    @TempDir
    Path dir;

    private static StackFrame[] stack(DapHarness dap) throws Exception {
        StackTraceArguments a = new StackTraceArguments();
        a.setThreadId(1);
        return get(dap.server.stackTrace(a)).getStackFrames();
    }

    private static void filters(DapHarness dap, String... ids) throws Exception {
        SetExceptionBreakpointsArguments e = new SetExceptionBreakpointsArguments();
        e.setFilters(ids);
        get(dap.server.setExceptionBreakpoints(e));
    }

    /** The error message of a failed request. */
    private static String error(java.util.concurrent.CompletableFuture<?> f) throws Exception {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
        throw new AssertionError("the request succeeded");
    }

    private static org.eclipse.lsp4j.debug.NextArguments nextArgs() {
        org.eclipse.lsp4j.debug.NextArguments n = new org.eclipse.lsp4j.debug.NextArguments();
        n.setThreadId(1);
        return n;
    }

    @Test
    void withoutStopOnEntryTheFirstStopIsTheBreakpoint() throws Exception {
        Path p = DapHarness.script(dir, "main.eyn", "echo one\necho two\necho three\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 3);
            var stop = dap.awaitStop();
            assertEquals("breakpoint", stop.getReason());
            assertEquals(3, dap.top().getLine());
            assertEquals("Paused on breakpoint", stop.getDescription());
            dap.continueRun();
            get(dap.terminated);
        }
    }

    @Test
    void aFailedCommandStopsOnItsOwnLineAndSaysWhatFailed() throws Exception {
        Path p = DapHarness.script(dir, "typo.eyn", "echo start\nzopne a.txt r\necho next\necho last\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            filters(dap, "failed");
            dap.continueRun();
            var stop = dap.awaitStop();
            assertEquals("exception", stop.getReason());
            assertEquals(2, dap.top().getLine(), "the frame's line is the line that failed, not the next one");
            assertEquals("Command not found: zopne", stop.getDescription());
            assertEquals("Line 2: Command not found: zopne; did you mean 'zopen'?", stop.getText());
            ExceptionInfoArguments info = new ExceptionInfoArguments();
            info.setThreadId(1);
            var ex = get(dap.server.exceptionInfo(info));
            assertEquals("Command not found", ex.getExceptionId());
            assertTrue(ex.getDescription().contains("did you mean 'zopen'"), ex.getDescription());
            assertTrue(dap.allOutput().contains("Stopped: Line 2: Command not found: zopne"), dap.allOutput());
            dap.continueRun();
            assertEquals(1, get(dap.exited).getExitCode());
            get(dap.terminated);
            assertTrue(dap.allOutput().contains("typo.eyn ended: 4 statements, 1 command failed, exit status 1"), dap.allOutput());
        }
    }

    @Test
    void aFailureOnTheLastLineOfANestedScriptKeepsItsLine() throws Exception {
        DapHarness.script(dir, "sub.eyn", "echo in sub\nnosuch\n");
        Path p = DapHarness.script(dir, "main.eyn", "echo a\nrun sub.eyn\necho after\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            filters(dap, "unknown");
            dap.continueRun();
            var stop = dap.awaitStop();
            assertEquals("exception", stop.getReason());
            StackFrame[] frames = stack(dap);
            assertTrue(frames[0].getSource().getPath().endsWith("sub.eyn"), frames[0].getSource().getPath());
            assertEquals(2, frames[0].getLine());
            assertEquals("main", frames[1].getName());
            assertEquals(2, frames[1].getLine(), "the caller points at its run line");
            assertTrue(dap.scope("Heap").containsKey("total"));
            dap.continueRun();
            get(dap.terminated);
        }
    }

    @Test
    void callerFramesPointAtTheirRunLineAndNamesDoNotRepeatTheFile() throws Exception {
        Path sub = DapHarness.script(dir, "sub.eyn", "echo in sub\necho still in sub\n");
        Path p = DapHarness.script(dir, "main.eyn", "echo a\nrun sub.eyn\necho after\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            dap.breakpoints(sub, 2);
            dap.continueRun();
            assertEquals("breakpoint", dap.awaitStop().getReason());
            StackFrame[] frames = stack(dap);
            assertEquals(2, frames.length);
            assertEquals("run", frames[0].getName());
            assertEquals(2, frames[0].getLine());
            assertEquals("main", frames[1].getName());
            assertEquals(2, frames[1].getLine(), "the caller frame is on its run line, not the line after");
            assertTrue(frames[1].getSource().getPath().endsWith("main.eyn"));
            dap.continueRun();
            assertEquals(0, get(dap.exited).getExitCode());
            assertTrue(dap.allOutput().contains("main.eyn ended: 5 statements, no command failed, exit status 0"), dap.allOutput());
        }
    }

    @Test
    void theConsoleSaysWhatFailedAndWhatIsNotSet() throws Exception {
        Path p = DapHarness.script(dir, "c.eyn", "set A=1\necho $A\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            EvaluateArguments e = new EvaluateArguments();
            e.setExpression("zopne a.txt r");
            e.setContext("repl");
            String said = error(dap.server.evaluate(e));
            assertTrue(said.contains("Command not found: zopne") && said.contains("did you mean 'zopen'?"), said);
            assertEquals("$FOO is not set", dap.evaluate("$FOO", "repl"));
            e.setExpression("$FOO");
            e.setContext("hover");
            assertEquals("$FOO is not set", error(dap.server.evaluate(e)));
            dap.server.next(nextArgs()).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            assertEquals("hello 1", dap.evaluate("echo hello $A", "repl"));
            assertEquals("true", dap.evaluate("$A == 1", "watch"));
            assertEquals("1-1", dap.evaluate("$A-$A", "watch"), "a watch expands with the script's expander");
            dap.continueRun();
            get(dap.terminated);
        }
    }

    @Test
    void emptyScopesShowNoneAndSizesUseOneUnit() throws Exception {
        Path p = DapHarness.script(dir, "e.eyn", "echo plain\necho done\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 2);
            dap.awaitStop();
            assertTrue(dap.scope("Variables").containsKey("(none)"));
            assertTrue(dap.scope("File descriptors").containsKey("(none)"));
            assertTrue(dap.scope("Mappings").containsKey("(none)"));
            var heap = dap.scope("Heap");
            for (String label : heap.keySet()) assertEquals(label.toLowerCase(java.util.Locale.ROOT), label);
            assertTrue(heap.get("total").getValue().matches("\\d+ bytes \\(\\d+ (KiB|MiB)\\)"), heap.get("total").getValue());
            assertTrue(heap.get("used").getValue().endsWith("bytes") || heap.get("used").getValue().contains("bytes ("));
            boolean painted = dap.output.stream().anyMatch(o -> o.getOutput().contains("\u001b[37mplain"));
            assertTrue(painted, "plain script output carries its own colour");
            dap.continueRun();
            get(dap.terminated);
        }
    }

    @Test
    void steppingOverTheLastStatementEndsTheSessionInsteadOfStoppingWithNoFrame() throws Exception {
        Path p = DapHarness.script(dir, "last.eyn", "echo one\necho two\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 2);
            dap.awaitStop();
            org.eclipse.lsp4j.debug.StepInArguments in = new org.eclipse.lsp4j.debug.StepInArguments();
            in.setThreadId(1);
            get(dap.server.stepIn(in));
            assertEquals(0, get(dap.exited).getExitCode());
            get(dap.terminated);
            assertTrue(dap.stopped.isEmpty(), "no stop after the last statement: " + dap.stopped);
        }
    }

    @Test
    void functionBreakpointsAndConsoleCompletionsKnowTheRunningProfilesCommands() throws Exception {
        Path p = DapHarness.script(dir, "p.shell", "# eyn: profile=2026\necho one\nlist\necho two\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true, "profile", "2026"));
            dap.awaitStop();
            org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments f = new org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments();
            org.eclipse.lsp4j.debug.FunctionBreakpoint list = new org.eclipse.lsp4j.debug.FunctionBreakpoint();
            list.setName("list");
            f.setBreakpoints(new org.eclipse.lsp4j.debug.FunctionBreakpoint[] {list});
            assertTrue(get(dap.server.setFunctionBreakpoints(f)).getBreakpoints()[0].isVerified(), "a 2026 program");
            org.eclipse.lsp4j.debug.CompletionsArguments c = new org.eclipse.lsp4j.debug.CompletionsArguments();
            c.setText("lis");
            c.setColumn(4);
            var targets = get(dap.server.completions(c)).getTargets();
            assertTrue(java.util.Arrays.stream(targets).anyMatch(t -> t.getLabel().equals("list")), java.util.Arrays.toString(targets));
            dap.continueRun();
            assertEquals("function breakpoint", dap.awaitStop().getReason());
            assertEquals(3, dap.top().getLine());
            dap.continueRun();
            get(dap.terminated);
        }
    }
}
