package eyn.bench;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.TreeDrive;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (d) Snapshot and restore of an interpreter stopped inside a loop, whose machine has 10 open fds
 * (each written to, so dirty) and 10 mappings of 64 KiB files, plus a few variables.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotBench {
    static final int FILES = 10;
    static final int FILE_SIZE = 64 * 1024;

    private Interpreter interpreter;
    private Interpreter.Snapshot snapshot;

    @Setup
    public void setup() {
        TreeDrive drive = TreeDrive.inMemory();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < FILES; i++) {
            BenchSupport.write(drive, "/f" + i + ".bin", BenchSupport.patterned(FILE_SIZE, i));
            BenchSupport.write(drive, "/m" + i + ".bin", BenchSupport.patterned(FILE_SIZE, 100 + i));
            script.append("zopen /f").append(i).append(".bin rw\n");
            script.append("zwrite ").append(i).append(" changed ").append(i).append('\n');
        }
        for (int i = 0; i < FILES; i++) script.append("mmap /m").append(i).append(".bin\n");
        for (int i = 0; i < 8; i++) script.append("set V").append(i).append('=').append(i * 1111).append('\n');
        script.append("loop 1000000\nset X=$(random 1 6)\nendloop\n");

        Machine machine = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive)));
        interpreter = new Interpreter(machine, BenchSupport.DISCARD, new Options(0));
        interpreter.start("/bench.shell", script.toString());
        for (int i = 0; i < 3 * FILES + 8 + 100; i++) interpreter.step();
        if (machine.fds().openCount() != FILES || machine.mappings().size() != FILES || interpreter.finished()
                || interpreter.counters().failures != 0) {
            throw new IllegalStateException("setup did not reach 10 fds and 10 mappings inside the loop");
        }
        snapshot = interpreter.snapshot();
        long digest = interpreter.digest();
        interpreter.step();
        interpreter.restore(snapshot);
        if (interpreter.digest() != digest) throw new IllegalStateException("restore did not restore");
    }

    @Benchmark
    public Interpreter.Snapshot snapshot() {
        return interpreter.snapshot();
    }

    @Benchmark
    public Interpreter restore() {
        interpreter.restore(snapshot);
        return interpreter;
    }
}
