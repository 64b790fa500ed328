package eyn.analysis.ide;

import eyn.language.LineKind;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.ArrayList;
import java.util.List;

/** Folding ranges: each block from its opener to the line before its closer (split at else), and comment runs. */
public final class Folding {
    public record Range(int startLine, int endLine, boolean comment) {}

    private Folding() {}

    public static List<Range> of(Script script) {
        List<Range> ranges = new ArrayList<>();
        int commentStart = -1;
        for (ScriptLine line : script.lines()) {
            int i = line.index();
            if (line.kind() == LineKind.COMMENT) {
                if (commentStart < 0) commentStart = i;
            } else {
                if (commentStart >= 0 && i - 1 > commentStart) ranges.add(new Range(commentStart, i - 1, true));
                commentStart = -1;
            }
            if (!line.kind().opensBlock()) continue;
            int end = script.endOf(i);
            int elseLine = script.elseOf(i);
            int last = (end >= script.size() ? script.size() : end) - 1;
            if (elseLine >= 0) {
                if (elseLine - 1 > i) ranges.add(new Range(i, elseLine - 1, false));
                if (last > elseLine) ranges.add(new Range(elseLine, last, false));
            } else if (last > i) {
                ranges.add(new Range(i, last, false));
            }
        }
        if (commentStart >= 0 && script.size() - 1 > commentStart) ranges.add(new Range(commentStart, script.size() - 1, true));
        return ranges;
    }
}
