package eyn.server.dap;

import static eyn.server.dap.DapHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.ReverseContinueArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debug sessions end to end over JSON-RPC with LSP4J's debug launcher as the client. */
class DapSessionTest {
    @TempDir
    Path dir;

    private static NextArguments next() {
        NextArguments n = new NextArguments();
        n.setThreadId(1);
        return n;
    }

    private static ContinueArguments cont() {
        ContinueArguments c = new ContinueArguments();
        c.setThreadId(1);
        return c;
    }

    @Test
    void theInitializedEventFollowsTheInitializeResponseAndEntryStopsOnLineOne() throws Exception {
        Path p = DapHarness.script(dir, "main.eyn", "# comment\nset X=1\necho $X\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            // A snapshot: a sublist of the live list throws when the stop event lands while it is compared.
            assertEquals(java.util.List.of("initialize-response", "initialized"), java.util.List.copyOf(dap.order).subList(0, 2));
            assertEquals("entry", dap.awaitStop().getReason());
            assertEquals(2, dap.top().getLine(), "the first statement, after the comment");
            assertEquals(p.toString(), dap.top().getSource().getPath());
            assertTrue(dap.capabilities.getSupportsStepBack());
            get(dap.server.next(next()));
            assertEquals("step", dap.awaitStop().getReason());
            assertEquals("1", dap.scope("Variables").get("X").getValue());
            get(dap.server.continue_(cont()));
            assertEquals(0, get(dap.exited).getExitCode());
            get(dap.terminated);
            assertTrue(dap.allOutput().contains("1\n"), dap.allOutput());
        }
    }

    @Test
    void breakpointsMoveToStatementsAndHonourConditionsHitCountsAndLogMessages() throws Exception {
        Path p = DapHarness.script(dir, "loop.eyn", "set I=0\nloop 5\n# next line counts\nset I=$(calc $I+1)\necho i=$I\nendloop\necho done\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            SetBreakpointsArguments b = new SetBreakpointsArguments();
            Source s = new Source();
            s.setPath(p.toString());
            b.setSource(s);
            SourceBreakpoint onComment = new SourceBreakpoint();
            onComment.setLine(3);
            onComment.setCondition("$I == 2");
            SourceBreakpoint log = new SourceBreakpoint();
            log.setLine(5);
            log.setLogMessage("I is $I, big {$I > 3}");
            SourceBreakpoint third = new SourceBreakpoint();
            third.setLine(7);
            third.setHitCondition("1");
            b.setBreakpoints(new SourceBreakpoint[] {onComment, log, third});
            var result = get(dap.server.setBreakpoints(b)).getBreakpoints();
            assertTrue(result[0].isVerified());
            assertEquals(4, result[0].getLine(), "moved from the comment to the next statement");
            get(dap.server.continue_(cont()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(4, dap.top().getLine());
            assertEquals("2", dap.scope("Variables").get("I").getValue());
            assertTrue(dap.top().getName().contains("loop 3/5"), dap.top().getName());
            get(dap.server.continue_(cont()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(7, dap.top().getLine());
            assertTrue(dap.allOutput().contains("I is 1, big false"), dap.allOutput());
            assertTrue(dap.allOutput().contains("I is 5, big true"), dap.allOutput());
            get(dap.server.continue_(cont()));
            get(dap.terminated);
        }
    }

    @Test
    void commandBreakpointsAndExceptionFiltersStop() throws Exception {
        Path p = DapHarness.script(dir, "cmd.eyn", "echo a\nnosuch\necho b\nzsplice 0 1 4\necho c\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            SetFunctionBreakpointsArguments f = new SetFunctionBreakpointsArguments();
            FunctionBreakpoint zsplice = new FunctionBreakpoint();
            zsplice.setName("zsplice");
            FunctionBreakpoint bogus = new FunctionBreakpoint();
            bogus.setName("frobnicate");
            f.setBreakpoints(new FunctionBreakpoint[] {zsplice, bogus});
            var fbs = get(dap.server.setFunctionBreakpoints(f)).getBreakpoints();
            assertTrue(fbs[0].isVerified());
            assertFalse(fbs[1].isVerified());
            SetExceptionBreakpointsArguments e = new SetExceptionBreakpointsArguments();
            e.setFilters(new String[] {"unknown"});
            get(dap.server.setExceptionBreakpoints(e));
            get(dap.server.continue_(cont()));
            var stop = dap.awaitStop();
            assertEquals("exception", stop.getReason());
            assertTrue(stop.getDescription().contains("Command not found: nosuch"), stop.getDescription());
            get(dap.server.continue_(cont()));
            var fstop = dap.awaitStop();
            assertEquals("function breakpoint", fstop.getReason());
            assertEquals(4, dap.top().getLine());
            get(dap.server.continue_(cont()));
            get(dap.terminated);
        }
    }

    @Test
    void steppingIntoNestedScriptsAndSubstitutionsAndOut() throws Exception {
        DapHarness.script(dir, "sub.eyn", "set INNER=1\necho in sub\n");
        Path p = DapHarness.script(dir, "main.eyn", "run sub.eyn\nset V=$(echo 42)\necho after $V\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            StepInArguments in = new StepInArguments();
            in.setThreadId(1);
            get(dap.server.stepIn(in));
            dap.awaitStop();
            assertTrue(dap.top().getSource().getPath().endsWith("sub.eyn"), dap.top().getSource().getPath());
            assertEquals(1, dap.top().getLine());
            var trace = new org.eclipse.lsp4j.debug.StackTraceArguments();
            trace.setThreadId(1);
            assertEquals(2, get(dap.server.stackTrace(trace)).getTotalFrames());
            StepOutArguments out = new StepOutArguments();
            out.setThreadId(1);
            get(dap.server.stepOut(out));
            dap.awaitStop();
            assertEquals(2, dap.top().getLine());
            assertTrue(dap.top().getSource().getPath().endsWith("main.eyn"));
            get(dap.server.next(next()));
            dap.awaitStop();
            assertEquals("42", dap.scope("Variables").get("V").getValue(), "next runs the whole line, substitution included");
            get(dap.server.continue_(cont()));
            get(dap.terminated);
        }
    }

    @Test
    void fdsMappingsAndTheMemoryView() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "hello memory");
        Path p = DapHarness.script(dir, "mem.eyn", "zopen a.txt r\nmmap a.txt\necho mapped\nmsync 0x01001000\nread a.txt\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 3);
            dap.awaitStop();
            var fds = dap.scope("File descriptors");
            assertTrue(fds.get("fd 0").getValue().contains("/a.txt (r, 12 bytes)"), fds.toString());
            var fd0 = dap.children(fds.get("fd 0").getVariablesReference());
            assertEquals("12", fd0.get("size").getValue());
            var mappings = dap.scope("Mappings");
            var mapping = mappings.get("0x01001000");
            assertEquals("0x01001000", mapping.getMemoryReference());
            ReadMemoryArguments r = new ReadMemoryArguments();
            r.setMemoryReference(mapping.getMemoryReference());
            r.setCount(64);
            var mem = get(dap.server.readMemory(r));
            assertEquals("hello memory", new String(Base64.getDecoder().decode(mem.getData()), StandardCharsets.UTF_8));
            assertEquals(52, mem.getUnreadableBytes());
            WriteMemoryArguments w = new WriteMemoryArguments();
            w.setMemoryReference(mapping.getMemoryReference());
            w.setData(Base64.getEncoder().encodeToString("HELLO".getBytes(StandardCharsets.UTF_8)));
            assertEquals(5, get(dap.server.writeMemory(w)).getBytesWritten());
            var heap = dap.scope("Heap");
            assertEquals("2 blocks", heap.get("blocks").getValue());
            var predictor = dap.scope("Predictor");
            var pattern = predictor.get("access_pattern");
            assertEquals(256, pattern.getIndexedVariables());
            get(dap.server.continue_(cont()));
            get(dap.terminated);
            assertTrue(dap.allOutput().contains("HELLO memory"), "msync persisted the edited mapping: " + dap.allOutput());
            assertEquals("hello memory", Files.readString(dir.resolve("a.txt")), "the host file is untouched without persist");
        }
    }

    @Test
    void variablesCanBeSetAndTheConsoleRunsCommands() throws Exception {
        Path p = DapHarness.script(dir, "v.eyn", "set X=1\necho X is $X\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 2);
            dap.awaitStop();
            var vars = new org.eclipse.lsp4j.debug.ScopesArguments();
            vars.setFrameId(dap.top().getId());
            int ref = get(dap.server.scopes(vars)).getScopes()[0].getVariablesReference();
            SetVariableArguments set = new SetVariableArguments();
            set.setVariablesReference(ref);
            set.setName("X");
            set.setValue("changed");
            assertEquals("changed", get(dap.server.setVariable(set)).getValue());
            assertEquals("changed", dap.evaluate("$X", "hover"));
            assertEquals("true", dap.evaluate("$X == changed && 1 < 2", "watch"));
            assertEquals("changed", dap.evaluate("X", "watch"), "a watch of a bare name reads the variable");
            assertThrows(ExecutionException.class, () -> dap.evaluate("zclose 0", "watch"), "watches never run commands");
            assertTrue(dap.evaluate("calc 6*7", "repl").contains("Result: 42"));
            get(dap.server.continue_(cont()));
            get(dap.terminated);
            assertTrue(dap.allOutput().contains("X is changed"), dap.allOutput());
        }
    }

    @Test
    void pauseStopsAHugeLoopAndStepBackRestoresTheState() throws Exception {
        Path p = DapHarness.script(dir, "big.eyn", "set N=0\nloop 2000000000\nset N=$(calc $N+1)\nendloop\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of());
            Thread.sleep(300);
            PauseArguments pause = new PauseArguments();
            pause.setThreadId(1);
            get(dap.server.pause(pause));
            assertEquals("pause", dap.awaitStop().getReason());
            assertTrue(Long.parseLong(dap.scope("Variables").get("N").getValue()) > 10);
            dap.breakpoints(p, 4);
            get(dap.server.continue_(cont()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(4, dap.top().getLine());
            String n = dap.scope("Variables").get("N").getValue();
            dap.breakpoints(p);
            get(dap.server.next(next()));
            dap.awaitStop();
            assertEquals(3, dap.top().getLine(), "endloop jumps back");
            get(dap.server.next(next()));
            dap.awaitStop();
            assertEquals(String.valueOf(Long.parseLong(n) + 1), dap.scope("Variables").get("N").getValue());
            StepBackArguments back = new StepBackArguments();
            back.setThreadId(1);
            for (int i = 0; i < 3; i++) {
                get(dap.server.stepBack(back));
                dap.awaitStop();
            }
            assertEquals(4, dap.top().getLine(), "three steps back: the set's two steps and the endloop");
            assertEquals(n, dap.scope("Variables").get("N").getValue(), "the variable is as it was");
            get(dap.server.terminate(new TerminateArguments()));
            get(dap.terminated);
        }
    }

    @Test
    void aPauseSentRightBehindContinueStopsTheRunEvenBeforeItStarts() throws Exception {
        Path p = DapHarness.script(dir, "spin.eyn", "loop 2000000000\nset X=1\nendloop\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            assertEquals("entry", dap.awaitStop().getReason());
            PauseArguments pause = new PauseArguments();
            pause.setThreadId(1);
            // the two requests leave back to back, as when a user clicks Continue then Pause: the pause may be
            // taken before the run has begun on the session thread, and must not be forgotten when it begins
            for (int round = 0; round < 40; round++) {
                java.util.concurrent.CompletableFuture<?> continued = dap.server.continue_(cont());
                java.util.concurrent.CompletableFuture<?> paused = dap.server.pause(pause);
                get(continued);
                get(paused);
                org.eclipse.lsp4j.debug.StoppedEventArguments stop = dap.stopped.poll(5, TimeUnit.SECONDS);
                assertTrue(stop != null, "round " + round + ": the pause sent right behind continue was lost");
                assertEquals("pause", stop.getReason());
            }
            get(dap.server.terminate(new TerminateArguments()));
            get(dap.terminated);
        }
    }

    @Test
    void reverseContinueStopsAtTheLastBreakpointBehind() throws Exception {
        Path p = DapHarness.script(dir, "rev.eyn", "set A=1\nset A=2\nset A=3\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 4);
            dap.awaitStop();
            dap.breakpoints(p, 2, 4);
            get(dap.server.reverseContinue(new ReverseContinueArguments()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(2, dap.top().getLine());
            assertEquals("1", dap.scope("Variables").get("A").getValue());
            get(dap.server.continue_(cont()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(4, dap.top().getLine());
            assertEquals("3", dap.scope("Variables").get("A").getValue());
            get(dap.server.restart(new RestartArguments()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(2, dap.top().getLine(), "a restart runs from the top to the first breakpoint");
            assertEquals("1", dap.scope("Variables").get("A").getValue(), "a fresh machine ran only line 1");
            get(dap.server.disconnect(new DisconnectArguments()));
        }
    }

    @Test
    void badRequestsGetClearErrorsAndTheAdapterKeepsServing() throws Exception {
        Path p = DapHarness.script(dir, "bad.eyn", "echo one\necho two\n");
        try (DapHarness dap = new DapHarness()) {
            var init = new org.eclipse.lsp4j.debug.InitializeRequestArguments();
            init.setAdapterID("eyn");
            get(dap.server.initialize(init));
            var noProgram = assertThrows(ExecutionException.class, () -> get(dap.server.launch(Map.of("stopOnEntry", true))));
            assertTrue(noProgram.getCause().getMessage().contains("program"), noProgram.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> get(dap.server.launch(Map.of("program", p.toString(), "ram", "lots"))));
            var badFidelity = assertThrows(ExecutionException.class,
                    () -> get(dap.server.launch(Map.of("program", p.toString(), "fidelity", "sloppy"))));
            assertTrue(badFidelity.getCause().getMessage().contains("fidelity"), badFidelity.getCause().getMessage());
            assertThrows(ExecutionException.class, () -> get(dap.server.next(next())), "next before launch");
            get(dap.server.launch(Map.of("program", p.toString(), "stopOnEntry", true)));
            var unknown = dap.breakpoints(dir.resolve("missing.eyn"), 1);
            assertFalse(unknown[0].isVerified());
            get(dap.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
            dap.awaitStop();
            var bad = new org.eclipse.lsp4j.debug.VariablesArguments();
            bad.setVariablesReference(9999);
            assertThrows(ExecutionException.class, () -> get(dap.server.variables(bad)));
            get(dap.server.continue_(cont()));
            get(dap.terminated);
            var after = assertThrows(ExecutionException.class, () -> get(dap.server.next(next())));
            assertTrue(after.getCause().getMessage().contains("ended"), after.getCause().getMessage());
            assertEquals(1, get(dap.server.threads()).getThreads().length, "still serving");
        }
    }

    @Test
    void longRunsReportProgressAndRefuseInspectionUntilPaused() throws Exception {
        Path p = DapHarness.script(dir, "long.eyn", "loop 2000000000\nset X=1\nendloop\n");
        try (DapHarness dap = new DapHarness(true)) {
            dap.start(p, Map.of());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (dap.progress.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(dap.progress.get(0).startsWith("start:"), dap.progress.toString());
            var vars = new org.eclipse.lsp4j.debug.VariablesArguments();
            vars.setVariablesReference(1);
            var busy = assertThrows(ExecutionException.class, () -> get(dap.server.variables(vars)));
            assertTrue(busy.getCause().getMessage().contains("running"), busy.getCause().getMessage());
            PauseArguments pause = new PauseArguments();
            pause.setThreadId(1);
            get(dap.server.pause(pause));
            assertEquals("pause", dap.awaitStop().getReason());
            assertTrue(dap.progress.stream().anyMatch(e -> e.startsWith("end:")), dap.progress.toString());
            get(dap.server.terminate(new TerminateArguments()));
            get(dap.terminated);
        }
    }

    @Test
    void stepInStopsInsideASubstitutionAndAnFdOffsetCanBeSet() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "abcdefgh");
        Path p = DapHarness.script(dir, "sub.eyn", "zopen a.txt r\nset V=$(zread 0 2)\nzread 0 3\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 2);
            dap.awaitStop();
            StepInArguments in = new StepInArguments();
            in.setThreadId(1);
            get(dap.server.stepIn(in));
            dap.awaitStop();
            assertEquals(2, dap.top().getLine(), "still on the line: only its $(...) ran");
            assertFalse(dap.scope("Variables").containsKey("V"));
            var fds = dap.scope("File descriptors");
            int fd0 = fds.get("fd 0").getVariablesReference();
            assertEquals("2", dap.children(fd0).get("offset").getValue(), "the substitution read two bytes");
            SetVariableArguments set = new SetVariableArguments();
            set.setVariablesReference(fd0);
            set.setName("offset");
            set.setValue("5");
            get(dap.server.setVariable(set));
            get(dap.server.continue_(cont()));
            get(dap.terminated);
            assertTrue(dap.allOutput().contains("Read 3 bytes from fd 0:\nfgh"), dap.allOutput());
        }
    }

    @Test
    void theAdapterListensOnALoopbackPort() throws Exception {
        Process p = eyn.server.JsonRpcFrames.start("dap", "--port", "0");
        try {
            var err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line = err.readLine();
            assertTrue(line != null && line.startsWith("eyn dap: listening on 127.0.0.1:"), String.valueOf(line));
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            String tokenLine = err.readLine();
            assertTrue(tokenLine.startsWith("eyn dap: token "), tokenLine);
            String token = tokenLine.split(" ")[3];
            try (java.net.Socket wrong = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                wrong.getOutputStream().write("not-the-token\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(wrong.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertEquals("eyn dap: wrong or missing token; connection refused\n", answer);
            }
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write((token + "\n").getBytes(StandardCharsets.US_ASCII));
                eyn.server.JsonRpcFrames.send(socket.getOutputStream(),
                        "{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"eyn\"}}");
                var response = eyn.server.JsonRpcFrames.read(socket.getInputStream());
                assertTrue(response.get("success").getAsBoolean(), response.toString());
                try (java.net.Socket second = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                    second.getOutputStream().write((token + "\n").getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(second.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertEquals("eyn dap: already serving a client; connection refused\n", answer);
                }
            }
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the adapter ends with its client");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void breakpointsSetBeforeLaunchAreHitAndNoDebugRunsThrough() throws Exception {
        Path p = DapHarness.script(dir, "early.eyn", "echo one\necho two\necho three\n");
        try (DapHarness dap = new DapHarness()) {
            var init = new org.eclipse.lsp4j.debug.InitializeRequestArguments();
            init.setAdapterID("eyn");
            get(dap.server.initialize(init));
            assertTrue(dap.breakpoints(p, 2)[0].isVerified(), "verified before launch");
            get(dap.server.launch(Map.of("program", p.toString())));
            get(dap.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
            assertEquals("breakpoint", dap.awaitStop().getReason());
            assertEquals(2, dap.top().getLine());
            get(dap.server.continue_(cont()));
            get(dap.terminated);
        }
        try (DapHarness dap = new DapHarness()) {
            var init = new org.eclipse.lsp4j.debug.InitializeRequestArguments();
            init.setAdapterID("eyn");
            get(dap.server.initialize(init));
            dap.breakpoints(p, 2);
            get(dap.server.launch(Map.of("program", p.toString(), "noDebug", true, "stopOnEntry", true)));
            get(dap.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
            assertEquals(0, get(dap.exited).getExitCode());
            assertTrue(dap.stopped.isEmpty(), "noDebug never stops");
            assertTrue(dap.allOutput().contains("three"), dap.allOutput());
        }
    }

    @Test
    void theFidelityOfTheLaunchConfigurationReachesTheMachine() throws Exception {
        Path p = DapHarness.script(dir, "faithful.eyn", "calc 2+3*4\n");
        try (DapHarness dap = new DapHarness()) {
            var init = new org.eclipse.lsp4j.debug.InitializeRequestArguments();
            init.setAdapterID("eyn");
            get(dap.server.initialize(init));
            get(dap.server.launch(Map.of("program", p.toString(), "noDebug", true, "fidelity", "faithful")));
            get(dap.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()));
            get(dap.exited);
            assertTrue(dap.allOutput().contains("Result: 0"), dap.allOutput());
        }
    }

    @Test
    void theLaunchsMemoryBudgetRefusesGrowthWithTheOsMessage() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "0123456789");
        Files.writeString(dir.resolve("b.txt"), "");
        Path p = DapHarness.script(dir, "grow.eyn", "zopen a.txt rw\nzopen b.txt rw\nloop 14\nzseek 0 0 set\nzseek 1 0 end\n"
                + "ztee 0 1 2147483647\nzseek 1 0 set\nzseek 0 0 end\nztee 1 0 2147483647\nendloop\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("memoryBudget", "2M"));
            assertEquals(1, get(dap.exited).getExitCode(), "refused commands are failures");
            get(dap.terminated);
            String out = dap.allOutput();
            assertTrue(out.contains("budget: 2048 KB)\nError: Out of memory for file extension\nTee failed"), out);
            assertTrue(out.contains("end\n"), "the script went on: " + out);
        }
        try (DapHarness dap = new DapHarness()) {
            var init = new org.eclipse.lsp4j.debug.InitializeRequestArguments();
            init.setAdapterID("eyn");
            get(dap.server.initialize(init));
            var bad = assertThrows(ExecutionException.class, () -> get(dap.server.launch(Map.of("program", p.toString(), "memoryBudget", "lots"))));
            assertTrue(bad.getCause().getMessage().contains("'memoryBudget' is a size of at least 1M"), bad.getCause().getMessage());
        }
    }
}
