package eyn.server.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.CompletionsArguments;
import org.eclipse.lsp4j.debug.GotoArguments;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every capability the adapter declares must be exercised end to end: a declared capability with
 * no exercise here fails the test, so nothing is promised that does not work.
 */
class DapConformanceTest {
    @TempDir
    Path dir;

    /** Capability name -> where it is exercised end to end. */
    static final Map<String, String> EXERCISED = new LinkedHashMap<>();

    static {
        EXERCISED.put("supportsConfigurationDoneRequest", "DapHarness.start");
        EXERCISED.put("supportsConditionalBreakpoints", "DapSessionTest.breakpointsMoveToStatementsAndHonourConditionsHitCountsAndLogMessages");
        EXERCISED.put("supportsHitConditionalBreakpoints", "DapSessionTest.breakpointsMoveToStatementsAndHonourConditionsHitCountsAndLogMessages");
        EXERCISED.put("supportsLogPoints", "DapSessionTest.breakpointsMoveToStatementsAndHonourConditionsHitCountsAndLogMessages");
        EXERCISED.put("supportsFunctionBreakpoints", "DapSessionTest.commandBreakpointsAndExceptionFiltersStop");
        EXERCISED.put("supportsStepBack", "DapSessionTest.pauseStopsAHugeLoopAndStepBackRestoresTheState, reverseContinueStopsAtTheLastBreakpointBehind");
        EXERCISED.put("supportsSetVariable", "DapSessionTest.variablesCanBeSetAndTheConsoleRunsCommands");
        EXERCISED.put("supportsRestartRequest", "DapSessionTest.reverseContinueStopsAtTheLastBreakpointBehind");
        EXERCISED.put("supportsTerminateRequest", "DapSessionTest.pauseStopsAHugeLoopAndStepBackRestoresTheState");
        EXERCISED.put("supportsEvaluateForHovers", "DapSessionTest.variablesCanBeSetAndTheConsoleRunsCommands");
        EXERCISED.put("supportsReadMemoryRequest", "DapSessionTest.fdsMappingsAndTheMemoryView");
        EXERCISED.put("supportsWriteMemoryRequest", "DapSessionTest.fdsMappingsAndTheMemoryView");
        EXERCISED.put("supportsGotoTargetsRequest", "DapConformanceTest.gotoCompletionsAndLoadedSources");
        EXERCISED.put("supportsLoadedSourcesRequest", "DapConformanceTest.gotoCompletionsAndLoadedSources");
        EXERCISED.put("supportsCompletionsRequest", "DapConformanceTest.gotoCompletionsAndLoadedSources");
        EXERCISED.put("supportsRestartFrame", "DapConformanceTest.restartFrameRewindsToWhereTheScriptBegan");
        EXERCISED.put("supportsDataBreakpoints", "DapConformanceTest.dataBreakpointsStopWhereTheValueChanged");
        EXERCISED.put("supportsDataBreakpointBytes", "DapConformanceTest.dataBreakpointsStopWhereTheValueChanged");
        EXERCISED.put("supportsExceptionInfoRequest", "DapFirstHourTest.aFailedCommandStopsOnItsOwnLineAndSaysWhatFailed");
        EXERCISED.put("exceptionBreakpointFilters", "DapSessionTest.commandBreakpointsAndExceptionFiltersStop (failed, unknown), "
                + "DapConformanceTest.portabilityFilterStopsBeforeTheLine");
    }

    @Test
    void everyDeclaredCapabilityIsExercised() throws Exception {
        JsonObject caps = new Gson().toJsonTree(EynDebugAdapter.capabilities()).getAsJsonObject();
        TreeSet<String> declared = new TreeSet<>();
        for (var e : caps.entrySet()) {
            if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isBoolean() && e.getValue().getAsBoolean()) declared.add(e.getKey());
            if (e.getKey().equals("exceptionBreakpointFilters")) declared.add(e.getKey());
        }
        TreeSet<String> missing = new TreeSet<>(declared);
        missing.removeAll(EXERCISED.keySet());
        assertEquals(new TreeSet<>(), missing, "declared but never exercised");
        TreeSet<String> stale = new TreeSet<>(EXERCISED.keySet());
        stale.removeAll(declared);
        assertEquals(new TreeSet<>(), stale, "exercised but not declared");
        assertFalse(caps.has("supportsInstructionBreakpoints"), "there are no instructions to break on");
    }

    @Test
    void gotoCompletionsAndLoadedSources() throws Exception {
        Files.writeString(dir.resolve("sub.eyn"), "echo in sub\n");
        Path p = dir.resolve("g.eyn");
        Files.writeString(p, "set A=1\nrun sub.eyn\nset A=2\nloop 2\necho x\nendloop\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            NextArguments n = new NextArguments();
            n.setThreadId(1);
            dap.server.next(n).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            dap.server.next(n).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            var sources = dap.server.loadedSources(new LoadedSourcesArguments()).get(10, TimeUnit.SECONDS).getSources();
            assertEquals(2, sources.length, "the program and the script it ran");
            assertTrue(sources[1].getPath().endsWith("sub.eyn"));

            GotoTargetsArguments targets = new GotoTargetsArguments();
            Source s = new Source();
            s.setPath(p.toString());
            targets.setSource(s);
            targets.setLine(1);
            var found = dap.server.gotoTargets(targets).get(10, TimeUnit.SECONDS).getTargets();
            assertEquals(1, found.length);
            targets.setLine(5);
            assertEquals(0, dap.server.gotoTargets(targets).get(10, TimeUnit.SECONDS).getTargets().length, "not into a loop body");
            GotoArguments go = new GotoArguments();
            go.setThreadId(1);
            go.setTargetId(found[0].getId());
            dap.server.goto_(go).get(10, TimeUnit.SECONDS);
            assertEquals("goto", dap.awaitStop().getReason());
            assertEquals(1, dap.top().getLine());

            CompletionsArguments c = new CompletionsArguments();
            c.setText("zre");
            c.setColumn(4);
            var items = dap.server.completions(c).get(10, TimeUnit.SECONDS).getTargets();
            assertEquals("zread", items[0].getLabel());
            c.setText("echo $");
            c.setColumn(7);
            var vars = dap.server.completions(c).get(10, TimeUnit.SECONDS).getTargets();
            assertEquals("A", vars[0].getLabel());
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void portabilityFilterStopsBeforeTheLine() throws Exception {
        Path p = dir.resolve("port.eyn");
        Files.writeString(p, "echo plain\necho \"quoted\"\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            var e = new org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments();
            e.setFilters(new String[] {"portability"});
            dap.server.setExceptionBreakpoints(e).get(10, TimeUnit.SECONDS);
            dap.continueRun();
            var stop = dap.awaitStop();
            assertEquals("exception", stop.getReason());
            assertEquals(2, dap.top().getLine());
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void dataBreakpointsStopWhereTheValueChanged() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "0123456789");
        Path p = dir.resolve("d.eyn");
        Files.writeString(p, "zopen a.txt rw\nmmap a.txt\necho one\nzread 0 4\necho two\nzclose 0\necho three\nmunmap 0x01001000\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 3);
            dap.awaitStop();
            var fds = new org.eclipse.lsp4j.debug.ScopesArguments();
            fds.setFrameId(dap.top().getId());
            var scopes = dap.server.scopes(fds).get(10, TimeUnit.SECONDS).getScopes();
            int fdScope = java.util.Arrays.stream(scopes).filter(s -> s.getName().equals("File descriptors")).findFirst().orElseThrow().getVariablesReference();
            int mapScope = java.util.Arrays.stream(scopes).filter(s -> s.getName().equals("Mappings")).findFirst().orElseThrow().getVariablesReference();
            int fd0 = dap.children(fdScope).get("fd 0").getVariablesReference();
            var offsetInfo = info(dap, fd0, "offset", null);
            assertEquals("fd:0:offset", offsetInfo.getDataId());
            var openInfo = info(dap, fdScope, "fd 0", null);
            var mapInfo = info(dap, mapScope, "0x01001000", null);
            var memInfo = info(dap, null, "0x01001000", 4);
            assertEquals("mem:16781312:4", memInfo.getDataId());
            set(dap, offsetInfo.getDataId(), openInfo.getDataId(), mapInfo.getDataId());
            dap.continueRun();
            var stop = dap.awaitStop();
            assertEquals("data breakpoint", stop.getReason());
            assertTrue(stop.getDescription().contains("fd 0 offset: 0 -> 4"), stop.getDescription());
            assertEquals(5, dap.top().getLine(), "stopped after the zread that moved the offset");
            assertEquals("Data breakpoint: fd 0 offset: 0 -> 4", stop.getDescription(), "the reason reads well in the UI");
            assertTrue(dap.allOutput().contains("Stopped: Data breakpoint: fd 0 offset: 0 -> 4"), "and in the console: " + dap.allOutput());
            dap.continueRun();
            assertTrue(dap.awaitStop().getDescription().contains("fd 0 open: true -> false"));
            dap.continueRun();
            assertTrue(dap.awaitStop().getDescription().contains("mapping at 0x01001000: true -> false"));
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void readWatchpointsStopAfterTheCommandThatReadTheRange() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "0123456789");
        Path p = dir.resolve("rw.eyn");
        Files.writeString(p, "zopen a.txt r\necho set up\nzseek 0 6 set\nzread 0 2\nzseek 0 0 set\nzread 0 2\necho end\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of(), 2);
            dap.awaitStop();
            var memInfo = info(dap, null, "0x01000000", 4);
            assertTrue(java.util.Arrays.asList(memInfo.getAccessTypes()).contains(org.eclipse.lsp4j.debug.DataBreakpointAccessType.READ));
            var a = new org.eclipse.lsp4j.debug.SetDataBreakpointsArguments();
            var bp = new org.eclipse.lsp4j.debug.DataBreakpoint();
            bp.setDataId(memInfo.getDataId());
            bp.setAccessType(org.eclipse.lsp4j.debug.DataBreakpointAccessType.READ);
            a.setBreakpoints(new org.eclipse.lsp4j.debug.DataBreakpoint[] {bp});
            assertTrue(dap.server.setDataBreakpoints(a).get(10, TimeUnit.SECONDS).getBreakpoints()[0].isVerified());
            dap.continueRun();
            var stop = dap.awaitStop();
            assertEquals("data breakpoint", stop.getReason());
            assertEquals(7, dap.top().getLine(), "the first zread read bytes 6-7, outside the range; the second read 0-1");
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
    }

    private static org.eclipse.lsp4j.debug.DataBreakpointInfoResponse info(DapHarness dap, Integer reference, String name, Integer bytes)
            throws Exception {
        var a = new org.eclipse.lsp4j.debug.DataBreakpointInfoArguments();
        a.setName(name);
        a.setVariablesReference(reference);
        if (bytes != null) {
            a.setAsAddress(true);
            a.setBytes(bytes);
        }
        return dap.server.dataBreakpointInfo(a).get(10, TimeUnit.SECONDS);
    }

    private static void set(DapHarness dap, String... ids) throws Exception {
        var a = new org.eclipse.lsp4j.debug.SetDataBreakpointsArguments();
        var list = new org.eclipse.lsp4j.debug.DataBreakpoint[ids.length];
        for (int i = 0; i < ids.length; i++) {
            list[i] = new org.eclipse.lsp4j.debug.DataBreakpoint();
            list[i].setDataId(ids[i]);
        }
        a.setBreakpoints(list);
        var r = dap.server.setDataBreakpoints(a).get(10, TimeUnit.SECONDS).getBreakpoints();
        for (var b : r) assertTrue(b.isVerified());
    }

    @Test
    void restartFrameRewindsToWhereTheScriptBegan() throws Exception {
        Files.writeString(dir.resolve("sub.eyn"), "set S=1\nmakedir made\necho in sub\n");
        Path p = dir.resolve("r.eyn");
        Files.writeString(p, "set A=1\nrun sub.eyn\necho back\n");
        try (DapHarness dap = new DapHarness()) {
            dap.start(p, Map.of("stopOnEntry", true));
            dap.awaitStop();
            NextArguments n = new NextArguments();
            n.setThreadId(1);
            dap.server.next(n).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            var in = new org.eclipse.lsp4j.debug.StepInArguments();
            in.setThreadId(1);
            dap.server.stepIn(in).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            dap.server.next(n).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            dap.server.next(n).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            assertEquals(3, dap.top().getLine());
            assertTrue(dap.scope("Drives").values().stream().findFirst().isPresent());
            var restart = new org.eclipse.lsp4j.debug.RestartFrameArguments();
            restart.setFrameId(dap.top().getId());
            dap.server.restartFrame(restart).get(10, TimeUnit.SECONDS);
            dap.awaitStop();
            assertEquals(1, dap.top().getLine(), "back at the nested script's first line");
            assertTrue(dap.top().getSource().getPath().endsWith("sub.eyn"));
            assertFalse(dap.scope("Variables").containsKey("S"), "its variables are gone again");
            String drive = dap.children(dap.scope("Drives").get("drive 0").getVariablesReference()).keySet().toString();
            assertFalse(drive.contains("/made/"), "the directory it made is gone again: " + drive);
            var write = new org.eclipse.lsp4j.debug.WriteMemoryArguments();
            write.setMemoryReference("0x00800000");
            write.setData(java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2}));
            write.setAllowPartial(true);
            dap.server.writeMemory(write).get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (dap.memory.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals("0x00800000", dap.memory.get(0).getMemoryReference(), "a memory event follows writeMemory");
            dap.continueRun();
            dap.terminated.get(10, TimeUnit.SECONDS);
        }
    }
}
