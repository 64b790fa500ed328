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

    synchronized int add(Supplier<List<Variable>> supplier) {
        children.add(supplier);
        return children.size();
    }

    synchronized Supplier<List<Variable>> get(int reference) {
        return reference >= 1 && reference <= children.size() ? children.get(reference - 1) : null;
    }

    synchronized void clear() {
        children.clear();
    }
}
