package eyn.analysis.ide;

import eyn.analysis.Analysis;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The document outline, what a reader looks for: variables (first assignment), fds opened, files
 * mapped, nested scripts run, and blocks and loops as a tree.
 */
public final class Symbols {
    public enum Kind { VARIABLE, CONDITION, LOOP, FD, MAPPING, RUN }

    public record Symbol(String name, String detail, Kind kind, int startLine, int endLine, Span selection, List<Symbol> children) {}

    private Symbols() {}

    public static List<Symbol> document(Analysis analysis) {
        Script script = analysis.script();
        List<Symbol> roots = new ArrayList<>();
        Deque<List<Symbol>> open = new ArrayDeque<>();
        Deque<Integer> openers = new ArrayDeque<>();
        open.push(roots);
        Set<String> seen = new HashSet<>();
        for (ScriptLine line : script.lines()) {
            int i = line.index();
            while (!openers.isEmpty() && Math.min(script.endOf(openers.peek()), script.size() - 1) < i) {
                openers.pop();
                open.pop();
            }
            if (line.kind() == LineKind.SET) {
                LineParts.Assignment a = LineParts.assignment(line);
                if (a.hasEquals() && !a.key().isEmpty() && seen.add(a.key())) {
                    open.peek().add(new Symbol(a.key(), a.value(), Kind.VARIABLE, i, i,
                            new Span(i, a.keyStart(), a.keyStart() + a.key().length()), List.of()));
                }
            } else if (line.kind() == LineKind.COMMAND && line.words().size() > 1) {
                Symbol found = command(analysis, line);
                if (found != null) open.peek().add(found);
            } else if (line.kind().opensBlock()) {
                int end = Math.min(script.endOf(i), script.size() - 1);
                List<Symbol> children = new ArrayList<>();
                open.peek().add(new Symbol(line.text(), line.kind().opensLoop() ? "loop" : "condition",
                        line.kind().opensLoop() ? Kind.LOOP : Kind.CONDITION, i, Math.max(i, end),
                        new Span(i, line.head().start(), line.head().end()), children));
                open.push(children);
                openers.push(i);
            }
        }
        return roots;
    }

    /** A zopen (its fd when known), an mmap (its address when known) or a run, named by what it opens. */
    private static Symbol command(Analysis analysis, ScriptLine line) {
        int i = line.index();
        var target = line.words().get(1);
        Span selection = new Span(i, line.head().start(), line.head().end());
        switch (line.name()) {
            case "zopen" -> {
                Integer fd = analysis.fdHintAt(i);
                String mode = line.words().size() > 2 ? line.words().get(2).text() : "rw";
                return new Symbol((fd == null ? "fd ?" : "fd " + fd) + ": " + target.text(), "zopen, " + mode, Kind.FD, i, i, selection, List.of());
            }
            case "mmap" -> {
                Long address = analysis.addressHints().get(i);
                return new Symbol(target.text() + (address == null ? "" : String.format(" at 0x%08X", address)), "mmap", Kind.MAPPING,
                        i, i, selection, List.of());
            }
            case "run" -> {
                return new Symbol("run " + target.text(), "nested script", Kind.RUN, i, i, selection, List.of());
            }
            default -> {
                return null;
            }
        }
    }
}
