package eyn.language;

import java.util.Arrays;

/**
 * Block links, filled by a dialect's block matcher. {@code nextBranch} of an opener or branch is the
 * next {@code elif}/{@code else} of the same if (-1 when none); {@code end} of an opener (or D3
 * branch) is its closer (the script's size when never closed); {@code opener} of a branch or closer
 * is the line it belongs to (-1 when stray). Links are line indexes.
 *
 * <p>Kept for block lines only, in line order, by slot (the block line's position among them): a
 * parse made on every keystroke then allocates and matches in proportion to the script's blocks, not
 * to its length, and a matcher walks slots without looking lines up.
 */
final class BlockLinks {
    /** The script's size (the end of a block never closed). */
    final int lines;
    /** The block lines, ascending, and their kinds; the arrays below are indexed like them. */
    private final int[] at;
    private final LineKind[] kinds;
    private final int[] nextBranch;
    private final int[] end;
    private final int[] opener;

    /** The links of no lines: what a first parse continues. */
    static final BlockLinks NONE = new BlockLinks(new int[0], new LineKind[0]);

    private BlockLinks(int[] at, LineKind[] kinds) {
        this.lines = 0;
        this.at = at;
        this.kinds = kinds;
        nextBranch = end = opener = at;
    }

    /**
     * The block lines of a parse that took lines [0, prefix) and [earlierSuffixStart, end) from the parse
     * {@code earlier} was made for, with {@code fresh} (ScriptLines) in between: found from the earlier
     * block lines and the fresh lines only, without reading the other lines (links are matched again).
     * A first parse is all fresh lines after {@link #NONE}.
     */
    BlockLinks(BlockLinks earlier, int prefix, int earlierSuffixStart, Object[] fresh, int size) {
        lines = size;
        int before = earlier.firstSlotAtOrAfter(prefix);
        int after = earlier.firstSlotAtOrAfter(earlierSuffixStart);
        int freshCount = 0;
        for (Object line : fresh) if (isBlockLine(((ScriptLine) line).kind())) freshCount++;
        int count = before + freshCount + earlier.at.length - after;
        at = new int[count];
        kinds = new LineKind[count];
        System.arraycopy(earlier.at, 0, at, 0, before);
        System.arraycopy(earlier.kinds, 0, kinds, 0, before);
        int k = before;
        for (int j = 0; j < fresh.length; j++) {
            LineKind kind = ((ScriptLine) fresh[j]).kind();
            if (isBlockLine(kind)) {
                at[k] = prefix + j;
                kinds[k++] = kind;
            }
        }
        int delta = prefix + fresh.length - earlierSuffixStart;
        for (int e = after; e < earlier.at.length; e++, k++) {
            at[k] = earlier.at[e] + delta;
            kinds[k] = earlier.kinds[e];
        }
        nextBranch = filled(count);
        end = filled(count);
        opener = filled(count);
    }

    private static boolean isBlockLine(LineKind kind) {
        return kind.opensBlock() || kind.isBranch() || kind.closesBlock();
    }

    private static int[] filled(int count) {
        int[] a = new int[count];
        Arrays.fill(a, -1);
        return a;
    }

    // ---- by slot, for the block matchers -----------------------------------------------------

    /** How many block lines there are. */
    int count() { return at.length; }
    int line(int slot) { return at[slot]; }
    LineKind kind(int slot) { return kinds[slot]; }
    int nextBranchAt(int slot) { return nextBranch[slot]; }
    void setNextBranchAt(int slot, int line) { nextBranch[slot] = line; }
    void setEndAt(int slot, int line) { end[slot] = line; }
    void setOpenerAt(int slot, int line) { opener[slot] = line; }

    /** The slot of a block line (negative for other lines). */
    int slot(int line) {
        return Arrays.binarySearch(at, line);
    }

    // ---- by line, for readers of the script ------------------------------------------------------

    int nextBranch(int line) { return get(nextBranch, slot(line)); }
    int end(int line) { return get(end, slot(line)); }
    int opener(int line) { return get(opener, slot(line)); }

    private static int get(int[] links, int slot) {
        return slot >= 0 ? links[slot] : -1;
    }

    /**
     * Whether the links of the lines from {@code from} on are those of {@code earlier}'s lines from
     * {@code from - delta} on, moved by {@code delta}, with every link at or after {@code from}.
     */
    boolean sameFrom(BlockLinks earlier, int from, int delta) {
        return sameBetween(earlier, from, Integer.MAX_VALUE, delta);
    }

    /**
     * Whether the links of the lines [from, to) are those of {@code earlier}'s lines [from - delta, to - delta),
     * moved by {@code delta}, with every link at or after {@code from} (and before {@code to}).
     */
    boolean sameBetween(BlockLinks earlier, int from, int to, int delta) {
        int mine = firstSlotAtOrAfter(from);
        int theirs = earlier.firstSlotAtOrAfter(from - delta);
        int mineEnd = to == Integer.MAX_VALUE ? at.length : firstSlotAtOrAfter(to);
        int theirsEnd = to == Integer.MAX_VALUE ? earlier.at.length : earlier.firstSlotAtOrAfter(to - delta);
        if (mineEnd - mine != theirsEnd - theirs) return false;
        for (; mine < mineEnd; mine++, theirs++) {
            if (at[mine] != earlier.at[theirs] + delta || kinds[mine] != earlier.kinds[theirs]) return false;
            if (!sameLink(nextBranch[mine], earlier.nextBranch[theirs], from, to, delta)
                    || !sameLink(end[mine], earlier.end[theirs], from, to, delta)
                    || !sameLink(opener[mine], earlier.opener[theirs], from, to, delta)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameLink(int now, int before, int from, int to, int delta) {
        if (before < 0 || now < 0) return now == before;
        return now >= from && (now < to || to == Integer.MAX_VALUE) && now == before + delta;
    }

    private int firstSlotAtOrAfter(int line) {
        int s = slot(line);
        return s >= 0 ? s : -s - 1;
    }
}
