package eyn.server.dap;

import eyn.debug.Inspection;
import java.util.List;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;

/** {@link Inspection}'s scopes and entries as protocol scopes and variables, each list of children behind a handle. */
final class Scopes {
    private Scopes() {}

    static Scope[] of(Handles handles, List<Inspection.Scope> scopes) {
        return scopes.stream().map(s -> {
            Scope out = new Scope();
            out.setName(s.name());
            out.setPresentationHint(s.hint());
            out.setVariablesReference(handles.add(s.entries()));
            out.setNamedVariables(s.named());
            out.setExpensive(s.expensive());
            return out;
        }).toArray(Scope[]::new);
    }

    static Variable[] variables(Handles handles, List<Inspection.Entry> entries) {
        return entries.stream().map(e -> variable(handles, e)).toArray(Variable[]::new);
    }

    private static Variable variable(Handles handles, Inspection.Entry e) {
        Variable v = new Variable();
        v.setName(e.name());
        v.setValue(e.value());
        v.setVariablesReference(e.children() == null ? 0 : handles.add(e.children()));
        v.setEvaluateName(e.evaluateName());
        v.setMemoryReference(e.memoryReference());
        v.setNamedVariables(e.named());
        v.setIndexedVariables(e.indexed());
        if (e.kind() != null) {
            VariablePresentationHint hint = new VariablePresentationHint();
            hint.setKind(e.kind());
            v.setPresentationHint(hint);
        }
        return v;
    }
}
