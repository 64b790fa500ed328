package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.commands.ArgKind;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.ArrayList;
import java.util.List;

/** Hover text: a command's documentation, a variable's assignments, an fd's zopen, a mapping's origin. */
public final class Hover {
    public record Info(String markdown, Span range) {}

    private Hover() {}

    public static Info at(Analysis analysis, int line, int column) {
        CursorContext c = CursorContext.at(analysis.script(), line, column);
        if (c.slot == CursorContext.Slot.VARIABLE) return variable(analysis, c);
        Analysis.Occurrence definition = definitionAt(analysis, line, column);
        if (definition != null) return variable(analysis, definition.name(), new Span(line, definition.start(), definition.end()));
        if (c.slot == CursorContext.Slot.COMMAND && c.line.kind().isDirective()) {
            return new Info(CommandHelp.directive(analysis.script().dialect(), c.line.kind().keyword()), new Span(line, c.line.head().start(), c.line.head().end()));
        }
        if (c.slot == CursorContext.Slot.COMMAND) {
            CommandSpec spec = analysis.profile().commands().spec(c.line.raw().substring(c.word.start(), c.word.end()).strip());
            return spec == null ? null : new Info(CommandHelp.markdown(spec), c.word);
        }
        if (c.slot == CursorContext.Slot.ARGUMENT) {
            CommandSpec spec = analysis.profile().commands().spec(c.command);
            ArgSpec arg = spec == null ? null : spec.argAt(c.argument);
            if (arg == null) return null;
            if (arg.kind() == ArgKind.FD) {
                for (Analysis.FdOccurrence o : analysis.fdOccurrences()) {
                    if (o.line() == line && column >= o.start() && column <= o.end()) return fd(analysis, o);
                }
            }
            if (arg.kind() == ArgKind.ADDRESS) {
                String word = c.line.raw().substring(c.word.start(), c.word.end());
                for (Analysis.MappingFact m : analysis.mappings()) {
                    if (m.address() >= 0 && word.equalsIgnoreCase(String.format("0x%08X", m.address()))) {
                        return new Info("Mapping of `" + m.path() + "`" + (m.readOnly() ? " (read-only)" : " (read-write)")
                                + ", made by the mmap on line " + (m.line() + 1) + " when the script runs.", c.word);
                    }
                }
            }
            return new Info("`" + arg.name() + "` (" + arg.kind().name().toLowerCase() + "): " + arg.doc()
                    + "\n\nUsage: `" + spec.usage() + "`", c.word);
        }
        return null;
    }

    static Analysis.Occurrence definitionAt(Analysis analysis, int line, int column) {
        // only set lines define variables (in both dialects): other lines need not list every definition in the script
        Script script = analysis.script();
        if (line < 0 || line >= script.size() || script.kindOf(line) != LineKind.SET) return null;
        for (Analysis.Occurrence o : analysis.variables()) {
            if (o.definition() && o.line() == line && column >= o.start() && column <= o.end()) return o;
        }
        return null;
    }

    private static Info variable(Analysis analysis, CursorContext c) {
        String name = c.line.raw().substring(c.word.start(), c.word.end());
        return variable(analysis, name, c.word);
    }

    private static Info variable(Analysis analysis, String name, Span range) {
        List<String> sets = new ArrayList<>();
        for (Analysis.Occurrence o : analysis.variables()) {
            if (o.definition() && o.name().equals(name)) {
                ScriptLine l = analysis.script().line(o.line());
                sets.add("- line " + (o.line() + 1) + ": `" + LineParts.assignment(l).value() + "`");
                if (sets.size() == 20) break;
            }
        }
        String body = sets.isEmpty() ? "Never set in this script: it expands to nothing." : "Set on:\n" + String.join("\n", sets);
        return new Info("**Variable `" + name + "`**\n\n" + body, range);
    }

    private static Info fd(Analysis analysis, Analysis.FdOccurrence o) {
        Span range = new Span(o.line(), o.start(), o.end());
        if (o.originLine() < 0) return new Info("**fd " + o.fd() + "**: no zopen before this line returns it.", range);
        ScriptLine origin = analysis.script().line(o.originLine());
        var fact = analysis.stateBefore(o.line()).fds().get(o.fd());
        String mode = fact == null || fact.mode() == null ? "" : ", mode `" + fact.mode().word() + "`";
        String path = fact == null || fact.path() == null ? "" : ", file `" + fact.path() + "`";
        return new Info("**fd " + o.fd() + "**: opened on line " + (o.originLine() + 1) + " by `" + origin.text() + "`" + mode + path
                + (fact != null && fact.maybe() ? "\n\nOnly some paths open it before this line." : ""), range);
    }
}
