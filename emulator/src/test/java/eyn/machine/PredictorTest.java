package eyn.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.memory.Heap;
import eyn.machine.memory.Predictor;
import org.junit.jupiter.api.Test;

class PredictorTest {
    @Test
    void sizeClassesFollowTheReference() {
        assertEquals(0, Predictor.sizeClass(1));
        assertEquals(0, Predictor.sizeClass(16));
        assertEquals(1, Predictor.sizeClass(17));
        assertEquals(8, Predictor.sizeClass(4096));
        assertEquals(((4097 >> 8) % 55) + 9, Predictor.sizeClass(4097));
    }

    @Test
    void aFreedBlockIsReusedForTheNextRequestThatFits() {
        Predictor p = new Predictor(new Heap(64 * 1024));
        int a = p.allocate(100);
        p.free(a);
        assertEquals(a, p.allocate(80), "a cached block of >= the size is a hit");
        assertEquals(1, p.hits());
        assertEquals(1, p.misses());
        int b = p.allocate(200);
        assertTrue(b != a);
        assertEquals(2, p.misses());
    }

    @Test
    void aRepeatedWorkloadClimbsPastTheSeventyPercentTarget() {
        Predictor p = new Predictor(new Heap(64 * 1024));
        for (int i = 0; i < 50; i++) {
            int a = p.allocate(64);
            int b = p.allocate(512);
            p.free(b);
            p.free(a);
        }
        assertTrue(p.hitRatePercent() > 70, "hit rate " + p.hitRatePercent());
        assertEquals(100, p.totalAccesses());
    }

    @Test
    void scoreNeedsTenAccessesAndPrefetchReservesCommonSizes() {
        Heap heap = new Heap(256 * 1024);
        Predictor p = new Predictor(heap);
        int[] held = new int[9];
        for (int i = 0; i < 9; i++) held[i] = p.allocate(48);
        assertEquals(0.0, p.score(), "no score before 10 accesses");
        int[] more = new int[70];
        for (int i = 0; i < 70; i++) more[i] = p.allocate(48);
        assertTrue(p.score() > Predictor.PREFETCH_THRESHOLD, "score " + p.score());
        for (int a : held) p.free(a);
        for (int a : more) p.free(a);
        Predictor.Optimization o = p.optimize();
        assertTrue(o.score() > Predictor.PREFETCH_THRESHOLD);
    }

    @Test
    void aPoorHitRateDropsTheCache() {
        Heap heap = new Heap(256 * 1024);
        Predictor p = new Predictor(heap);
        for (int i = 1; i <= 12; i++) p.free(p.allocate(i * 100));
        assertTrue(p.cachedSlots() > 0);
        Predictor.Optimization o = p.optimize();
        assertTrue(p.hitRate() < Predictor.LOW_HIT_RATE);
        assertTrue(o.dropped() > 0);
        assertEquals(0, p.cachedSlots());
    }

    @Test
    void resetClearsStatisticsAndInitAlsoReleasesTheCache() {
        Heap heap = new Heap(64 * 1024);
        Predictor p = new Predictor(heap);
        p.free(p.allocate(32));
        p.allocate(32);
        p.reset();
        assertEquals(0, p.hits() + p.misses() + p.totalAccesses());
        p.init();
        assertEquals(0, p.cachedSlots());
    }
}
