package eyn.interpreter;

/**
 * What one {@link Interpreter#step()} did. {@code location} is the statement that ran (null when
 * nothing ran); {@code failed} is true when it printed an error.
 */
public record StepResult(Kind kind, Location location, boolean failed) {
    public enum Kind {
        /** A whole statement ran. */
        STATEMENT,
        /** One {@code $(...)} of a statement ran; the statement itself runs in a later step. */
        SUBSTITUTION,
        /** Nothing is left to run. */
        FINISHED,
        /** {@code exit} halted the machine. */
        HALTED,
        /** The step budget ran out and the run was stopped. */
        BUDGET_EXHAUSTED
    }

    public boolean done() {
        return kind != Kind.STATEMENT && kind != Kind.SUBSTITUTION;
    }
}
