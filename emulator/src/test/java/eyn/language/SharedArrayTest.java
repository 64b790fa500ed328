package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The common prefix and suffix of two versions, which skip the chunks both share, are those read element by
     * element: for versions a few replacements apart, many apart, and built separately from the same elements.
     */
    @Test
    void commonPrefixAndSuffixAreThoseReadElementByElement() {
        Random random = new Random(5);
        List<List<Integer>> models = new ArrayList<>();
        List<SharedArray<Integer>> arrays = new ArrayList<>();
        List<Integer> model = new ArrayList<>();
        // values past Integer's cache: each valueOf is a new object, equal to the others of its value
        for (int i = 0; i < 5_000; i++) model.add(Integer.valueOf(1_000 + i % 10));
        SharedArray<Integer> array = SharedArray.of(model.toArray());
        for (int step = 0; step < 400; step++) {
            int from = random.nextInt(model.size() + 1);
            int to = from + random.nextInt(Math.min(model.size() - from, step % 40 == 0 ? 3000 : 3) + 1);
            // equal values as new objects now and then: equal elements in chunks that are not shared
            Object[] inserted = new Object[random.nextInt(step % 37 == 0 ? 2000 : 3)];
            for (int k = 0; k < inserted.length; k++) inserted[k] = Integer.valueOf(1_000 + random.nextInt(10));
            List<Integer> expected = new ArrayList<>(model.subList(0, from));
            for (Object o : inserted) expected.add((Integer) o);
            expected.addAll(model.subList(to, model.size()));
            model = expected;
            array = array.replace(from, to, inserted);
            models.add(model);
            arrays.add(step % 50 == 0 ? SharedArray.of(model.toArray()) : array);
        }
        for (int pair = 0; pair < 2_000; pair++) {
            int a = random.nextInt(models.size());
            int b = Math.max(0, Math.min(models.size() - 1, a + random.nextInt(9) - 4 + (pair % 10 == 0 ? random.nextInt(200) - 100 : 0)));
            List<Integer> x = models.get(a);
            List<Integer> y = models.get(b);
            int prefix = 0;
            while (prefix < Math.min(x.size(), y.size()) && x.get(prefix).equals(y.get(prefix))) prefix++;
            assertEquals(prefix, arrays.get(a).commonPrefix(arrays.get(b), Integer::equals), "versions " + a + " and " + b);
            int from = random.nextBoolean() ? prefix : random.nextInt(prefix + 1);
            int suffix = 0;
            while (suffix < Math.min(x.size(), y.size()) - from && x.get(x.size() - 1 - suffix).equals(y.get(y.size() - 1 - suffix))) suffix++;
            assertEquals(suffix, arrays.get(a).commonSuffix(arrays.get(b), from, Integer::equals), "versions " + a + " and " + b + " from " + from);
        }
        // the comparisons made versions hold each other's equal chunks: every version still reads as its list
        for (int k = 0; k < models.size(); k++) assertSame(models.get(k), arrays.get(k));
    }

    /**
     * A line typed and undone leaves a copy of its chunk: the first comparison with the version before reads it,
     * element by element; after that the two versions, and those made later from the newer one, share it, and
     * comparing them reads nothing (a keystroke's comparison with the last analysed version costs the chunks the
     * edits since touched, not the whole file).
     */
    @Test
    void aChunkFoundEqualIsSharedAndNotReadAgain() {
        Object[] elements = new Object[10_000];
        for (int i = 0; i < elements.length; i++) elements[i] = "line " + i;
        SharedArray<String> analysed = SharedArray.of(elements);
        SharedArray<String> undone = analysed;
        for (int line = 500; line < 10_000; line += 1_000) {
            undone = undone.replace(line, line, new Object[] {"e"}).replace(line, line + 1, new Object[0]);
        }
        int[] reads = new int[1];
        SharedArray.Same<String> counting = (a, b) -> {
            reads[0]++;
            return a.equals(b);
        };
        assertEquals(10_000, analysed.commonPrefix(undone, counting));
        assertTrue(reads[0] >= 9_000, "the first comparison reads the copied chunks: " + reads[0]);
        reads[0] = 0;
        SharedArray<String> typed = undone.replace(7_000, 7_000, new Object[] {"x"});
        assertEquals(7_000, analysed.commonPrefix(typed, counting));
        assertEquals(3_000, analysed.commonSuffix(typed, 7_000, counting));
        assertTrue(reads[0] <= 2 * SharedArray.CHUNK, "later comparisons read only the chunk typed in: " + reads[0]);
        for (int i = 0; i < 10_000; i++) assertEquals("line " + i, undone.get(i));
    }

    private static void assertSame(List<Integer> expected, SharedArray<Integer> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "element " + i);
    }
}
