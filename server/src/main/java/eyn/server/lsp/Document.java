package eyn.server.lsp;

import eyn.analysis.Analysis;
import eyn.analysis.CallSite;
import eyn.language.Script;
import eyn.profile.ProfileChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * An open document, owned by the worker thread: its lines (the text split at '\n'; an edit replaces
 * the lines it touches and keeps the others, the very same strings, so the parser can see at once
 * which lines are unchanged), its version, the parse of this version, and what the background
 * analysis has produced so far.
 */
final class Document {
    final String uri;
    /** The text split at every '\n' (a text ending with '\n' ends with an empty line): never empty. */
    private final ArrayList<String> lines = new ArrayList<>();
    private int version;
    private String text;
    /** The text's length in chars (its lines and the '\n's between them), kept as edits come. */
    private int length;
    /** How many times the lines have changed, and at which count {@link #script} was parsed (for sharing its lines). */
    private int changes;
    private int parsedAt = -1;
    /**
     * How many lines at the start and at the end of {@link #lines} are the very strings {@link #script} was parsed
     * from, as the edits since that parse left them: the next parse does not compare those again.
     */
    private int unchangedPrefix;
    private int unchangedSuffix;
    /** The parse of this version, in the dialect of {@link #choice}. */
    Script script;
    /** The profile this version is read as (see {@link EynTextDocumentService#choose}). */
    ProfileChoice choice;
    /** The newest complete analysis of any version: requests at a line start from it. */
    Analysis lastComplete;
    int lastCompleteVersion;
    /** The complete analysis of this version once the background has made it (then with the dry run's facts). */
    Analysis current;
    /** Completes with the complete analysis of this version; fails with ContentModified when a newer version comes first. */
    CompletableFuture<Analysis> complete = new CompletableFuture<>();
    /** Where its drive is (see EynTextDocumentService#mapping); null until asked, and after settings change. */
    DriveMapping mapping;
    /** The profile last announced to the client (eyn/profile), to announce changes only. */
    String announcedProfile;
    /**
     * Which settings and drive the analyses of this document are made with: it goes up when they change, so
     * that no whole-file analysis continues one made before (see {@link eyn.analysis.Analyzer#analyzeWithoutDryRun}).
     */
    int generation = newGeneration();

    private static final java.util.concurrent.atomic.AtomicInteger GENERATIONS = new java.util.concurrent.atomic.AtomicInteger();

    /** A generation no document has had: a reopened document or new settings never continue an old analysis. */
    static int newGeneration() {
        return GENERATIONS.incrementAndGet();
    }
    /** The calls this version makes (2026 scripts), computed when another document first asks; null until then. */
    List<CallSite> calls;

    Document(String uri, String text, int version) {
        this.uri = uri;
        set(text, version);
    }

    /** A private copy of a snapshot's version, sharing its line strings and parse (nothing is split or parsed again). */
    static Document copyOf(Snapshot s) {
        Document doc = new Document(s.uri(), "", s.version());
        doc.lines.clear();
        doc.lines.addAll(s.lines());
        doc.length = s.length();
        doc.script = s.script();
        doc.parsedAt = doc.changes;
        doc.unchangedPrefix = doc.unchangedSuffix = Integer.MAX_VALUE;
        doc.choice = s.choice();
        return doc;
    }

    /** An immutable view of one version, for the background analysis and whole-file requests. */
    record Snapshot(String uri, int version, List<String> lines, int length, Script script, ProfileChoice choice, List<CallSite> callers,
                    int generation) {
        // lines: never changed (the parse's own lines, or a copy)
        String text() {
            return String.join("\n", lines);
        }
    }

    Snapshot snapshot(List<CallSite> callers) {
        return new Snapshot(uri, version, frozenLines(), length, script, choice, callers, generation);
    }

    /**
     * This version's lines, unchangeable: the parse's own lines when it is of this version (its chunks are
     * shared with earlier parses, so a keystroke copies no array the length of the file), else a copy.
     */
    private List<String> frozenLines() {
        if (script == null || parsedAt != changes) return java.util.Collections.unmodifiableList(java.util.Arrays.asList(lines.toArray(new String[0])));
        List<String> physical = script.physicalLines();
        if (physical.size() == lines.size()) return physical;
        return new java.util.AbstractList<>() { // the empty line after a final '\n', which the parse does not keep
            @Override public String get(int index) { return index == physical.size() ? "" : physical.get(index); }
            @Override public int size() { return physical.size() + 1; }
        };
    }

    String text() {
        if (text == null) text = String.join("\n", lines);
        return text;
    }

    int version() { return version; }

    /** Parses the current lines under the chosen profile's dialect, reusing the unchanged lines of the last parse. */
    void reparse(String name) {
        // the parse reads the lines without the empty one after a final '\n': one fewer unchanged line at the end
        script = eyn.language.Parser.parse(name, physicalLines(), trailingNewline(), choice.profile().dialect(), script,
                unchangedPrefix, Math.max(0, unchangedSuffix - 1));
        parsedAt = changes;
        unchangedPrefix = unchangedSuffix = Integer.MAX_VALUE;
    }

    /** The lines the parser reads: without the empty line after a final '\n'. */
    List<String> physicalLines() {
        int n = lines.size();
        return n > 1 && lines.get(n - 1).isEmpty() ? lines.subList(0, n - 1) : lines;
    }

    /** Whether the text ends with a line break (an empty text counts as ending with one, as the parser reads it). */
    boolean trailingNewline() {
        int n = lines.size();
        return n > 1 ? lines.get(n - 1).isEmpty() : lines.get(0).isEmpty();
    }

    int lineCount() {
        return lines.size();
    }

    String line(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : "";
    }

    void set(String newText, int newVersion) {
        lines.clear();
        splitInto(newText == null ? "" : newText, lines);
        length = newText == null ? 0 : newText.length();
        unchangedPrefix = unchangedSuffix = 0;
        changed(newVersion);
    }

    /**
     * Applies a ranged change (positions outside the text are clamped to it) and returns the lines it
     * replaced and the lines that replace them, for a caller that wants to know what an edit touched.
     */
    Edit apply(Range range, String newText, int newVersion) {
        int[] a = clamp(range.getStart());
        int[] b = clamp(range.getEnd());
        if (a[0] > b[0] || (a[0] == b[0] && a[1] > b[1])) {
            int[] t = a;
            a = b;
            b = t;
        }
        List<String> removed = new ArrayList<>(lines.subList(a[0], b[0] + 1));
        String joined = lines.get(a[0]).substring(0, a[1]) + (newText == null ? "" : newText) + lines.get(b[0]).substring(b[1]);
        List<String> inserted = new ArrayList<>();
        splitInto(joined, inserted);
        if (inserted.size() == removed.size()) {
            for (int k = 0; k < inserted.size(); k++) lines.set(a[0] + k, inserted.get(k));
        } else {
            lines.subList(a[0], b[0] + 1).clear();
            lines.addAll(a[0], inserted);
        }
        length += joinedLength(inserted) - joinedLength(removed);
        unchangedPrefix = Math.min(unchangedPrefix, a[0]);
        unchangedSuffix = Math.min(unchangedSuffix, lines.size() - (a[0] + inserted.size()));
        changed(newVersion);
        return new Edit(a[0], removed, inserted);
    }

    /** The length of lines joined with '\n'. */
    private static int joinedLength(List<String> lines) {
        int n = lines.size() - 1;
        for (String line : lines) n += line.length();
        return n;
    }

    int length() {
        return length;
    }

    /** Adds the text's lines, split at every '\n' (a final '\n' is followed by an empty line, as LSP counts lines). */
    private static void splitInto(String text, List<String> out) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        out.add(text.substring(start));
    }

    /** What one change did: the lines from {@code line} on that it removed, and those it put there. */
    record Edit(int line, List<String> removed, List<String> inserted) {}

    private void changed(int newVersion) {
        changes++;
        version = newVersion;
        text = null;
        current = null;
        calls = null;
        if (!complete.isDone()) complete.completeExceptionally(new ContentModified());
        complete = new CompletableFuture<>();
    }

    /** A request waited for the analysis of a version that a newer one replaced before it was made. */
    static final class ContentModified extends RuntimeException {
        ContentModified() {
            super("the document changed before its analysis was ready", null, false, false);
        }
    }

    /** {line, character} of a position, clamped into the text. */
    private int[] clamp(Position p) {
        if (p == null || p.getLine() < 0) return new int[] {0, 0};
        if (p.getLine() >= lines.size()) {
            int last = lines.size() - 1;
            return new int[] {last, lines.get(last).length()};
        }
        String line = lines.get(p.getLine());
        return new int[] {p.getLine(), Math.max(0, Math.min(p.getCharacter(), line.length()))};
    }
}
