package eyn.bench;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.interpreter.StepResult;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (a) Interpreter throughput on a loop of simple statements. One operation is one statement, so
 * the score is statements per second. Output goes to a sink that drops it.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InterpreterBench {
    static final int LOOPS = 100_000;
    /** The loop line once, then per iteration: set, ifeq, echo, endif, endloop. */
    static final int STATEMENTS = 1 + 5 * LOOPS;
    static final String SCRIPT = "loop " + LOOPS + "\n"
            + "set X=1\n"
            + "ifeq $X 1\n"
            + "echo $X\n"
            + "endif\n"
            + "endloop\n";

    private Interpreter interpreter;

    @Setup
    public void setup() {
        interpreter = new Interpreter(new Machine(MachineConfig.defaults()), BenchSupport.DISCARD, new Options(0));
        long before = interpreter.counters().statements;
        StepResult end = runScript();
        long ran = interpreter.counters().statements - before;
        if (end.kind() != StepResult.Kind.FINISHED || ran != STATEMENTS || interpreter.counters().failures != 0) {
            throw new IllegalStateException("benchmark script ran " + ran + " statements, ended " + end
                    + ", failures " + interpreter.counters().failures + "; expected " + STATEMENTS);
        }
    }

    private StepResult runScript() {
        interpreter.start("/bench.shell", SCRIPT);
        return interpreter.run();
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public StepResult loopOfSimpleStatements() {
        return runScript();
    }
}
