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

    /**
     * Typing as most keystrokes do, between block lines rather than on them: lines inserted, removed and changed that
     * are not block lines (the parse then moves the earlier block links instead of matching again), with now and
     * then a block line added or removed and an edit undone, in scripts with closed and unclosed blocks, stray
     * closers, and (2026) more lines than the engine reads. Every version equals a fresh parse, block links and
     * problems with their line numbers included.
     */
    @Test
    void typingBetweenBlockLinesMovesTheBlockLinksAsAFreshParseWouldFindThem() {
        String[] plain = {"echo x", "set A=1", "# note", "", "zopen a r"};
        for (Dialect dialect : new Dialect[] {Dialect.D2, Dialect.D3}) {
            String[] blocks = dialect == Dialect.D2
                    ? new String[] {"ifeq $A 1", "else", "endif", "loop 2", "endloop", "endif", "endloop"}
                    : new String[] {"if $A == 1", "elif $A == 2", "else", "endif", "while $A < 3", "endwhile", "endif"};
            for (int size : new int[] {300, 1900, 2600}) {
                Random random = new Random(size + (dialect == Dialect.D2 ? 0 : 1));
                List<String> lines = new ArrayList<>();
                while (lines.size() < size) block(lines, dialect, plain, random, 0);
                Script previous = Parser.parse("t", lines, true, dialect, null);
                for (int round = 0; round < 400; round++) {
                    int at = random.nextInt(lines.size() + 1);
                    boolean block = random.nextInt(25) == 0;
                    String piece = block ? blocks[random.nextInt(blocks.length)] : plain[random.nextInt(plain.length)] + round;
                    List<String> before = new ArrayList<>(lines);
                    switch (random.nextInt(4)) {
                        case 0, 1 -> lines.add(at, piece);
                        case 2 -> { if (at < lines.size() && (block || !isBlock(lines.get(at), blocks))) lines.remove(at); }
                        default -> { if (at < lines.size() && (block || !isBlock(lines.get(at), blocks))) lines.set(at, piece); }
                    }
                    Script incremental = Parser.parse("t", lines, true, dialect, previous);
                    String context = dialect + " " + size + " round " + round;
                    assertEquals(ParserFixturesTest.dump(Parser.parse("t", lines, true, dialect, null)), ParserFixturesTest.dump(incremental), context);
                    previous = incremental;
                    if (random.nextInt(5) == 0) {
                        // the undo: back to the text before, continuing the parse just made
                        lines = before;
                        previous = Parser.parse("t", lines, true, dialect, previous);
                        assertEquals(ParserFixturesTest.dump(Parser.parse("t", lines, true, dialect, null)), ParserFixturesTest.dump(previous),
                                context + " undone");
                    }
                }
            }
        }
    }

    /** A problem on a line before the edit whose message names a line after it (E016 names the closer) is found again. */
    @Test
    void aProblemNamingALineAfterTheEditNamesItWhereItMoved() {
        List<String> lines = new ArrayList<>(List.of("loop 2", "ifeq $A 1", "echo a", "echo b", "endloop"));
        Script earlier = Parser.parse("t", lines, true, Dialect.D2, null);
        lines.add(3, "echo inserted");
        Script incremental = Parser.parse("t", lines, true, Dialect.D2, earlier);
        assertEquals(ParserFixturesTest.dump(Parser.parse("t", lines, true, Dialect.D2, null)), ParserFixturesTest.dump(incremental));
        org.junit.jupiter.api.Assertions.assertTrue(incremental.problems().get(0).message().endsWith("on line 6"), incremental.problems().toString());
    }

    /** Well-formed blocks (an if with its branches, a loop) nested up to three deep, around plain lines. */
    private static void block(List<String> out, Dialect dialect, String[] plain, Random random, int depth) {
        int kind = depth >= 3 ? 2 : random.nextInt(3);
        boolean d2 = dialect == Dialect.D2;
        switch (kind) {
            case 0 -> {
                out.add(d2 ? "ifeq $A 1" : "if $A == 1");
                body(out, dialect, plain, random, depth);
                if (!d2 && random.nextBoolean()) {
                    out.add("elif $A == 2");
                    body(out, dialect, plain, random, depth);
                }
                if (random.nextBoolean()) {
                    out.add("else");
                    body(out, dialect, plain, random, depth);
                }
                out.add("endif");
            }
            case 1 -> {
                out.add(d2 ? "loop 2" : "while $A < 3");
                body(out, dialect, plain, random, depth);
                out.add(d2 ? "endloop" : "endwhile");
            }
            default -> out.add(plain[random.nextInt(plain.length)]);
        }
    }

    private static void body(List<String> out, Dialect dialect, String[] plain, Random random, int depth) {
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) block(out, dialect, plain, random, depth + 1);
    }

    private static boolean isBlock(String line, String[] blocks) {
        return java.util.Arrays.asList(blocks).contains(line);
    }
}
