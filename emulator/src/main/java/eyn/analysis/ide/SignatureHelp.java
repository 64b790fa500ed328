package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/** The usage of the command being typed, with the argument under the cursor highlighted. */
public final class SignatureHelp {
    public record Parameter(int start, int end, String documentation) {}

    public record Info(String label, String documentation, List<Parameter> parameters, int active) {}

    private SignatureHelp() {}

    public static Info at(Analysis analysis, int line, int column) {
        CursorContext c = CursorContext.at(analysis.script(), line, column);
        if (c.slot != CursorContext.Slot.ARGUMENT) return null;
        CommandSpec spec = analysis.profile().commands().spec(c.command);
        if (spec == null || spec.args().isEmpty()) return null;
        String label = spec.name();
        List<Parameter> params = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            String piece = a.required() ? "<" + a.name() + ">" : "[" + a.name() + "]";
            if (a.variadic()) piece += "...";
            int start = label.length() + 1;
            label += " " + piece;
            params.add(new Parameter(start, label.length(), a.doc()));
        }
        int active = Math.min(c.argument, params.size() - 1);
        return new Info(label, spec.summary(), params, active);
    }
}
