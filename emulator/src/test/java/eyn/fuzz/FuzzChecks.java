package eyn.fuzz;

import java.nio.charset.StandardCharsets;

/** Small helpers shared by the fuzz targets. */
final class FuzzChecks {
    private FuzzChecks() {}

    /** Fails the fuzz input with an {@link AssertionError}, which Jazzer reports as a finding. */
    static void check(boolean condition, String message) {
        if (!condition) throw new AssertionError(message);
    }

    /** Input bytes as text, decoded the way {@code run} decodes script files. */
    static String utf8(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
