package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.language.LineShift;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A list made of moved stretches of earlier lists reads as the same items moved one by one, however many generations deep. */
class MovedListTest {
    @Test
    void stretchesTakenFromListsOfEarlierListsReadAsTheItemsMovedOneByOne() {
        Random random = new Random(3);
        for (int run = 0; run < 100; run++) {
            // each generation: the list as read, and the same items kept eagerly moved in a plain list
            List<Analysis.Occurrence> eager = new ArrayList<>();
            for (int i = 0; i < 50 + random.nextInt(200); i++) eager.add(new Analysis.Occurrence("V" + i, i, 0, 2, i % 3 == 0));
            List<Analysis.Occurrence> shared = MovedList.of(eager, Analysis.Occurrence::moved);
            for (int generation = 0; generation < 60; generation++) {
                MovedList.Builder<Analysis.Occurrence> b = new MovedList.Builder<>(Analysis.Occurrence::moved);
                List<Analysis.Occurrence> next = new ArrayList<>();
                int at = 0;
                while (at < shared.size()) {
                    int to = Math.min(shared.size(), at + random.nextInt(40));
                    LineShift shift = random.nextBoolean() ? LineShift.NONE : LineShift.edit(random.nextInt(300), random.nextInt(7) - 3);
                    b.addFrom(shared, at, to, shift);
                    for (int k = at; k < to; k++) next.add(eager.get(k).moved(shift));
                    for (int k = random.nextInt(3); k > 0; k--) {
                        Analysis.Occurrence fresh = new Analysis.Occurrence("F" + generation, random.nextInt(400), 1, 3, false);
                        b.add(fresh);
                        next.add(fresh);
                    }
                    at = Math.max(to, at + 1);
                }
                shared = b.build();
                eager = next;
                assertEquals(eager, shared, "run " + run + ", generation " + generation);
                assertEquals(eager.size(), shared.size());
                for (int k = 0; k < eager.size(); k += 1 + random.nextInt(5)) assertEquals(eager.get(k), shared.get(k));
                Iterator<Analysis.Occurrence> it = shared.iterator();
                for (Analysis.Occurrence o : eager) assertEquals(o, it.next());
                assertTrue(!it.hasNext());
            }
        }
    }
}
