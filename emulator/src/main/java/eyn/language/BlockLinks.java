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
    /**
     * Where the lines the arrays name are now: the arrays are shared with the earlier parse that matched
     * them when no edit since touched a block line (see {@link #movedBy}); identity for links matched here.
     */
    private final LineShift moved;

    /** The links of no lines: what a first parse continues. */
    static final BlockLinks NONE = new BlockLinks(0, new int[0], new LineKind[0], new int[0], new int[0], new int[0], LineShift.NONE);

    private BlockLinks(int lines, int[] at, LineKind[] kinds, int[] nextBranch, int[] end, int[] opener, LineShift moved) {
        this.lines = lines;
        this.at = at;
        this.kinds = kinds;
        this.nextBranch = nextBranch;
        this.end = end;
        this.opener = opener;
        this.moved = moved;
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
        for (int s = 0; s < before; s++) at[s] = earlier.line(s);
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
            at[k] = earlier.line(e) + delta;
            kinds[k] = earlier.kinds[e];
        }
        nextBranch = filled(count);
        end = filled(count);
        opener = filled(count);
        moved = LineShift.NONE;
    }

    /**
     * Whether an edit that replaced lines [prefix, earlierSuffixStart) of the parse these links belong to with
     * {@code fresh} (ScriptLines) left every block line as it was: no block line among the replaced or the fresh.
     */
    boolean untouchedBy(int prefix, int earlierSuffixStart, Object[] fresh) {
        if (firstSlotAtOrAfter(prefix) != firstSlotAtOrAfter(earlierSuffixStart)) return false;
        for (Object line : fresh) if (isBlockLine(((ScriptLine) line).kind())) return false;
        return true;
    }

    /**
     * These links after an edit {@link #untouchedBy} which lines from {@code earlierSuffixStart} on moved by
     * {@code delta}: the same arrays read through the composed move (a keystroke then costs no array the
     * length of the script's blocks, and an edit and its undo compose back to none); copied once the move has
     * more than {@link LineShift#MAX_STEPS} steps, so that reads stay cheap.
     */
    BlockLinks movedBy(int earlierSuffixStart, int delta, int size) {
        LineShift now = moved.then(LineShift.edit(earlierSuffixStart, delta));
        if (now.steps() <= LineShift.MAX_STEPS) return new BlockLinks(size, at, kinds, nextBranch, end, opener, now);
        int count = at.length;
        int[] a = new int[count];
        int[] b = new int[count];
        int[] e = new int[count];
        int[] o = new int[count];
        for (int s = 0; s < count; s++) {
            a[s] = now.apply(at[s]);
            b[s] = movedLink(now, nextBranch[s]);
            e[s] = movedLink(now, end[s]);
            o[s] = movedLink(now, opener[s]);
        }
        return new BlockLinks(size, a, kinds, b, e, o, LineShift.NONE);
    }

    private static int movedLink(LineShift shift, int link) {
        return link < 0 ? link : shift.apply(link);
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
    int line(int slot) { return moved.apply(at[slot]); }
    LineKind kind(int slot) { return kinds[slot]; }
    int nextBranchAt(int slot) { return movedLink(moved, nextBranch[slot]); }
    // the setters are for the matcher, which fills links made by the constructor (not moved)
    void setNextBranchAt(int slot, int line) { nextBranch[slot] = line; }
    void setEndAt(int slot, int line) { end[slot] = line; }
    void setOpenerAt(int slot, int line) { opener[slot] = line; }

    /** The slot of a block line (negative for other lines). */
    int slot(int line) {
        if (moved.identity()) return Arrays.binarySearch(at, line);
        // the moved block lines ascend as the stored ones do: no edit they went through touched one
        int lo = 0;
        int hi = at.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int l = moved.apply(at[mid]);
            if (l < line) lo = mid + 1;
            else if (l > line) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    // ---- by line, for readers of the script ------------------------------------------------------

    int nextBranch(int line) { return get(nextBranch, slot(line)); }
    int end(int line) { return get(end, slot(line)); }
    int opener(int line) { return get(opener, slot(line)); }

    private int get(int[] links, int slot) {
        return slot >= 0 ? movedLink(moved, links[slot]) : -1;
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
            if (line(mine) != earlier.line(theirs) + delta || kinds[mine] != earlier.kinds[theirs]) return false;
            if (!sameLink(movedLink(moved, nextBranch[mine]), movedLink(earlier.moved, earlier.nextBranch[theirs]), from, to, delta)
                    || !sameLink(movedLink(moved, end[mine]), movedLink(earlier.moved, earlier.end[theirs]), from, to, delta)
                    || !sameLink(movedLink(moved, opener[mine]), movedLink(earlier.moved, earlier.opener[theirs]), from, to, delta)) {
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
