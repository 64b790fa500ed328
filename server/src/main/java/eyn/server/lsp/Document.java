package eyn.server.lsp;

import eyn.analysis.Analysis;
import eyn.language.Script;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * An open document: its text and version, line offsets, and the analysis of this version (built
 * on demand, reused by every request until the next change).
 */
final class Document {
    final String uri;
    private String text;
    private int version;
    private int[] lineStarts;
    Analysis analysis;
    /** The newest parse of any version: its unchanged lines are reused by the next parse. */
    Script lastParse;
    /** The profile last announced to the client (eyn/profile), to announce changes only. */
    String announcedProfile;
    /** The calls this version makes (2026 scripts), computed when another document first asks; null until then. */
    java.util.List<eyn.analysis.CallSite> calls;

    Document(String uri, String text, int version) {
        this.uri = uri;
        set(text, version);
    }

    String text() { return text; }
    int version() { return version; }

    void set(String newText, int newVersion) {
        text = newText == null ? "" : newText;
        version = newVersion;
        lineStarts = null;
        analysis = null;
        calls = null;
    }

    /** Applies a ranged change; positions outside the text are clamped to it. */
    void apply(Range range, String newText, int newVersion) {
        int start = offset(range.getStart());
        int end = offset(range.getEnd());
        if (end < start) {
            int t = start;
            start = end;
            end = t;
        }
        set(text.substring(0, start) + (newText == null ? "" : newText) + text.substring(end), newVersion);
    }

    int offset(Position p) {
        int[] starts = lineStarts();
        if (p == null || p.getLine() < 0) return 0;
        if (p.getLine() >= starts.length) return text.length();
        int lineStart = starts[p.getLine()];
        int lineEnd = p.getLine() + 1 < starts.length ? starts[p.getLine() + 1] - 1 : text.length();
        return Math.max(lineStart, Math.min(lineStart + Math.max(0, p.getCharacter()), lineEnd));
    }

    int lineCount() {
        return lineStarts().length;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 0;
            starts[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                    starts[n++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        return lineStarts;
    }
}
