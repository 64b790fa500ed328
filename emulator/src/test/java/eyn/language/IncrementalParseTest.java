package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            previous = incremental;
        }
    }
}
