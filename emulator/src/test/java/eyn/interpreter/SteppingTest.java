package eyn.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class SteppingTest {
    static final String WORKLOAD = String.join("\n",
            "set N=0",
            "zopen a.txt rw",
            "zopen b.txt rw",
            "mmap a.txt",
            "loop 5",
            "zseek 0 0 set",
            "ztee 0 1 4",
            "zwrite 0 x$(random 1 9)",
            "set N=$(calc 1+1)",
            "ifeq $N 2",
            "makedir d$(random 1 1000)",
            "endif",
            "endloop",
            "msync 0x01002000",
            "zclose 1",
            "predict stats",
            "");

    private static Interpreter interpreter(StringBuilder out) throws Exception {
        Drive drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("alpha bravo".getBytes(StandardCharsets.UTF_8)));
        drive.write("/b.txt", ChunkedBytes.of("b".getBytes(StandardCharsets.UTF_8)));
        Machine m = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive)));
        return new Interpreter(m, (color, text, where) -> out.append(text), Options.defaults());
    }

    @Test
    void restoringASnapshotReplaysTheSameStatesAndOutput() throws Exception {
        StringBuilder out = new StringBuilder();
        Interpreter in = interpreter(out);
        in.start("w.eyn", WORKLOAD);
        List<Long> digests = new ArrayList<>();
        List<Interpreter.Snapshot> snapshots = new ArrayList<>();
        List<Integer> outputLengths = new ArrayList<>();
        while (!in.finished()) {
            digests.add(in.digest());
            snapshots.add(in.snapshot());
            outputLengths.add(out.length());
            in.step();
        }
        String fullOutput = out.toString();
        assertTrue(digests.size() > 40);
        for (int k : new int[] {digests.size() - 1, digests.size() / 2, 7, 0}) {
            in.restore(snapshots.get(k));
            assertEquals(digests.get(k), in.digest(), "state after going back to step " + k);
            out.setLength(outputLengths.get(k));
            assertEquals(outputLengths.get(k).longValue(), snapshots.get(k).outputPosition(), "output position");
            for (int j = k; j < digests.size(); j++) {
                assertEquals(digests.get(j), in.digest(), "state at step " + j + " replayed from " + k);
                in.step();
            }
            assertTrue(in.finished());
            assertEquals(fullOutput, out.toString(), "replayed output");
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws Exception {
        StringBuilder a = new StringBuilder();
        Interpreter first = interpreter(a);
        first.start("w.eyn", WORKLOAD);
        first.run();
        StringBuilder b = new StringBuilder();
        Interpreter second = interpreter(b);
        second.start("w.eyn", WORKLOAD);
        second.run();
        assertEquals(a.toString(), b.toString());
        assertEquals(first.digest(), second.digest());

        Drive drive = TreeDrive.inMemory();
        StringBuilder c = new StringBuilder();
        Interpreter other = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 99, Map.of(0, drive))),
                (color, text, where) -> c.append(text), Options.defaults());
        other.start("r.eyn", "random\n");
        other.run();
        StringBuilder d = new StringBuilder();
        Interpreter seeded1 = new Interpreter(new Machine(MachineConfig.defaults()), (color, text, where) -> d.append(text), Options.defaults());
        seeded1.start("r.eyn", "random\n");
        seeded1.run();
        assertNotEquals(c.toString(), d.toString());
    }

    @Test
    void aHugeLoopCanBeStoppedInspectedAndResumed() throws Exception {
        StringBuilder out = new StringBuilder();
        Interpreter in = interpreter(out);
        in.start("big.eyn", "set I=start\nloop 1000000000\nset I=$I.\nset I=x\nendloop\necho never\n");
        for (int i = 0; i < 2 + 3 * 999; i++) in.step();
        Frame top = in.frames().get(0);
        assertEquals(1, in.frames().size());
        Block loop = top.blocks().get(0);
        assertEquals(Block.Kind.LOOP, loop.kind);
        assertEquals(1000, loop.iteration(), "one iteration is set, set, endloop");
        assertEquals(1000000000L, loop.total);
        assertEquals(2, in.next().line(), "the next statement is the loop's first line");
        assertEquals("x", top.variables().get("I"));
        in.step();
        assertEquals("x.", in.frames().get(0).variables().get("I"));
        assertFalse(in.finished());
        assertEquals("", out.toString());
    }

    @Test
    void nestedScriptsAreFramesWithTheirOwnVariables() throws Exception {
        StringBuilder out = new StringBuilder();
        Interpreter in = interpreter(out);
        in.machine().drive().write("/sub.eyn", ChunkedBytes.of("set INNER=1\necho in sub\n".getBytes(StandardCharsets.UTF_8)));
        in.start("main.eyn", "set OUTER=1\nrun sub.eyn\necho back\n");
        in.step();
        in.step();
        assertEquals(2, in.frames().size());
        assertEquals("/sub.eyn", in.next().path());
        in.step();
        assertEquals(Map.of("INNER", "1"), in.frames().get(1).variables());
        assertEquals(Map.of("OUTER", "1"), in.frames().get(0).variables());
        in.run();
        assertEquals("in sub\nback\n", out.toString());
        assertNull(in.next());
    }

    @Test
    void substitutionsRunAsTheirOwnSteps() throws Exception {
        StringBuilder out = new StringBuilder();
        Interpreter in = interpreter(out);
        in.start("s.eyn", "echo $(echo 1) $(echo 2)\n");
        assertEquals(StepResult.Kind.SUBSTITUTION, in.step().kind());
        assertEquals(StepResult.Kind.SUBSTITUTION, in.step().kind());
        assertEquals("", out.toString());
        StepResult last = in.step();
        assertEquals(StepResult.Kind.STATEMENT, last.kind());
        assertEquals(0, last.location().line());
        assertEquals("1 2\n", out.toString());
        assertEquals(StepResult.Kind.FINISHED, in.step().kind());
    }

    @Test
    void failuresAreCountedPerCommandThatPrintsAnError() throws Exception {
        StringBuilder out = new StringBuilder();
        Interpreter in = interpreter(out);
        in.start("f.eyn", "nosuch\nzclose 5\necho fine\nzread\n");
        in.run();
        assertEquals(3, in.counters().failures);
        assertEquals(4, in.counters().commands);
    }
}
