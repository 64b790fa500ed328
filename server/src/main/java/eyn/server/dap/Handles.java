package eyn.server.dap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Variable;

/**
 * variablesReference numbers for the current stop: each names a supplier of child variables.
 * Cleared whenever execution resumes, as DAP requires.
 */
final class Handles {
    private final List<Supplier<List<Variable>>> children = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();

    synchronized int add(Supplier<List<Variable>> supplier) {
        return add(supplier, null);
    }

    /** {@code tag} says what the children belong to ("fds", "fd:3", "mappings", "predictor"), for data breakpoints. */
    synchronized int add(Supplier<List<Variable>> supplier, String tag) {
        children.add(supplier);
        tags.add(tag);
        return children.size();
    }

    synchronized String tag(int reference) {
        return reference >= 1 && reference <= tags.size() ? tags.get(reference - 1) : null;
    }

    synchronized Supplier<List<Variable>> get(int reference) {
        return reference >= 1 && reference <= children.size() ? children.get(reference - 1) : null;
    }

    synchronized void clear() {
        children.clear();
        tags.clear();
    }
}
