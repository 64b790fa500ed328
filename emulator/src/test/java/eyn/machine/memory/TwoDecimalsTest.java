package eyn.machine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The predictor's score is shown as the Formatter's "%.2f" would show it, without the Formatter. */
class TwoDecimalsTest {
    private static void same(double x) {
        assertEquals(String.format(Locale.ROOT, "%.2f", x), Predictor.twoDecimals(x), "x = " + x);
    }

    @Test
    void everyScoreThePredictorCanReachReadsAsTheFormatterWritesIt() {
        // the score is (sizes / window + addresses / 16) / 2 (Predictor.analyse)
        for (int window : new int[] {8, 16, 32, 64}) {
            for (int sizes = 0; sizes <= window; sizes++) {
                for (int addresses = 0; addresses <= 16; addresses++) same(((double) sizes / window + (double) addresses / 16) / 2);
            }
        }
    }

    @Test
    void halvesRoundUpOnTheShortestDecimalFormAsTheFormatterRoundsThem() {
        for (double x : new double[] {0.005, 0.015, 0.125, 1.005, 2.675, 0.995, 9.995, 99.995, 1e-9, 0.0, -0.0, -0.001, -0.005, -1.005,
                123456789.125, 1e20, 4.35, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            same(x);
        }
    }

    @Test
    void randomValuesReadAsTheFormatterWritesThem() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            same(random.nextDouble() * 2 - 0.5);
            same(Math.round(random.nextDouble() * 100_000) / 1000.0);
            same(Double.longBitsToDouble(random.nextLong()));
        }
    }
}
