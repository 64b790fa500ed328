package eyn.interpreter;

/** Interpreter settings. {@code maxSteps} bounds the statements one run may execute (0: no bound). */
public record Options(long maxSteps) {
    public static Options defaults() {
        return new Options(0);
    }
}
