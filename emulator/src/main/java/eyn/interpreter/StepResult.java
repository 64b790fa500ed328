package eyn.interpreter;

import eyn.commands.Effect;
import java.util.List;

/**
 * What one {@link Interpreter#step()} did. {@code location} is the statement that ran (null when
 * nothing ran); {@code failed} is true when it printed an error; {@code effects} say what it did, as data.
 */
public record StepResult(Kind kind, Location location, boolean failed, List<Effect> effects) {
    public StepResult(Kind kind, Location location, boolean failed) {
        this(kind, location, failed, List.of());
    }

    public StepResult {
        effects = List.copyOf(effects);
    }

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
