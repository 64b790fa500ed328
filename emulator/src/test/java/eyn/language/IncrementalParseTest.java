package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reparsing with the previous version must give exactly what a fresh parse gives. */
class IncrementalParseTest {
    private static final String[] LINES = {"set A=1", "ifeq $A 1", "else", "endif", "loop 2", "endloop", "echo x", "# c", "",
        "zopen a r", "set", "else x", "endif", "loop", "echo \"q\"", "   echo   indented   "};

    @Test
    void reusingUnchangedLinesMatchesAFreshParse() {
        Random random = new Random(11);
        String text = "";
        Script previous = Parser.parse("t", text);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder(text);
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            if (random.nextInt(3) == 0 && b.length() > 0) {
                int end = Math.min(b.length(), at + random.nextInt(12));
                b.delete(at, end);
            } else {
                String piece = random.nextBoolean() ? LINES[random.nextInt(LINES.length)] + "\n" : String.valueOf("ab$\n\r {}".charAt(random.nextInt(8)));
                b.insert(at, piece);
            }
            text = b.toString();
            Script incremental = Parser.parse("t", text, previous);
            assertEquals(ParserFixturesTest.dump(Parser.parse("t", text)), ParserFixturesTest.dump(incremental), text);
            assertEquals(Parser.split(text), incremental.physicalLines(), "the lines it was read from, as given");
            previous = incremental;
        }
    }

    private static final String[] LINES_2026 = {"set A=1", "echo a\r", "echo a\0b", "if $A == 1", "elif $A == 2", "else", "endif", "while $A < 3", "endwhile",
        "echo x", "# c", "", "if", "else x", "endif", "exit 1", "echo \"q\"", "   echo   indented   ", "x".repeat(600)};

    /**
     * As an editor edits: whole lines replaced, inserted and deleted in a long script (several of the parse's shared
     * chunks), unchanged lines kept as the very same strings, and the problems read only now and then, so that a
     * parse takes them over from a parse that had found them, or finds them itself.
     */
    @Test
    void editingLinesOfALongScriptMatchesAFreshParseInBothDialects() {
        for (Dialect dialect : new Dialect[] {Dialect.D2, Dialect.D3}) {
            String[] pieces = dialect == Dialect.D2 ? LINES : LINES_2026;
            Random random = new Random(5);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4000; i++) lines.add(pieces[random.nextInt(pieces.length)]);
            Script previous = Parser.parse("t", lines, true, dialect, null);
            for (int round = 0; round < 600; round++) {
                int at = random.nextInt(lines.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> lines.add(at, pieces[random.nextInt(pieces.length)] + (random.nextBoolean() ? "" : " "));
                    case 1 -> { if (at < lines.size()) lines.remove(at); }
                    default -> { if (at < lines.size()) lines.set(at, new String(pieces[random.nextInt(pieces.length)])); }
                }
                Script incremental = Parser.parse("t", lines, true, dialect, previous);
                assertEquals(lines, incremental.physicalLines());
                if (round % 3 != 1) {
                    assertEquals(ParserFixturesTest.dump(Parser.parse("t", lines, true, dialect, null)), ParserFixturesTest.dump(incremental),
                            dialect + " round " + round);
                }
                previous = incremental;
            }
        }
    }
}
