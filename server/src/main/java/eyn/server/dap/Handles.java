package eyn.server.dap;

import java.util.ArrayList;
import java.util.List;
import eyn.debug.WatchTarget;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Variable;

/**
 * variablesReference numbers for the current stop: each names a supplier of child variables.
 * Cleared whenever execution resumes, as DAP requires.
 */
final class Handles {
    private final List<Supplier<List<Variable>>> children = new ArrayList<>();
    private final List<Function<String, WatchTarget>> watchables = new ArrayList<>();

    synchronized int add(Supplier<List<Variable>> supplier) {
        return add(supplier, (Function<String, WatchTarget>) null);
    }

    /** {@code watchable} names what a data breakpoint on a child (by its name) watches, or null. */
    synchronized int add(Supplier<List<Variable>> supplier, Function<String, WatchTarget> watchable) {
        children.add(supplier);
        watchables.add(watchable);
        return children.size();
    }

    /** The data breakpoint target of a child variable, or null when it cannot be watched. */
    synchronized WatchTarget watchable(int reference, String name) {
        Function<String, WatchTarget> w = reference >= 1 && reference <= watchables.size() ? watchables.get(reference - 1) : null;
        return w == null ? null : w.apply(name);
    }

    synchronized Supplier<List<Variable>> get(int reference) {
        return reference >= 1 && reference <= children.size() ? children.get(reference - 1) : null;
    }

    synchronized void clear() {
        children.clear();
        watchables.clear();
    }
}
