package eyn.language;

import java.util.Arrays;

/**
 * Where the lines of an earlier version of a script are now: the map from line numbers as an
 * earlier analysis recorded them (the line an fd was opened or closed on) to this version's. An
 * analysis of a new version reuses the flow states of the lines after an edit without copying them
 * (see the analyzer's incremental analysis; the parse's block links are moved the same way); what those states say about lines is translated
 * through this map when someone reads them.
 *
 * <p>A step function: from each {@code start} on, lines move by {@code delta}. What it does to lines
 * an edit removed does not matter: a reused state never refers to one (the incremental analysis
 * reuses a state only when it equals the new version's, with removed lines counting as different),
 * which is what lets an edit and its undo compose back to no shift at all.
 */
public final class LineShift {
    public static final LineShift NONE = new LineShift(new int[0], new int[0]);
    /** More steps than this and a state is translated once, eagerly, instead of each time it is read. */
    public static final int MAX_STEPS = 16;

    /** Ascending; {@code deltas[k]} applies from {@code starts[k]} up to the next start. Lines before the first do not move. */
    private final int[] starts;
    private final int[] deltas;

    private LineShift(int[] starts, int[] deltas) {
        this.starts = starts;
        this.deltas = deltas;
    }

    /** One edit that replaced lines up to {@code oldEnd} (exclusive): the lines from {@code oldEnd} on move by {@code delta}. */
    public static LineShift edit(int oldEnd, int delta) {
        return delta == 0 ? NONE : new LineShift(new int[] {oldEnd}, new int[] {delta});
    }

    /** Several edits at once: lines from {@code starts[k]} (ascending) on move by {@code deltas[k]}, up to the next start. */
    public static LineShift steps(int[] starts, int[] deltas) {
        int[] outStarts = new int[starts.length];
        int[] outDeltas = new int[starts.length];
        int m = 0;
        int current = 0;
        for (int k = 0; k < starts.length; k++) {
            if (deltas[k] == current) continue;
            outStarts[m] = starts[k];
            outDeltas[m++] = deltas[k];
            current = deltas[k];
        }
        return m == 0 ? NONE : new LineShift(Arrays.copyOf(outStarts, m), Arrays.copyOf(outDeltas, m));
    }

    /** Whether no line moves. */
    public boolean identity() {
        return starts.length == 0;
    }

    public int steps() {
        return starts.length;
    }

    /** Where line {@code line} of the earlier version is now. */
    public int apply(int line) {
        return line + deltaAt(line);
    }

    private int deltaAt(int line) {
        int k = Arrays.binarySearch(starts, line);
        if (k < 0) k = -k - 2;
        return k < 0 ? 0 : deltas[k];
    }

    /** This map, then {@code next} applied to its results. */
    public LineShift then(LineShift next) {
        if (next.identity()) return this;
        if (identity()) return next;
        // the composition changes where this map does, and where this map's image crosses a start of next
        int[] points = new int[starts.length + (starts.length + 1) * next.starts.length];
        int n = 0;
        for (int x : starts) points[n++] = x;
        for (int k = -1; k < starts.length; k++) {
            int d = k < 0 ? 0 : deltas[k];
            long lo = k < 0 ? Long.MIN_VALUE : starts[k];
            long hi = k + 1 < starts.length ? starts[k + 1] : Long.MAX_VALUE;
            for (int b : next.starts) {
                long x = (long) b - d; // the first line of this piece whose image reaches b
                if (x > lo && x < hi) points[n++] = (int) x;
            }
        }
        int[] sorted = Arrays.copyOf(points, n);
        Arrays.sort(sorted);
        int[] outStarts = new int[n];
        int[] outDeltas = new int[n];
        int m = 0;
        int current = 0;
        for (int x : sorted) {
            int d = deltaAt(x);
            int total = d + next.deltaAt(x + d);
            if (total == current) continue;
            outStarts[m] = x;
            outDeltas[m++] = total;
            current = total;
        }
        return m == 0 ? NONE : new LineShift(Arrays.copyOf(outStarts, m), Arrays.copyOf(outDeltas, m));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("LineShift[");
        for (int k = 0; k < starts.length; k++) b.append(k == 0 ? "" : ", ").append(starts[k]).append(deltas[k] < 0 ? "" : "+").append(deltas[k]);
        return b.append(']').toString();
    }
}
