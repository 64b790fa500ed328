package eyn.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reverse execution restores everything: a digest of the whole state (machine, drives, variables,
 * blocks, output position) at every step of a forward run must come back when stepping back, and
 * again when stepping forward from there.
 */
class ReverseExecutionTest {
    static final String SCRIPT = String.join("\n",
            "set N=0",
            "zopen a.txt rw",
            "zopen b.txt rw",
            "mmap a.txt",
            "loop 30",
            "set N=$(calc $N+1)",
            "zseek 0 0 end",
            "zwrite 0 $N",
            "ztee 0 1 3",
            "ifeq $N 7",
            "copy a.txt c$N.txt",
            "munmap 0x01002000",
            "mmap b.txt readonly",
            "endif",
            "random",
            "endloop",
            "zclose 1",
            "predict stats",
            "");

    /** The same kind of workload in the 2026 dialect: while, elif, nested $(...), a script found in /binaries, files. */
    static final String SCRIPT_2026 = String.join("\n",
            "# eyn: profile=2026",
            "set N=0",
            "while $N != 25",
            "set N=$(calc $N+1)",
            "if $(calc $N/5) == 2",
            "create f$N.txt",
            "elif $N == 3",
            "greet $N",
            "else",
            "/binaries/echo $N >> log.txt",
            "endif",
            "endwhile",
            "cat log.txt",
            "");

    private static Debugger debugger(StringBuilder out, long interval) throws Exception {
        return debugger(out, interval, SCRIPT, Options.defaults());
    }

    private static Debugger debugger(StringBuilder out, long interval, String script, Options options) throws Exception {
        Drive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("alpha".getBytes(StandardCharsets.UTF_8)));
        drive.write("/b.txt", ChunkedBytes.of("bravo".getBytes(StandardCharsets.UTF_8)));
        drive.makeDirectory("/binaries");
        drive.write("/binaries/greet", ChunkedBytes.of("# greet\necho hello $1\n".getBytes(StandardCharsets.UTF_8)));
        Interpreter in = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))),
                (c, t, w) -> out.append(t), options);
        in.start("/main.eyn", script);
        return new Debugger(in, new Breakpoints(), new History(interval, 1000, 0), l -> null, (m, l) -> { });
    }

    @Test
    void steppingBackRestoresEveryEarlierStateExactly() throws Exception {
        steppingBackRestores(SCRIPT, Options.defaults());
    }

    @Test
    void steppingBackRestoresEveryEarlierStateOfA2026ScriptExactly() throws Exception {
        steppingBackRestores(SCRIPT_2026, Options.defaults().withProfile(eyn.profile.Profiles.Y2026));
    }

    private static void steppingBackRestores(String script, Options options) throws Exception {
        for (long interval : new long[] {1, 7, 256}) {
            StringBuilder out = new StringBuilder();
            Debugger d = debugger(out, interval, script, options);
            Interpreter in = d.interpreter();
            List<Long> digests = new ArrayList<>();
            while (!in.finished()) {
                digests.add(in.digest());
                d.resume(Debugger.Mode.STEP_IN);
            }
            int steps = digests.size();
            assertTrue(steps > 200, "steps: " + steps);
            // from a stop near the end, go back k steps, compare, then forward again and compare
            d.goTo(steps - 2);
            for (int k = steps - 3; k >= 0; k -= 37) {
                while (in.steps() > k) d.stepBack();
                assertEquals(digests.get(k), in.digest(), "state " + k + " going back (interval " + interval + ")");
                for (int j = k; j < Math.min(steps - 1, k + 40); j++) {
                    assertEquals(digests.get(j), in.digest(), "state " + j + " going forward again from " + k);
                    d.resume(Debugger.Mode.STEP_IN);
                }
                d.goTo(k);
            }
        }
    }

    @Test
    void reverseContinueFindsTheLastBreakpointAndConditionsHoldThere() throws Exception {
        StringBuilder out = new StringBuilder();
        Debugger d = debugger(out, 16);
        Breakpoints none = new Breakpoints();
        while (!d.interpreter().finished() && d.interpreter().next().line() != 16) d.resume(Debugger.Mode.STEP_IN);
        Breakpoints bps = breakpointsOf(d);
        bps.setLines("/main.eyn", List.of(new Breakpoints.Line(10, "$N == 7", null, null)));
        Debugger.Stop stop = d.reverseContinue();
        assertEquals(Debugger.Reason.BREAKPOINT, stop.reason());
        assertEquals(10, d.interpreter().next().line());
        assertEquals("7", d.interpreter().variable("N"));
        assertTrue(none.line("/main.eyn", 10) == null);
    }

    @Test
    void dataBreakpointsAreHitWhileRunningBackwards() throws Exception {
        StringBuilder out = new StringBuilder();
        Debugger d = debugger(out, 16);
        Interpreter in = d.interpreter();
        d.setWatches(List.of(new Debugger.Watch(new WatchTarget.MappingExists(0x01001000L), WatchTarget.Access.WRITE),
                new Debugger.Watch(new WatchTarget.MappingExists(0x01002000L), WatchTarget.Access.WRITE)));
        Debugger.Stop forward = d.resume(Debugger.Mode.CONTINUE);
        assertEquals(Debugger.Reason.DATA_BREAKPOINT, forward.reason(), "mmap on line 4 adds a mapping");
        assertEquals(4, in.next().line());
        while (!in.finished()) d.resume(Debugger.Mode.CONTINUE);
        d.goTo(in.steps() - 1);
        Debugger.Stop back = d.reverseContinue();
        assertEquals(Debugger.Reason.BREAKPOINT, back.reason());
        assertEquals(13, in.next().line(), "stops after the mmap on line 13, the last change of the mapping count");
        assertEquals(1, in.machine().mappings().size());
    }

    private static Breakpoints breakpointsOf(Debugger d) throws Exception {
        var field = Debugger.class.getDeclaredField("breakpoints");
        field.setAccessible(true);
        return (Breakpoints) field.get(d);
    }
}
