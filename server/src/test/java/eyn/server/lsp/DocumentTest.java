package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** What the analysis thread reads of a version without joining its lines: its length and its lines, shared with the parse. */
class DocumentTest {
    @Test
    void aSnapshotAfterRandomEditsHasTheTextsLinesAndLength() {
        Random random = new Random(8);
        Document doc = new Document("file:///t.eyn", "set A=1\necho $A\n", 1);
        doc.choice = eyn.analysis.Analyzer.choose(doc.text(), eyn.analysis.AnalysisSettings.defaults());
        String[] pieces = {"", "x", "\n", "echo hi\n", "loop 2\nendloop\n", "\r\n", "ifeq a b\n"};
        for (int version = 2; version < 3000; version++) {
            int lines = doc.lineCount();
            Position a = new Position(random.nextInt(lines + 1), random.nextInt(12));
            Position b = random.nextInt(3) == 0 ? new Position(a.getLine() + random.nextInt(3), random.nextInt(12)) : a;
            doc.apply(new Range(a, b), pieces[random.nextInt(pieces.length)], version);
            if (version % 3 == 0) doc.reparse("t.eyn"); // snapshots both of parsed versions and of versions not parsed yet
            Document.Snapshot s = doc.snapshot(java.util.List.of());
            String text = doc.text();
            assertEquals(text, s.text(), "version " + version);
            assertEquals(text.length(), s.length(), "version " + version);
            assertEquals(java.util.Arrays.asList(text.split("\n", -1)), s.lines(), "version " + version);
        }
    }
}
