package eyn.fuzz;

import static eyn.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import eyn.interpreter.Options;
import eyn.interpreter.OutputSink;
import eyn.interpreter.StepResult;
import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the interpreter: any script runs on a fresh machine, with a step budget of 2000
 * statements, without throwing, and ends. The first steps are also replayed from a snapshot, which
 * must reproduce the same results, state digests and output.
 *
 * <p>The input bytes (UTF-8) are the script. A first line {@code #ram<digit>} picks the machine's
 * RAM (and with it heap size and fd limit); otherwise the machine has 128 MiB.
 */
class InterpreterFuzzTest {
    static final long MAX_STATEMENTS = 2000;
    /** Steps that run a {@code $(...)} do not count as statements; this bounds all steps of a run. */
    static final int MAX_STEPS = 500_000;
    /** Steps replayed from a snapshot for the determinism check. */
    static final int REPLAY_PREFIX = 48;
    static final long[] RAM_MIB = {1, 4, 8, 16, 32, 64, 128, 256, 512, 4096};

    private static final TreeDrive DRIVE0 = drive0();
    private static final TreeDrive DRIVE1 = drive1();

    @FuzzTest(maxDuration = "10m")
    void run(byte[] input) {
        String script = FuzzChecks.utf8(input);
        MachineConfig config = new MachineConfig(ramFor(script) * 1024 * 1024, 1, Map.of(0, DRIVE0, 1, DRIVE1), 1 << 20)
                // inputs of odd length run in faithful mode, so both fidelities are fuzzed
                .withFidelity(input.length % 2 == 1 ? eyn.machine.Fidelity.FAITHFUL : eyn.machine.Fidelity.FIXED);

        // Determinism: snapshot half way through a prefix, replay the rest of the prefix, compare.
        HashSink sink = new HashSink();
        // scripts in either generation's language: the profile is chosen as eyn run chooses it
        Options options = new Options(MAX_STATEMENTS, eyn.profile.ProfileChooser.choose(script, "auto", eyn.profile.Profiles.R13).profile());
        Interpreter interp = new Interpreter(new Machine(config), sink, options);
        interp.start("/fuzz.shell", script);
        int steps = 0;
        boolean done = false;
        for (; steps < REPLAY_PREFIX / 2 && !done; steps++) done = interp.step().done();
        Interpreter.Snapshot snapshot = interp.snapshot();
        long digestAtSnapshot = interp.digest();
        long[] sinkAtSnapshot = sink.state();
        List<StepResult> firstRun = new ArrayList<>();
        for (; steps < REPLAY_PREFIX && !done; steps++) {
            StepResult r = interp.step();
            firstRun.add(r);
            done = r.done();
        }
        long digestAfter = interp.digest();
        long[] sinkAfter = sink.state();

        interp.restore(snapshot);
        check(interp.digest() == digestAtSnapshot, "digest after restore differs from digest at snapshot");
        sink.reset(sinkAtSnapshot);
        for (int k = 0; k < firstRun.size(); k++) {
            StepResult r = interp.step();
            check(r.equals(firstRun.get(k)), "replayed step " + k + " gave " + r + ", first run gave " + firstRun.get(k));
        }
        check(interp.digest() == digestAfter, "digest after replay differs");
        check(java.util.Arrays.equals(sink.state(), sinkAfter), "output after replay differs");
        // A snapshot can be restored again.
        interp.restore(snapshot);
        check(interp.digest() == digestAtSnapshot, "digest after a second restore differs");
        sink.reset(sinkAtSnapshot);
        steps = REPLAY_PREFIX / 2;

        // Termination: run to the end within the budget.
        StepResult last = null;
        done = false;
        while (!done) {
            check(steps++ < MAX_STEPS, "no end after " + MAX_STEPS + " steps");
            last = interp.step();
            done = last.done();
        }
        check(interp.finished(), "done but frames are left: " + last);
        check(interp.counters().statements <= MAX_STATEMENTS, "ran " + interp.counters().statements + " statements");
        check(interp.step().done(), "a finished interpreter stepped again");
        check(interp.next() == null, "a finished interpreter has a next statement");
    }

    static long ramFor(String script) {
        if (script.length() >= 5 && script.startsWith("#ram")) {
            int d = Character.digit(script.charAt(4), 10);
            if (d >= 0) return RAM_MIB[d];
        }
        return 128;
    }

    private static TreeDrive drive0() {
        TreeDrive d = TreeDrive.inMemory();
        try {
            d.write("/a.txt", bytes("hello world\n"));
            d.write("/empty.txt", ChunkedBytes.empty());
            byte[] data = new byte[3 * ChunkedBytes.CHUNK + 123];
            for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + 7);
            d.write("/data.bin", ChunkedBytes.of(data));
            d.makeDirectory("/dir");
            d.write("/dir/notes.md", bytes("# notes\n1 2 3\n"));
            d.write("/dir/sub.shell", bytes("echo nested $1\nset N=7\n"));
            d.write("/count.shell", bytes("loop 3\necho tick\nendloop\n"));
            d.write("/self.shell", bytes("echo again\nrun /self.shell\n"));
        } catch (DriveException e) {
            throw new IllegalStateException(e);
        }
        return d;
    }

    private static TreeDrive drive1() {
        TreeDrive d = TreeDrive.inMemory();
        try {
            d.write("/b.txt", bytes("drive one\n"));
        } catch (DriveException e) {
            throw new IllegalStateException(e);
        }
        return d;
    }

    private static ChunkedBytes bytes(String s) {
        return ChunkedBytes.of(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps a running hash and length of the output instead of the text, so huge outputs cost nothing. */
    static final class HashSink implements OutputSink {
        private long hash = 1;
        private long chars;
        private long clears;

        @Override
        public void write(Color color, String text, Location where) {
            hash = hash * 31 + color.ordinal();
            for (int i = 0; i < text.length(); i++) hash = hash * 31 + text.charAt(i);
            chars += text.length();
        }

        @Override
        public void clear() {
            clears++;
            hash = hash * 31 + 0x5EED;
        }

        long[] state() {
            return new long[] {hash, chars, clears};
        }

        void reset(long[] state) {
            hash = state[0];
            chars = state[1];
            clears = state[2];
        }
    }
}
