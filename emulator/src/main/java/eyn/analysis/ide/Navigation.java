package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.commands.ArgKind;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.language.LineKind;
import eyn.language.ScriptLine;
import eyn.language.Word;
import eyn.machine.disk.FsPath;
import java.util.ArrayList;
import java.util.List;

/** Definitions, references, highlights and renames of variables and fds; links of file arguments. */
public final class Navigation {
    /** A place in the text; {@code write} for a variable's set or an fd's zopen. */
    public record Place(Span span, boolean write) {}

    /** A file argument and the drive path it names. */
    public record Link(Span span, String path) {}

    private Navigation() {}

    /** The variable name at a position ($NAME use or set target), or null. */
    public static String variableAt(Analysis analysis, int line, int column) {
        for (Analysis.Occurrence o : analysis.variables()) {
            if (o.line() == line && column >= o.start() && column <= o.end()) return o.name();
        }
        return null;
    }

    /** Every occurrence of a variable, as the span of its name only (what a rename replaces). */
    public static List<Place> variable(Analysis analysis, String name) {
        List<Place> places = new ArrayList<>();
        for (Analysis.Occurrence o : analysis.variables()) {
            if (!o.name().equals(name)) continue;
            if (o.definition()) {
                places.add(new Place(new Span(o.line(), o.start(), o.start() + name.length()), true));
            } else {
                String raw = analysis.script().line(o.line()).raw();
                int nameStart = o.start() + (raw.startsWith("${", o.start()) ? 2 : 1);
                places.add(new Place(new Span(o.line(), nameStart, nameStart + name.length()), false));
            }
        }
        return places;
    }

    public static List<Place> definitions(Analysis analysis, String name) {
        return variable(analysis, name).stream().filter(Place::write).toList();
    }

    /** The uses of the fd at a position, with the zopen that returned it. */
    public static List<Place> fd(Analysis analysis, int line, int column) {
        Analysis.FdOccurrence at = null;
        for (Analysis.FdOccurrence o : analysis.fdOccurrences()) {
            if (o.line() == line && column >= o.start() && column <= o.end()) at = o;
        }
        List<Place> places = new ArrayList<>();
        if (at == null || at.originLine() < 0) return places;
        for (Analysis.FdOccurrence o : analysis.fdOccurrences()) {
            if (o.originLine() == at.originLine() && o.fd() == at.fd()) {
                places.add(new Place(new Span(o.line(), o.start(), o.end()), o.line() == o.originLine()));
            }
        }
        return places;
    }

    /** Whether a new variable name is acceptable. */
    public static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 31) return false;
        for (int i = 0; i < name.length(); i++) if (!eyn.language.Expander.isNameChar(name.charAt(i))) return false;
        return true;
    }

    /** File and script arguments with constant text, resolved against the directory the flow analysis knows. */
    public static List<Link> links(Analysis analysis) {
        List<Link> links = new ArrayList<>();
        for (ScriptLine line : analysis.script().lines()) {
            if (line.kind() != LineKind.COMMAND) continue;
            CommandSpec spec = analysis.profile().commands().spec(line.name());
            if (spec == null) continue;
            String cwd = analysis.stateBefore(line.index()).cwd();
            if (cwd == null) continue;
            for (int w = 1; w < line.words().size(); w++) {
                ArgSpec arg = spec.argAt(w - 1);
                Word word = line.words().get(w);
                if (arg == null || arg.kind() != ArgKind.PATH || word.text().contains("$")) continue;
                links.add(new Link(new Span(line.index(), word.start(), word.end()), FsPath.resolve(cwd, word.text())));
            }
        }
        return links;
    }
}
