package eyn.bench;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.interpreter.StepResult;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Map;

/**
 * (c) How much JVM heap an open fd of a 256 MiB file keeps: used heap after full GCs, before and
 * after {@code zopen} runs through the interpreter. Run in a fresh JVM (Benchmarks does this
 * before JMH starts), so little else moves the figure.
 */
final class ZopenHeap {
    static final int SIZE = 256 * BenchSupport.MIB;
    static final int OPENS = 10;

    /** Bytes: the file's own storage, heap kept by one zopen, and per zopen over {@value #OPENS} of them. */
    record Result(long fileStorage, long oneZopen, long perZopenOfTen) {}

    private ZopenHeap() {}

    static Result measure() {
        long empty = usedAfterGc();
        TreeDrive drive = TreeDrive.inMemory();
        BenchSupport.write(drive, "/big.bin", BenchSupport.patterned(SIZE, 3));
        BenchSupport.write(drive, "/small.bin", ChunkedBytes.of(new byte[100]));
        long withFile = usedAfterGc();

        Interpreter interpreter = new Interpreter(new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, 1, Map.of(0, drive))),
                BenchSupport.DISCARD, new Options(0));
        // Warm up every path once (class initialisation, lazily built tables), then close again.
        run(interpreter, "zopen /small.bin r\nzclose 0\nzopen /big.bin r\nzclose 0\n");
        long before = usedAfterGc();
        run(interpreter, "zopen /big.bin r\n");
        long afterOne = usedAfterGc();
        run(interpreter, "zopen /big.bin r\n".repeat(OPENS - 1));
        long afterTen = usedAfterGc();
        if (interpreter.machine().fds().openCount() != OPENS) throw new IllegalStateException("zopen failed");
        Reference.reachabilityFence(interpreter);
        Reference.reachabilityFence(drive);
        return new Result(withFile - empty, afterOne - before, (afterTen - before) / OPENS);
    }

    private static void run(Interpreter interpreter, String script) {
        interpreter.start("/heap.shell", script);
        StepResult end = interpreter.run();
        if (end.kind() != StepResult.Kind.FINISHED || interpreter.counters().failures != 0) {
            throw new IllegalStateException("script failed: " + end);
        }
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
