package eyn.interpreter;

import eyn.language.Expander;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code set} or command line whose {@code $(...)} substitutions run one step at a time. When the
 * last one has produced its text, the line itself runs.
 */
final class PendingLine {
    final boolean assignment;
    final String key;
    final String text;
    final List<Expander.Substitution> substitutions;
    final List<String> results;
    /** True while a nested script started by the current substitution is running. */
    boolean waiting;

    PendingLine(boolean assignment, String key, String text, List<Expander.Substitution> substitutions) {
        this(assignment, key, text, substitutions, new ArrayList<>(), false);
    }

    private PendingLine(boolean assignment, String key, String text, List<Expander.Substitution> substitutions,
                        List<String> results, boolean waiting) {
        this.assignment = assignment;
        this.key = key;
        this.text = text;
        this.substitutions = substitutions;
        this.results = results;
        this.waiting = waiting;
    }

    boolean substitutionsDone() {
        return results.size() == substitutions.size();
    }

    Expander.Substitution next() {
        return substitutions.get(results.size());
    }

    /** The line with every substitution replaced by its result. */
    String assemble() {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < substitutions.size(); i++) {
            Expander.Substitution s = substitutions.get(i);
            out.append(text, at, s.start()).append(results.get(i));
            at = s.end();
        }
        return out.append(text.substring(at)).toString();
    }

    PendingLine copy() {
        return new PendingLine(assignment, key, text, substitutions, new ArrayList<>(results), waiting);
    }
}
