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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reverse-execution history measures what its checkpoints really hold: memory shared
 * copy-on-write counts once, a checkpoint that copied megabytes counts megabytes, the budget holds
 * whatever a checkpoint costs, and what is left can still be stepped back to exactly.
 */
class HistoryTest {
    static final int MIB = 1 << 20;
    static final int BIG = 4 * MIB;

    /** Re-tees the 4 MiB file into fd 1 every few statements, at {@code offset} (1: unaligned, so every chunk is copied). */
    static String reTee(int offset, int times) {
        return String.join("\n",
                "zopen big.bin r",
                "zopen out.bin rw",
                "loop " + times,
                "zseek 1 " + offset,
                "ztee 0 1 " + BIG,
                "loop 20",
                "set X=$N",
                "endloop",
                "endloop",
                "");
    }

    private static Interpreter interpreter(String script) throws Exception {
        Drive drive = TreeDrive.inMemory();
        byte[] data = new byte[BIG];
        new Random(7).nextBytes(data);
        drive.write("/big.bin", ChunkedBytes.of(data));
        drive.write("/out.bin", ChunkedBytes.of(new byte[] {'x'}));
        Interpreter in = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))),
                (c, t, w) -> { }, Options.defaults());
        in.start("/main.eyn", script);
        return in;
    }

    @Test
    void aCheckpointOfAStatementLoopCostsItsOwnSmallCopiesNotAFixedGuess() throws Exception {
        Interpreter in = interpreter("loop 5000\nset X=1\nendloop\n");
        History h = new History(100, 1000, 0);
        Debugger d = new Debugger(in, new Breakpoints(), h, l -> null, (m, l) -> { });
        d.resume(Debugger.Mode.CONTINUE);
        assertTrue(h.size() >= 90, "checkpoints: " + h.size());
        List<Long> steps = h.steps();
        // the first holds the drive's 4 MiB file; the others share it and add only what they copied
        assertTrue(h.addedBytes(steps.get(0)) > BIG, "first: " + h.addedBytes(steps.get(0)));
        for (long s : steps.subList(1, steps.size())) {
            long added = h.addedBytes(s);
            assertTrue(added > 1024 && added < 32 * 1024, "checkpoint at step " + s + " added " + added);
        }
        // the file is held by the live state as well: it costs the history nothing
        assertTrue(h.bytes() < steps.size() * 32L * 1024, "total " + h.bytes());
    }

    @Test
    void chunksSharedByEveryCheckpointCountOnceAndCopiedOnesCountEachTime() throws Exception {
        // aligned: ztee shares the file's chunks, each checkpoint adds fd 1's new chunk table (4 KiB), not 4 MiB
        Interpreter aligned = interpreter(reTee(0, 30));
        History shared = new History(16, 10_000, 0);
        new Debugger(aligned, new Breakpoints(), shared, l -> null, (m, l) -> { }).resume(Debugger.Mode.CONTINUE);
        assertTrue(shared.size() > 30, "checkpoints: " + shared.size());
        assertTrue(shared.bytes() < 2 * MIB, "aligned re-tees share the chunks: " + shared.bytes());

        // unaligned: every ztee copies 4 MiB into fresh chunks, and a checkpoint after it holds them
        Interpreter copied = interpreter(reTee(1, 6));
        History full = new History(16, 10_000, 0);
        new Debugger(copied, new Breakpoints(), full, l -> null, (m, l) -> { }).resume(Debugger.Mode.CONTINUE);
        long big = full.steps().stream().filter(s -> full.addedBytes(s) >= BIG).count();
        assertEquals(6 + 1, big, "the first checkpoint (the file) and one after each of the 6 copying tees");
        // the file and the latest copy are the live state's too; the 5 copies replaced since are the history's alone
        assertTrue(full.bytes() >= 5L * BIG && full.bytes() < 6L * BIG, "total " + full.bytes());
    }

    @Test
    void droppingCheckpointsGivesBackExactlyWhatOnlyTheyHeld() throws Exception {
        Interpreter in = interpreter(reTee(1, 4));
        History h = new History(16, 10_000, 0);
        Debugger d = new Debugger(in, new Breakpoints(), h, l -> null, (m, l) -> { });
        d.resume(Debugger.Mode.CONTINUE);
        long first = h.steps().get(0);
        assertTrue(h.size() > 4);
        h.truncateAfter(first);
        assertEquals(1, h.size());
        assertTrue(h.addedBytes(first) > BIG, "it holds the file");
        assertTrue(h.bytes() < 64 * 1024, "one checkpoint left, sharing all it holds with the live state: " + h.bytes());
    }

    @Test
    void theBudgetHoldsAfterEveryStepAndWhatIsKeptStillStepsBackExactly() throws Exception {
        long budget = 6L * MIB;
        Interpreter in = interpreter(reTee(1, 12));
        History h = History.withBudget(16, budget, 0);
        Debugger d = new Debugger(in, new Breakpoints(), h, l -> null, (m, l) -> { });
        List<Long> digests = new ArrayList<>();
        while (!in.finished()) {
            digests.add(in.digest());
            d.resume(Debugger.Mode.STEP_IN);
            assertTrue(h.bytes() <= budget, "history " + h.bytes() + " over its budget at step " + in.steps());
        }
        assertTrue(h.dropped() > 0, "11 replaced copies of 4 MiB do not fit in 6 MiB: some were dropped");
        assertTrue(h.size() >= 1);
        long earliest = h.earliest();
        int last = digests.size() - 1;
        d.goTo(last);
        assertEquals(digests.get(last), in.digest());
        for (int k = last - 1; k >= earliest; k -= 13) {
            while (in.steps() > k) d.stepBack();
            assertEquals(digests.get(k), in.digest(), "state " + k + " going back");
        }
    }
}
