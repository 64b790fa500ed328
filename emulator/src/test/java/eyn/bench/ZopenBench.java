package eyn.bench;

import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.MachineError;
import eyn.machine.ZeroCopy;
import eyn.machine.disk.TreeDrive;
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
 * (c) zopen and zclose of a 256 MiB file already on the drive. With the GC profiler the
 * {@code gc.alloc.rate.norm} figure is the bytes allocated per open+close; {@link ZopenHeap}
 * measures what an open fd keeps on the heap.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ZopenBench {
    static final int SIZE = 256 * BenchSupport.MIB;

    private ZeroCopy zeroCopy;

    @Setup
    public void setup() throws MachineError {
        TreeDrive drive = TreeDrive.inMemory();
        BenchSupport.write(drive, "/big.bin", BenchSupport.patterned(SIZE, 3));
        zeroCopy = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))).zeroCopy();
        if (zopenZclose() != SIZE) throw new IllegalStateException("zopen saw the wrong size");
    }

    @Benchmark
    public int zopenZclose() throws MachineError {
        OpenFile f = zeroCopy.open("/big.bin", "/big.bin", Mode.READ);
        zeroCopy.closeOrThrow(f.fd);
        return f.size();
    }
}
