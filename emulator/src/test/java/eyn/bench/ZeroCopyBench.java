package eyn.bench;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.interpreter.StepResult;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.MachineError;
import eyn.machine.Whence;
import eyn.machine.ZeroCopy;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.Mode;
import eyn.machine.files.OpenFile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (b) Moving 64 MiB, block aligned, from one fd to another with zsplice and ztee, against
 * {@code System.arraycopy} of the same 64 MiB. The {@code ...Fds} benchmarks call
 * {@link ZeroCopy#transfer} on two fds opened once (offsets rewound each time); the
 * {@code ...Script} benchmarks run {@code zopen/zopen/zsplice|ztee/zclose/zclose} through the
 * interpreter on a fresh machine, so they also pay for the machine, the opens and the write-back.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ZeroCopyBench {
    static final int SIZE = 64 * BenchSupport.MIB;

    private byte[] source;
    private byte[] target;
    private MachineConfig config;
    private ZeroCopy zeroCopy;
    private OpenFile in;
    private OpenFile out;

    @Setup
    public void setup() throws MachineError {
        source = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) source[i] = (byte) (i * 31 + 7);
        target = new byte[SIZE];
        TreeDrive drive = TreeDrive.inMemory();
        BenchSupport.write(drive, "/src.bin", BenchSupport.patterned(SIZE, 7));
        BenchSupport.write(drive, "/dst.bin", ChunkedBytes.empty());
        config = new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive));

        Machine machine = new Machine(config);
        zeroCopy = machine.zeroCopy();
        in = zeroCopy.open("/src.bin", "/src.bin", Mode.READ);
        out = zeroCopy.open("/dst.bin", "/dst.bin", Mode.READ_WRITE);
        if (zspliceFds() != SIZE || !out.content.contentEquals(in.content)) throw new IllegalStateException("zsplice did not copy");
        if (zteeFds() != SIZE || in.offset != 0) throw new IllegalStateException("ztee moved the input offset");
        for (String command : new String[] {"zsplice", "ztee"}) {
            Interpreter interpreter = new Interpreter(new Machine(config), BenchSupport.DISCARD, new Options(0));
            StepResult end = run(interpreter, command);
            if (end.kind() != StepResult.Kind.FINISHED || interpreter.counters().failures != 0
                    || interpreter.machine().drive().stat("/dst.bin").size() != SIZE) {
                throw new IllegalStateException(command + " script failed: " + end);
            }
        }
    }

    private static String script(String command) {
        return "zopen /src.bin r\nzopen /dst.bin w\n" + command + " 0 1 " + SIZE + "\nzclose 0\nzclose 1\n";
    }

    private static StepResult run(Interpreter interpreter, String command) {
        interpreter.start("/bench.shell", script(command));
        return interpreter.run();
    }

    @Benchmark
    public int zspliceFds() throws MachineError {
        zeroCopy.seek(in.fd, 0, Whence.SET);
        zeroCopy.seek(out.fd, 0, Whence.SET);
        return zeroCopy.transfer(in.fd, out.fd, SIZE, false);
    }

    @Benchmark
    public int zteeFds() throws MachineError {
        zeroCopy.seek(in.fd, 0, Whence.SET);
        zeroCopy.seek(out.fd, 0, Whence.SET);
        return zeroCopy.transfer(in.fd, out.fd, SIZE, true);
    }

    @Benchmark
    @Warmup(iterations = 10, time = 1) // a fresh machine per call: JIT and GC settle later than for the others
    public StepResult zspliceScript() {
        return run(new Interpreter(new Machine(config), BenchSupport.DISCARD, new Options(0)), "zsplice");
    }

    @Benchmark
    @Warmup(iterations = 10, time = 1) // a fresh machine per call: JIT and GC settle later than for the others
    public StepResult zteeScript() {
        return run(new Interpreter(new Machine(config), BenchSupport.DISCARD, new Options(0)), "ztee");
    }

    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(source, 0, target, 0, SIZE);
        return target;
    }
}
