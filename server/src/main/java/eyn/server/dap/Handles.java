package eyn.server.dap;

import eyn.debug.Inspection;
import eyn.debug.WatchTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * variablesReference numbers for the current stop: each names a supplier of child entries.
 * Cleared whenever execution resumes, as DAP requires.
 */
final class Handles {
    private final List<Supplier<List<Inspection.Entry>>> children = new ArrayList<>();

    synchronized int add(Supplier<List<Inspection.Entry>> supplier) {
        children.add(supplier);
        return children.size();
    }

    synchronized Supplier<List<Inspection.Entry>> get(int reference) {
        return reference >= 1 && reference <= children.size() ? children.get(reference - 1) : null;
    }

    /** What a data breakpoint on the child {@code name} of a reference watches, or null when it cannot be watched. */
    WatchTarget watchable(int reference, String name) {
        Supplier<List<Inspection.Entry>> supplier = get(reference);
        Inspection.Entry entry = supplier == null ? null : Inspection.find(supplier.get(), name);
        return entry == null ? null : entry.watch();
    }

    synchronized void clear() {
        children.clear();
    }
}
