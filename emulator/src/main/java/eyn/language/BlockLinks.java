package eyn.language;

import java.util.Arrays;

/**
 * Block links by line index, filled by a dialect's block matcher. {@code nextBranch} of an opener or
 * branch is the next {@code elif}/{@code else} of the same if (-1 when none); {@code end} of an
 * opener is its closer ({@code lines} when never closed); {@code opener} of a branch or closer is
 * the line it belongs to (-1 when stray).
 */
final class BlockLinks {
    final int[] nextBranch;
    final int[] end;
    final int[] opener;

    BlockLinks(int n) {
        nextBranch = new int[n];
        end = new int[n];
        opener = new int[n];
        Arrays.fill(nextBranch, -1);
        Arrays.fill(end, -1);
        Arrays.fill(opener, -1);
    }
}
