package eyn.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The run-time decisions a debug adapter used to make, now typed values of eyn.debug: where a
 * breakpoint goes or why not, what a data breakpoint watches, what memory reads and writes give,
 * what the scopes show, which frame a scope belongs to, and what the console says.
 */
class DebugRequestsTest {
    static final String SCRIPT = String.join("\n",
            "# a comment",
            "set N=1",
            "",
            "zopen a.txt rw",
            "mmap a.txt",
            "zopne b.txt",
            "loop 2",
            "set N=$(calc $N+1)",
            "endloop",
            "");

    private static Debugger debugger() throws Exception {
        return debugger(new Breakpoints());
    }

    private static Debugger debugger(Breakpoints breakpoints) throws Exception {
        Drive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("alpha".getBytes(StandardCharsets.UTF_8)));
        Interpreter in = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))),
                (c, t, w) -> { }, Options.defaults());
        in.start("/main.eyn", SCRIPT);
        return new Debugger(in, breakpoints, new History(16, 1000, 0), l -> null, (m, l) -> { });
    }

    /** Runs until the next statement is on {@code line} (0-based). */
    private static void runTo(Debugger d, int line) {
        while (!d.interpreter().finished() && d.interpreter().next().line() != line) d.resume(Debugger.Mode.STEP_IN);
    }

    @Test
    void lineBreakpointsMoveToTheNextStatementOrSayWhyNot() {
        Breakpoints bps = new Breakpoints();
        List<BreakpointRequests.Verdict> v = BreakpointRequests.setLines(bps, "/ws/main.eyn", "/ws/main.eyn", SCRIPT, true, List.of(
                new BreakpointRequests.LineRequest(0, null, null, null),
                new BreakpointRequests.LineRequest(2, "$N == 1", null, null),
                new BreakpointRequests.LineRequest(7, null, "every other", null),
                new BreakpointRequests.LineRequest(7, null, ">= 2", "N is $N")));
        assertEquals(new BreakpointRequests.Verdict(1, null), v.get(0), "a comment line moves to the next statement");
        assertEquals(3, v.get(1).line(), "a blank line moves to the next statement");
        assertFalse(v.get(2).verified());
        assertTrue(v.get(2).problem().startsWith("Hit conditions are a number"));
        assertEquals(7, v.get(3).line());
        assertEquals("$N == 1", bps.line("/ws/main.eyn", 3).condition());
        assertEquals("N is $N", bps.line("/ws/main.eyn", 7).logMessage());
        assertNull(bps.line("/ws/main.eyn", 0));

        List<BreakpointRequests.Verdict> unreadable = BreakpointRequests.setLines(bps, "/ws/gone.eyn", "/ws/gone.eyn", null, true,
                List.of(new BreakpointRequests.LineRequest(1, null, null, null)));
        assertEquals("Cannot read /ws/gone.eyn", unreadable.get(0).problem());
        List<BreakpointRequests.Verdict> offDrive = BreakpointRequests.setLines(bps, "/elsewhere/x.eyn", "/elsewhere/x.eyn", SCRIPT, false,
                List.of(new BreakpointRequests.LineRequest(1, null, null, null)));
        assertEquals("This file is not on drive 0, so the script cannot run it", offDrive.get(0).problem());
        assertNull(bps.line("/elsewhere/x.eyn", 1), "a refused breakpoint is not set");
        List<BreakpointRequests.Verdict> empty = BreakpointRequests.setLines(bps, "/ws/c.eyn", "/ws/c.eyn", "# only a comment\n", true,
                List.of(new BreakpointRequests.LineRequest(0, null, null, null)));
        assertEquals("No statement at or near this line", empty.get(0).problem());
    }

    @Test
    void commandBreakpointsAndFiltersNameWhatExists() {
        Breakpoints bps = new Breakpoints();
        List<BreakpointRequests.Verdict> v = BreakpointRequests.setCommands(bps, List.of(
                new BreakpointRequests.CommandRequest(" zsplice ", null, null), new BreakpointRequests.CommandRequest("zopne", null, null)));
        assertTrue(v.get(0).verified());
        assertEquals("No EYN command is called 'zopne'", v.get(1).problem());
        assertNotNull(bps.command("zsplice"));
        assertNull(bps.command("zopne"));

        BreakpointRequests.setFilters(bps, List.of(Breakpoints.FAILED));
        assertTrue(bps.filter(Breakpoints.FAILED));
        Refusal r = assertThrows(Refusal.class, () -> BreakpointRequests.setFilters(bps, List.of(Breakpoints.UNKNOWN, "oops")));
        assertEquals("Unknown exception filter 'oops'", r.getMessage());
        assertTrue(bps.filter(Breakpoints.FAILED), "a refused list changes nothing");
        assertEquals(Set.of(Breakpoints.FAILED, Breakpoints.UNKNOWN, Breakpoints.PORTABILITY),
                Set.copyOf(BreakpointRequests.FILTERS.stream().map(BreakpointRequests.Filter::id).toList()));
    }

    @Test
    void dataBreakpointsAreTypedTargetsAndRefuseWhatCannotBeWatched() {
        WatchTarget range = DataBreakpoints.atAddress("0x00800010", 100_000);
        assertEquals(new WatchTarget.MemoryRange(0x00800010L, 65536), range, "bytes are capped at 64 KiB");
        assertEquals(new WatchTarget.MemoryRange(0x10L, 1), DataBreakpoints.atAddress("10", null));
        assertEquals("Not a memory reference: 'zz'", assertThrows(Refusal.class, () -> DataBreakpoints.atAddress("zz", 4)).getMessage());
        assertEquals("Not an address of the emulated machine: '0x100000000'",
                assertThrows(Refusal.class, () -> DataBreakpoints.atAddress("0x100000000", 4)).getMessage());

        DataBreakpoints.Info none = DataBreakpoints.info(null);
        assertNull(none.dataId());
        assertEquals(DataBreakpoints.WATCHABLE, none.description());
        DataBreakpoints.Info fd = DataBreakpoints.info(new WatchTarget.FdOffset(3));
        assertEquals("fd:3:offset", fd.dataId());
        assertEquals(List.of(WatchTarget.Access.WRITE), fd.accesses());

        DataBreakpoints.Result r = DataBreakpoints.of(List.of(
                new DataBreakpoints.Request("fd:3:offset", null),
                new DataBreakpoints.Request("fd:3:offset", WatchTarget.Access.READ),
                new DataBreakpoints.Request("mem:8388608:4", WatchTarget.Access.READ),
                new DataBreakpoints.Request("nonsense", null)));
        assertEquals(2, r.watches().size());
        assertEquals(new Debugger.Watch(new WatchTarget.FdOffset(3), WatchTarget.Access.WRITE), r.watches().get(0));
        assertNull(r.problems().get(0));
        assertEquals("fd 3 offset cannot be watched for READ", r.problems().get(1));
        assertNull(r.problems().get(2));
        assertEquals("Unknown data id 'nonsense'", r.problems().get(3));
    }

    @Test
    void memoryReadsStopAtUnmappedBytesAndWritesRefuseWhatDoesNotFit() throws Exception {
        Debugger d = debugger();
        runTo(d, 5); // after zopen and mmap
        String mapping = MemoryAccess.hex(d.interpreter().machine().mappings().iterator().next().address);
        MemoryAccess.Read read = MemoryAccess.read(d.interpreter().machine(), mapping, 0, 8);
        assertEquals("alpha", new String(read.data(), StandardCharsets.UTF_8));
        assertEquals(3, read.unreadable(), "a 5-byte file shows 5 bytes");
        assertEquals(0, MemoryAccess.read(d.interpreter().machine(), "0x100000000", 0, 4).data().length);

        assertEquals(2, MemoryAccess.write(d, mapping, 1, "LP".getBytes(StandardCharsets.UTF_8), false));
        assertArrayEquals("aLPha".getBytes(StandardCharsets.UTF_8), MemoryAccess.read(d.interpreter().machine(), mapping, 0, 5).data());
        Refusal r = assertThrows(Refusal.class, () -> MemoryAccess.write(d, mapping, 3, new byte[4], false));
        assertTrue(r.getMessage().startsWith("Only 2 of 4 bytes are writable at "), r.getMessage());
        assertEquals(2, MemoryAccess.write(d, mapping, 3, new byte[4], true));
        assertEquals("A memoryReference is needed", assertThrows(Refusal.class, () -> MemoryAccess.address(null)).getMessage());
    }

    @Test
    void scopesShowTheMachineWithWatchableRowsAndNoneForEmptyOnes() throws Exception {
        Debugger d = debugger();
        Inspection view = new Inspection(d.interpreter());
        List<Inspection.Scope> before = view.scopes(1);
        assertEquals(List.of(Inspection.VARIABLES, Inspection.SHELL, Inspection.PREDICTOR, Inspection.HEAP, Inspection.FDS,
                Inspection.MAPPINGS, Inspection.DRIVES), before.stream().map(Inspection.Scope::name).toList());
        Inspection.Scope fds = before.get(4);
        assertEquals(List.of(Inspection.NONE), fds.entries().get().stream().map(Inspection.Entry::name).toList());
        assertTrue(before.get(6).expensive());

        runTo(d, 5);
        List<Inspection.Scope> scopes = view.scopes(1);
        Inspection.Entry n = Inspection.find(scopes.get(0).entries().get(), "N");
        assertEquals("1", n.value());
        assertEquals("$N", n.evaluateName());
        Inspection.Entry fd = scopes.get(4).entries().get().get(0);
        assertEquals(new WatchTarget.FdOpen(Integer.parseInt(fd.name().substring(3))), fd.watch());
        assertNotNull(fd.memoryReference());
        assertEquals(9, fd.named());
        Inspection.Entry offset = Inspection.find(fd.children().get(), "offset");
        assertTrue(offset.watch() instanceof WatchTarget.FdOffset);
        assertTrue(Inspection.find(fd.children().get(), "size").watch() instanceof WatchTarget.FdSize);
        assertNull(Inspection.find(fd.children().get(), "path").watch());
        Inspection.Entry mapping = scopes.get(5).entries().get().get(0);
        assertEquals(new WatchTarget.MappingExists(Long.decode(mapping.name())), mapping.watch());
        assertEquals(new WatchTarget.HitRate(), Inspection.find(scopes.get(2).entries().get(), "hit rate").watch());
        Inspection.Entry pattern = Inspection.find(scopes.get(2).entries().get(), "access_pattern");
        assertEquals("data", pattern.kind());
        assertEquals(pattern.indexed(), pattern.children().get().size());
        Inspection.Entry total = Inspection.find(scopes.get(3).entries().get(), "total");
        assertTrue(total.value().matches("\\d+ bytes \\(\\d+ MiB\\)"), total.value());
        assertEquals("1 byte", Inspection.bytes(1));
        assertEquals("2048 bytes (2 KiB)", Inspection.bytes(2048));

        Refusal noFrame = assertThrows(Refusal.class, () -> view.scopes(3));
        assertEquals("No frame 3", noFrame.getMessage());
        assertEquals(Inspection.VARIABLES, view.scopes(2).get(0).name(), "a frame the failure ended shows the machine as it is now");
    }

    @Test
    void settingARowMovesAnOffsetOrSetsAVariableAndRefusesNonsense() throws Exception {
        Debugger d = debugger();
        runTo(d, 5);
        int fd = d.interpreter().machine().fds().open().iterator().next().fd;
        Inspection.set(d, new WatchTarget.FdOffset(fd), "offset", "3");
        assertEquals(3, d.interpreter().machine().fds().get(fd).offset);
        assertEquals("The offset must be between 0 and the file size 5",
                assertThrows(Refusal.class, () -> Inspection.set(d, new WatchTarget.FdOffset(fd), "offset", "9")).getMessage());
        Inspection.set(d, null, "N", "42");
        assertEquals("42", d.interpreter().variable("N"));
        assertTrue(assertThrows(Refusal.class, () -> Inspection.set(d, null, "x".repeat(40), "1")).getMessage().startsWith("Cannot set"));
    }

    @Test
    void aFailureStopsWithItsLineAndTheConsoleSaysSoInRed() throws Exception {
        Breakpoints bps = new Breakpoints();
        bps.setFilters(Set.of(Breakpoints.UNKNOWN));
        Debugger d = debugger(bps);
        Debugger.Stop stop = d.resume(Debugger.Mode.CONTINUE);
        assertEquals(Debugger.Reason.EXCEPTION, stop.reason());
        List<StackView.Frame> frames = StackView.of(d);
        assertEquals(1, frames.get(0).id());
        assertEquals(5, frames.get(0).line(), "the frame shows the line that failed");
        ConsoleLines.Line said = ConsoleLines.stopped(stop, d::stack);
        assertEquals(eyn.machine.Color.RED, said.color());
        assertTrue(said.text().startsWith("Stopped: Line 6: "), said.text());
        assertTrue(said.text().endsWith("did you mean 'zopen'?"), said.text());
        assertEquals(5, said.at().line());
        assertEquals(said.text().substring("Stopped: ".length()), ConsoleLines.stopText(stop));
        assertNull(ConsoleLines.stopped(new Debugger.Stop(Debugger.Reason.STEP, null), d::stack), "steps say nothing");

        while (!d.interpreter().finished()) d.resume(Debugger.Mode.CONTINUE);
        ConsoleLines.Line ended = ConsoleLines.ended(d.summary("main.eyn"));
        assertEquals(eyn.machine.Color.RED, ended.color());
        assertTrue(ended.text().endsWith("1 command failed, exit status 1"), ended.text());
    }

    @Test
    void gotoTargetsAreStatementsOfTheCurrentBlockAndRefusalsSayWhy() throws Exception {
        Debugger d = debugger();
        runTo(d, 3);
        Debugger.GotoTarget t = Navigation.target(d, "/main.eyn", 1);
        assertEquals(2, Navigation.id(t));
        assertNull(Navigation.target(d, "/main.eyn", 7), "not into a loop");
        assertNull(Navigation.target(d, null, 1), "a file not on drive 0");
        Navigation.jump(d, Navigation.id(t));
        assertEquals(1, d.interpreter().next().line());
        assertEquals("Cannot go to line 8: pick a statement of the current block",
                assertThrows(Refusal.class, () -> Navigation.jump(d, 8)).getMessage());
        assertEquals("Frame 5 cannot be restarted: its start is out of the history",
                assertThrows(Refusal.class, () -> Navigation.restartFrame(d, 5)).getMessage());
    }

    @Test
    void evaluationsShownAsErrorsDependOnWhereTheyAreAsked() throws Exception {
        Debugger d = debugger();
        Evaluation unset = Evaluation.of(d.interpreter(), "$FOO", Evaluation.Context.CONSOLE);
        assertFalse(unset.error(Evaluation.Context.CONSOLE), "the console says it is not set in a line");
        assertTrue(unset.error(Evaluation.Context.HOVER));
        assertTrue(Evaluation.of(d.interpreter(), "zopne x", Evaluation.Context.CONSOLE).error(Evaluation.Context.CONSOLE));
        assertFalse(Evaluation.of(d.interpreter(), "echo hi", Evaluation.Context.CONSOLE).error(Evaluation.Context.CONSOLE));
        assertTrue(Evaluation.of(d.interpreter(), "hello world", Evaluation.Context.WATCH).error(Evaluation.Context.WATCH));
    }

    @Test
    void pagesAreCutAsClientsAsk() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertEquals(all, StackView.page(all, null, null));
        assertEquals(List.of(2, 3), StackView.page(all, 1, 2));
        assertEquals(List.of(5), StackView.page(all, 4, 0));
        assertEquals(List.of(), StackView.page(all, 9, 2));
    }

    @Test
    void launchOptionsAreCheckedAndEachBadValueIsNamed() {
        LaunchOptions o = LaunchOptions.of(Map.of("program", "main.eyn", "args", List.of("Ada", 3.0, 2.5), "drives", Map.of("1.0", "disk.img"),
                "ram", "64", "noDebug", true, "stopOnEntry", true));
        assertEquals(List.of("Ada", "3", "2.5"), o.args(), "whole numbers are words without a decimal point");
        assertEquals(Map.of(1, "disk.img"), o.drives());
        assertEquals(64, o.ramMib());
        assertFalse(o.stopsOnEntry(), "Run Without Debugging never stops");
        assertEquals(eyn.machine.Fidelity.FIXED, o.fidelity());
        assertEquals(10_000_000, o.historySteps());
        assertEquals(Map.of("'program'", "launch needs a 'program': the script to debug",
                        "ram", "'ram' must be 1-4096 (MiB)",
                        "profile", "'profile' is auto, r13 or 2026, not '2027'",
                        "fidelity", "'fidelity' is fixed or faithful, not 'loose'",
                        "drives", "'drives' keys are drive numbers 0-255, not 256",
                        "args", "'args' is a list of words: the script's $1..$9",
                        "seed", "'seed' must be a number, not 'x'"),
                Map.of("'program'", refusal(Map.of("program", " ")),
                        "ram", refusal(Map.of("program", "a", "ram", 0)),
                        "profile", refusal(Map.of("program", "a", "profile", "2027")),
                        "fidelity", refusal(Map.of("program", "a", "fidelity", "loose")),
                        "drives", refusal(Map.of("program", "a", "drives", Map.of("256", "x"))),
                        "args", refusal(Map.of("program", "a", "args", "Ada")),
                        "seed", refusal(Map.of("program", "a", "seed", "x"))));
    }

    private static String refusal(Map<String, Object> args) {
        return assertThrows(Refusal.class, () -> LaunchOptions.of(args)).getMessage();
    }
}
