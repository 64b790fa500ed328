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

    /**
     * The parse of a document after edits (several between two parses, at the ends too, a final line break
     * added and taken away, a whole new text now and then) skips the lines the edits did not touch and still
     * equals a fresh parse of its text.
     */
    @Test
    void aReparseAfterEditsEqualsAFreshParseOfTheText() {
        Random random = new Random(21);
        Document doc = new Document("file:///t.eyn", "set A=1\necho $A\nloop 2\necho x\nendloop\n", 1);
        doc.choice = eyn.analysis.Analyzer.choose(doc.text(), eyn.analysis.AnalysisSettings.defaults());
        doc.reparse("t.eyn");
        String[] pieces = {"", "x", "\n", "echo hi\n", "loop 2\nendloop\n", "ifeq a b\n", "endif", "else\n", "set B=$A\n"};
        for (int version = 2; version < 2000; version++) {
            if (random.nextInt(200) == 0) {
                doc.set("echo new\nloop 1\n" + "echo y\n".repeat(random.nextInt(30)), version);
            } else {
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    int lines = doc.lineCount();
                    int line = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0 : lines - 1) : random.nextInt(lines);
                    Position a = new Position(line, random.nextInt(10));
                    Position b = random.nextInt(3) == 0 ? new Position(Math.min(lines - 1, line + random.nextInt(3)), random.nextInt(10)) : a;
                    doc.apply(new Range(a, b), pieces[random.nextInt(pieces.length)], version);
                }
            }
            doc.reparse("t.eyn");
            String text = doc.text();
            eyn.language.Script fresh = eyn.language.Parser.parse("t.eyn", text, doc.script.dialect());
            String context = "version " + version + ":\n" + text;
            assertEquals(fresh.physicalLines(), doc.script.physicalLines(), context);
            assertEquals(fresh.problems(), doc.script.problems(), context);
            for (int i = 0; i < fresh.size(); i++) {
                assertEquals(fresh.line(i), doc.script.line(i), context);
                assertEquals(fresh.endOf(i), doc.script.endOf(i), context);
                assertEquals(fresh.elseOf(i), doc.script.elseOf(i), context);
                assertEquals(fresh.openerOf(i), doc.script.openerOf(i), context);
            }
        }
    }
}
