package eyn.language;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two versions of a script differ in, as separate regions: a keystroke and the undo of an
 * earlier one far away are two one-line regions, not one region spanning every line between them (which
 * an analysis continuing the earlier version would then go through again). Found with Myers' greedy
 * diff over the physical lines (compared mostly by identity: an editor keeps an unchanged line's very
 * string), between the common prefix and suffix, for a few edits only: past {@code maxEdits} lines
 * inserted or removed the whole middle is one region.
 */
public final class LineDiff {
    /** One changed region: lines [oldStart, oldEnd) of the earlier version are lines [newStart, newEnd) now. */
    public record Region(int oldStart, int oldEnd, int newStart, int newEnd) {}

    private LineDiff() {}

    /** The regions in which {@code now} differs from {@code old}, in line order (none when they are the same lines). */
    public static List<Region> of(Script old, Script now, int maxEdits) {
        int first = Script.firstDifference(old, now);
        int common = Script.commonSuffix(old, now, first);
        int oldEnd = old.size() - common;
        int newEnd = now.size() - common;
        if (first == oldEnd && first == newEnd) return List.of();
        Region whole = new Region(first, oldEnd, first, newEnd);
        if (first == oldEnd || first == newEnd) return List.of(whole); // only inserted, or only removed, lines
        List<Region> regions = middle(old, now, first, oldEnd - first, newEnd - first, maxEdits);
        return regions == null ? List.of(whole) : regions;
    }

    /**
     * Myers' forward search over old[at, at+n) and now[at, at+m), keeping each round's furthest points to walk
     * the path back; null when it needs more than {@code maxEdits} edits.
     */
    private static List<Region> middle(Script old, Script now, int at, int n, int m, int maxEdits) {
        int max = Math.min(maxEdits, n + m);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && Script.sameText(old.source(at + x), now.source(at + y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) return regions(trace, offset, n, m, d, at);
            }
        }
        return null;
    }

    /** Walks the path back from (n, m) and groups adjacent edits into regions. */
    private static List<Region> regions(List<int[]> trace, int offset, int n, int m, int edits, int at) {
        // each edit as (x, y, removed?): a removal takes old line x, an insertion new line y
        int[][] moves = new int[edits][];
        int x = n;
        int y = m;
        for (int d = edits; d > 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            int previousX = v[offset + previousK];
            int previousY = previousX - previousK;
            boolean removal = previousK == k - 1;
            moves[d - 1] = new int[] {previousX, previousY, removal ? 1 : 0};
            x = previousX;
            y = previousY;
        }
        List<Region> out = new ArrayList<>();
        int k = 0;
        while (k < edits) {
            int oldStart = moves[k][0];
            int newStart = moves[k][1];
            int oldStop = oldStart;
            int newStop = newStart;
            // adjacent edits: each starts where the one before ended
            while (k < edits && moves[k][0] == oldStop && moves[k][1] == newStop) {
                if (moves[k][2] == 1) oldStop++;
                else newStop++;
                k++;
            }
            out.add(new Region(at + oldStart, at + oldStop, at + newStart, at + newStop));
        }
        return out;
    }
}
