package eyn.server.dap;

import eyn.debug.Inspection;
import eyn.debug.Refusal;
import eyn.debug.StackView;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;
import org.eclipse.lsp4j.debug.VariablesResponse;

/**
 * {@link Inspection}'s scopes and entries as protocol scopes and variables, each list of children behind a handle.
 * The adapter's scopes and variables handlers answer through here.
 */
final class Scopes {
    private Scopes() {}

    /** The scopes response of a frame's scopes. */
    static ScopesResponse response(Handles handles, List<Inspection.Scope> scopes) {
        ScopesResponse r = new ScopesResponse();
        r.setScopes(of(handles, scopes));
        return r;
    }

    /** The variables response of a handle: one page ({@code start}, {@code count} as the client asks; null for all). */
    static VariablesResponse variables(Handles handles, int reference, Integer start, Integer count) {
        Supplier<List<Inspection.Entry>> entries = handles.get(reference);
        if (entries == null) throw new Refusal("No variables with reference " + reference);
        VariablesResponse r = new VariablesResponse();
        r.setVariables(variables(handles, StackView.page(entries.get(), start, count)));
        return r;
    }

    private static Scope[] of(Handles handles, List<Inspection.Scope> scopes) {
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

    private static Variable[] variables(Handles handles, List<Inspection.Entry> entries) {
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
