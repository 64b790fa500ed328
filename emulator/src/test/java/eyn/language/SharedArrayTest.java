package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedArrayTest {
    @Test
    void everyVersionReadsAsTheListItWasMadeFromAfterThousandsOfRandomReplacements() {
        Random random = new Random(12);
        List<Integer> model = new ArrayList<>();
        SharedArray<Integer> array = SharedArray.of(new Object[0]);
        List<List<Integer>> oldModels = new ArrayList<>();
        List<SharedArray<Integer>> oldArrays = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 3000; step++) {
            int from = random.nextInt(model.size() + 1);
            int to = from + random.nextInt(Math.min(model.size() - from, step % 50 == 0 ? 5000 : 4) + 1);
            Object[] inserted = new Object[random.nextInt(step % 97 == 0 ? 3000 : 4)];
            for (int k = 0; k < inserted.length; k++) inserted[k] = next++;
            SharedArray<Integer> replaced = array.replace(from, to, inserted);
            List<Integer> expected = new ArrayList<>(model.subList(0, from));
            for (Object o : inserted) expected.add((Integer) o);
            expected.addAll(model.subList(to, model.size()));
            assertSame(expected, replaced);
            if (step % 300 == 0) {
                oldModels.add(model);
                oldArrays.add(array);
            }
            model = expected;
            array = replaced;
        }
        for (int k = 0; k < oldModels.size(); k++) assertSame(oldModels.get(k), oldArrays.get(k)); // replacing never changes a version
    }

    @Test
    void readsBackwardsAndAtRandomAsWellAsForwards() {
        Object[] elements = new Object[10_000];
        for (int i = 0; i < elements.length; i++) elements[i] = i;
        SharedArray<Integer> array = SharedArray.<Integer>of(elements).replace(5_000, 5_001, new Object[] {-1, -2});
        for (int i = array.size() - 1; i >= 0; i--) assertEquals(i < 5_000 ? i : i == 5_000 ? -1 : i == 5_001 ? -2 : i - 1, array.get(i));
        Random random = new Random(3);
        for (int k = 0; k < 1000; k++) {
            int i = random.nextInt(array.size());
            assertEquals(i < 5_000 ? i : i == 5_000 ? -1 : i == 5_001 ? -2 : i - 1, array.get(i));
        }
    }

    private static void assertSame(List<Integer> expected, SharedArray<Integer> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "element " + i);
    }
}
