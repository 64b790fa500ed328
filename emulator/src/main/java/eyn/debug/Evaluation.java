package eyn.debug;

import eyn.analysis.Suggestions;
import eyn.commands.CommandTable;
import eyn.interpreter.Interpreter;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a debugger's console, watch or hover expression means and gives, decided here rather than
 * in a protocol adapter: a variable reference, a condition, a text expanded with the expander, or
 * (in the console only) an EYN command run on the live machine.
 */
public sealed interface Evaluation {
    /** The text a client shows for the result. */
    String text();

    /** True when the live machine may have changed (a console command ran). */
    default boolean changedState() {
        return false;
    }

    /**
     * Whether a client shows it as an error (in red): a failed console command, nothing to show, or
     * an unset variable in a watch or hover (the console says it is not set in a line of its own).
     */
    default boolean error(Context context) {
        return this instanceof Command c && c.failed() || this instanceof Nothing
                || this instanceof Unset && context != Context.CONSOLE;
    }

    /** A variable's value. */
    record Value(String name, String value) implements Evaluation {
        public String text() { return value; }
    }

    /** A variable that is not set: a line that says so instead of a blank one. */
    record Unset(String name) implements Evaluation {
        public String text() { return "$" + name + " is not set"; }
    }

    /** A condition and whether it holds. */
    record Truth(String condition, boolean value) implements Evaluation {
        public String text() { return String.valueOf(value); }
    }

    /** A text with its variables expanded, as the script's engine expands them. */
    record Expanded(String text) implements Evaluation {}

    /** A command run in the console: its output, and whether it printed an error (with a "did you mean"). */
    record Command(String output, boolean failed, String hint) implements Evaluation {
        public String text() {
            String out = output.stripTrailing();
            return hint == null ? out : out + "; did you mean '" + hint + "'?";
        }
        @Override public boolean changedState() { return true; }
    }

    /** Nothing to show for a watch or hover that is neither a variable nor a condition. */
    record Nothing(String expression) implements Evaluation {
        public String text() { return "Nothing to show for '" + expression + "'"; }
    }

    enum Context { CONSOLE, WATCH, HOVER }

    static Evaluation of(Interpreter in, String expression, Context context) {
        String e = expression == null ? "" : expression.strip();
        String name = variableName(e);
        if (name != null) {
            String value = in.variable(name);
            return value == null ? new Unset(name) : new Value(name, value);
        }
        String first = e.split("\\s+", 2)[0];
        boolean command = !first.isEmpty() && (in.profile().commands().spec(first) != null || CommandTable.get(first) != null);
        if (Condition.isCondition(e) && !(context == Context.CONSOLE && command)) return new Truth(e, Condition.evaluate(e, in::variable));
        if (context != Context.CONSOLE) {
            String value = in.variable(e);
            if (value != null) return new Value(e, value);
            if (e.contains("$")) return new Expanded(in.expandText(e));
            return new Nothing(e);
        }
        String output = in.evaluate(e);
        boolean failed = in.evaluationFailed();
        String hint = null;
        if (failed && !first.isEmpty() && !command) {
            Set<String> names = new TreeSet<>(CommandTable.names());
            for (var spec : in.profile().commands().all()) names.add(spec.name());
            hint = Suggestions.closest(first, names);
        }
        return new Command(output, failed, hint);
    }

    /** $NAME, ${NAME}: exactly one variable reference. */
    private static String variableName(String expression) {
        if (expression.matches("\\$[A-Za-z0-9_]{1,31}")) return expression.substring(1);
        if (expression.matches("\\$\\{[^}]{1,31}}")) return expression.substring(2, expression.length() - 1);
        return null;
    }
}
