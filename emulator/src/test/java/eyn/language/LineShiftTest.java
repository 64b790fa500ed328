package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Composed line shifts move every line that survives a chain of edits where the edits, one by one, move it. */
class LineShiftTest {
    @Test
    void aComposedShiftMovesEverySurvivingLineAsTheEditsDoOneByOne() {
        Random random = new Random(12);
        for (int run = 0; run < 200; run++) {
            int size = 50 + random.nextInt(200);
            // where each original line is now, or -1 once an edit removed it
            int[] now = new int[size];
            for (int i = 0; i < size; i++) now[i] = i;
            int current = size;
            LineShift composed = LineShift.NONE;
            for (int edit = 0; edit < 1 + random.nextInt(30); edit++) {
                int from = random.nextInt(current + 1);
                int removed = random.nextInt(Math.min(4, current - from) + 1);
                int inserted = random.nextInt(4);
                int delta = inserted - removed;
                for (int i = 0; i < size; i++) {
                    if (now[i] < 0 || now[i] < from) continue;
                    now[i] = now[i] < from + removed ? -1 : now[i] + delta;
                }
                current += delta;
                composed = composed.then(LineShift.edit(from + removed, delta));
            }
            for (int i = 0; i < size; i++) if (now[i] >= 0) assertEquals(now[i], composed.apply(i), "line " + i + " in run " + run + ": " + composed);
        }
    }

    @Test
    void anEditAndItsUndoComposeToNoShift() {
        LineShift insert = LineShift.edit(10, 1);
        LineShift undo = LineShift.edit(11, -1);
        assertTrue(insert.then(undo).identity());
        LineShift s = LineShift.NONE;
        for (int k = 0; k < 20; k++) s = s.then(LineShift.edit(100 * k, 1));
        assertEquals(20, s.steps());
        for (int k = 19; k >= 0; k--) s = s.then(LineShift.edit(100 * k + 1, -1));
        assertTrue(s.identity(), s.toString());
    }
}
