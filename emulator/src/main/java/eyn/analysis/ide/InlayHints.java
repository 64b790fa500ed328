package eyn.analysis.ide;

import eyn.analysis.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hints at line ends: the fd a zopen returns and the address an mmap returns, when they are known. */
public final class InlayHints {
    public record Hint(int line, int column, String label, String tooltip) {}

    private InlayHints() {}

    public static List<Hint> of(Analysis analysis, int fromLine, int toLine) {
        List<Hint> hints = new ArrayList<>();
        for (Analysis.FdHint h : analysis.fdHintsBetween(fromLine, toLine)) {
            hints.add(new Hint(h.line(), analysis.script().line(h.line()).textEnd(), "→ fd " + h.fd(), "zopen returns fd " + h.fd()));
        }
        for (Map.Entry<Integer, Long> e : analysis.addressHints().entrySet()) {
            int line = e.getKey();
            if (line < fromLine || line > toLine) continue;
            String hex = String.format("0x%08X", e.getValue());
            hints.add(new Hint(line, analysis.script().line(line).textEnd(), "→ " + hex, "mmap maps the file at " + hex + " when the script runs"));
        }
        hints.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return hints;
    }
}
