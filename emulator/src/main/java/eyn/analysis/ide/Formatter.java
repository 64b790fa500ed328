package eyn.analysis.ide;

import eyn.language.LineKind;
import eyn.language.Script;
import eyn.language.ScriptLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Indents blocks: each statement by its nesting depth, {@code else}/{@code endif}/{@code endloop}
 * at their opener's depth, and drops trailing blanks. Safe because EYN-OS trims both ends of a line.
 */
public final class Formatter {
    private Formatter() {}

    public static List<Edit> format(Script script, String indentUnit, int fromLine, int toLine) {
        List<Edit> edits = new ArrayList<>();
        int depth = 0;
        for (ScriptLine line : script.lines()) {
            int i = line.index();
            LineKind k = line.kind();
            boolean closer = (k.isBranch() || k.closesBlock()) && script.openerOf(i) >= 0;
            int level = closer ? Math.max(0, depth - 1) : depth;
            if (closer && !k.isBranch()) depth = Math.max(0, depth - 1);
            if (k.opensBlock()) depth++;
            if (i < fromLine || i > toLine) continue;
            String raw = line.raw();
            String wanted = k == LineKind.BLANK ? "" : indentUnit.repeat(Math.min(level, 64)) + line.text();
            if (!raw.equals(wanted)) edits.add(new Edit(i, 0, i, raw.length(), wanted));
        }
        return edits;
    }
}
