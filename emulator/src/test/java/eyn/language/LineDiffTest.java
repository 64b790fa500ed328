package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The regions two versions differ in: every line outside them is the same line in both, moved by what
 * the regions before it inserted and removed; regions are apart and in order; a few edits give no
 * more than that many changed lines, and past the limit the middle is one region.
 */
class LineDiffTest {
    /** Few distinct lines, so that the same text recurs and a match can be taken for the wrong line. */
    private static final String[] LINES = {"echo a", "echo b", "set X=1", "", "loop 2", "endloop", "zopen a.txt r", "zclose 0"};

    /** A script of these lines (not empty: an empty text is one empty line). */
    private static Script parse(List<String> lines) {
        return Parser.parse("/t.eyn", String.join("\n", lines) + "\n", Dialect.D2);
    }

    @Test
    void linesOutsideTheRegionsAreTheSameLinesMovedAndTheRegionsAreNoLargerThanTheEdits() {
        Random random = new Random(31);
        for (int round = 0; round < 3_000; round++) {
            List<String> old = new ArrayList<>();
            for (int n = 1 + random.nextInt(200); old.size() < n; ) old.add(LINES[random.nextInt(LINES.length)]);
            List<String> now = new ArrayList<>(old);
            int edits = 1 + random.nextInt(round % 3 == 0 ? 12 : 4);
            int changed = 0;
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(now.size() + 1);
                String line = LINES[random.nextInt(LINES.length)] + (random.nextBoolean() ? "" : " x");
                if (random.nextBoolean() || now.size() < 2 || at == now.size()) {
                    now.add(at, line);
                    changed++;
                } else if (random.nextBoolean()) {
                    now.remove(at);
                    changed++;
                } else {
                    now.set(at, line);
                    changed += 2;
                }
            }
            String context = "round " + round + ": " + old + " -> " + now;
            List<LineDiff.Region> regions = LineDiff.of(parse(old), parse(now), 16);
            int oldAt = 0;
            int newAt = 0;
            int lines = 0;
            for (LineDiff.Region r : regions) {
                assertTrue(r.oldStart() - oldAt == r.newStart() - newAt, context + " " + regions);
                assertTrue(r.oldStart() <= r.oldEnd() && r.newStart() <= r.newEnd() && r.oldEnd() - r.oldStart() + r.newEnd() - r.newStart() > 0,
                        context + " " + regions);
                if (oldAt > 0 || newAt > 0) assertTrue(r.oldStart() > oldAt, "regions apart: " + context + " " + regions);
                for (int k = 0; k < r.oldStart() - oldAt; k++) assertEquals(old.get(oldAt + k), now.get(newAt + k), context + " " + regions);
                lines += r.oldEnd() - r.oldStart() + r.newEnd() - r.newStart();
                oldAt = r.oldEnd();
                newAt = r.newEnd();
            }
            assertEquals(old.size() - oldAt, now.size() - newAt, context + " " + regions);
            for (int k = 0; k < old.size() - oldAt; k++) assertEquals(old.get(oldAt + k), now.get(newAt + k), context + " " + regions);
            if (changed <= 16) assertTrue(lines <= changed, lines + " lines in regions for " + changed + " edits: " + context + " " + regions);
            else assertTrue(regions.size() <= 1 || lines <= 16, context + " " + regions);
            if (old.equals(now)) assertEquals(List.of(), regions, context);
        }
    }

    @Test
    void aLineTypedAndAnotherUndoneFarAwayAreTwoOneLineRegions() {
        List<String> base = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) base.add("echo " + (i % 7));
        List<String> old = new ArrayList<>(base);
        old.add(1_000, "e");
        List<String> now = new ArrayList<>(base);
        now.add(9_000, "e");
        assertEquals(List.of(new LineDiff.Region(1_000, 1_001, 1_000, 1_000), new LineDiff.Region(9_001, 9_001, 9_000, 9_001)),
                LineDiff.of(parse(old), parse(now), 16));
    }
}
