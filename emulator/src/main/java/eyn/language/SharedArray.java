package eyn.language;

import java.util.Arrays;

/**
 * An immutable array kept in chunks that its later versions share: {@link #replace} makes a new
 * version that copies only the chunks around the replaced range and the short chunk directory, so a
 * keystroke in a 200,000-line script costs a few thousand references instead of arrays the length of
 * the file (which the collector then copies and promotes with every version). Every chunk holds
 * between {@link #CHUNK}/2 and {@link #CHUNK} elements (only a whole array shorter than that has a
 * smaller one), so the directory stays under 2n/CHUNK + 1 entries however many edits came before.
 */
final class SharedArray<T> {
    static final int CHUNK = 1024;

    private final Object[][] chunks;
    /** starts[k] is the index of chunk k's first element; starts[chunks.length] is the size. */
    private final int[] starts;
    /** The chunk of the last lookup: sequential reads find theirs without a search (a racy hint, checked before use). */
    private int hint;

    private SharedArray(Object[][] chunks, int[] starts) {
        this.chunks = chunks;
        this.starts = starts;
    }

    static <T> SharedArray<T> of(Object[] elements) {
        return new SharedArray<T>(new Object[0][], new int[] {0}).replace(0, 0, elements);
    }

    int size() {
        return starts[chunks.length];
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        int k = chunkOf(index);
        return (T) chunks[k][index - starts[k]];
    }

    /** How many elements from the start pass the test (it stops at the first that fails), read a chunk at a time. */
    @SuppressWarnings("unchecked")
    int leading(Test<T> test) {
        return leading(0, test);
    }

    /** The same, taking the first {@code known} elements as passing without reading them. */
    @SuppressWarnings("unchecked")
    int leading(int known, Test<T> test) {
        if (known >= size()) return size();
        for (int k = chunkOf(Math.max(0, known)); k < chunks.length; k++) {
            Object[] c = chunks[k];
            for (int j = Math.max(0, known - starts[k]); j < c.length; j++) if (!test.test(starts[k] + j, (T) c[j])) return starts[k] + j;
        }
        return size();
    }

    /** How many elements from the end pass the test (it stops at the first that fails), read a chunk at a time. */
    @SuppressWarnings("unchecked")
    int trailing(Test<T> test) {
        return trailing(0, test);
    }

    /** The same, taking the last {@code known} elements as passing without reading them. */
    @SuppressWarnings("unchecked")
    int trailing(int known, Test<T> test) {
        int last = size() - 1 - Math.max(0, known);
        if (last < 0) return size();
        for (int k = chunkOf(last); k >= 0; k--) {
            Object[] c = chunks[k];
            for (int j = Math.min(c.length - 1, last - starts[k]); j >= 0; j--) {
                if (!test.test(starts[k] + j, (T) c[j])) return size() - 1 - (starts[k] + j);
            }
        }
        return size();
    }

    /**
     * How many elements from the start the two versions have equal (by {@code same}), skipping the chunks they
     * share at the same place without reading them: what a replacement left untouched before it.
     * A chunk of {@code other} found equal, element for element, to this one's at the same place and of the same
     * length is replaced by this one's (see {@link #adopt}), so {@code same} must mean interchangeable.
     */
    @SuppressWarnings("unchecked")
    int commonPrefix(SharedArray<T> other, Same<T> same) {
        int limit = Math.min(size(), other.size());
        int i = 0;
        while (i < limit) {
            int k = chunkOf(i);
            int ko = other.chunkOf(i);
            int end = Math.min(starts[k + 1], other.starts[ko + 1]);
            boolean aligned = starts[k] == other.starts[ko] && end == starts[k + 1] && end == other.starts[ko + 1];
            if (aligned && chunks[k] == other.chunks[ko]) {
                i = Math.min(end, limit); // a shared chunk: the same elements
                continue;
            }
            int chunkStart = i;
            for (end = Math.min(end, limit); i < end; i++) {
                if (!same.same((T) chunks[k][i - starts[k]], (T) other.chunks[ko][i - other.starts[ko]])) return i;
            }
            if (aligned && chunkStart == starts[k] && end == starts[k + 1]) adopt(other, ko, k);
        }
        return limit;
    }

    /**
     * How many elements from the end the two versions have equal, not counting any before {@code from} in either,
     * skipping the chunks they share at the same distance from the end: what a replacement left untouched after it.
     * Equal chunks at the same distance from the end are adopted as in {@link #commonPrefix}.
     */
    @SuppressWarnings("unchecked")
    int commonSuffix(SharedArray<T> other, int from, Same<T> same) {
        int limit = Math.min(size(), other.size()) - from;
        int n = 0;
        while (n < limit) {
            int i = size() - 1 - n;
            int io = other.size() - 1 - n;
            int k = chunkOf(i);
            int ko = other.chunkOf(io);
            // elements [n, n + run) from the end lie in these two chunks
            int run = Math.min(i - starts[k], io - other.starts[ko]) + 1;
            boolean aligned = size() - starts[k + 1] == other.size() - other.starts[ko + 1]
                    && i - starts[k] == io - other.starts[ko] && starts[k + 1] - starts[k] == other.starts[ko + 1] - other.starts[ko];
            if (aligned && chunks[k] == other.chunks[ko]) {
                n = Math.min(n + run, limit);
                continue;
            }
            boolean whole = aligned && i == starts[k + 1] - 1 && n + run <= limit;
            for (int stop = Math.min(n + run, limit); n < stop; n++) {
                if (!same.same((T) chunks[k][size() - 1 - n - starts[k]], (T) other.chunks[ko][other.size() - 1 - n - other.starts[ko]])) return n;
            }
            if (whole) adopt(other, ko, k);
        }
        return Math.max(0, limit);
    }

    /**
     * Lets {@code other} hold this version's chunk {@code k} in place of its own chunk {@code ko}, which has the
     * same elements: the next comparison of the two (and of the versions later made from {@code other}, which
     * share its chunks) skips it without reading it. Without this, a line typed and undone left a copy of its
     * chunk that every later keystroke's comparison with the last analysed version read again, element by
     * element, until every chunk was such a copy and each keystroke read the whole file twice. Nothing can tell
     * the difference (the elements are interchangeable by the caller's {@code same}), so the write is a benign
     * race: a reader on another thread sees either array, and both hold the same elements.
     */
    private void adopt(SharedArray<T> other, int ko, int k) {
        other.chunks[ko] = chunks[k];
    }

    interface Same<T> {
        boolean same(T a, T b);
    }

    interface Test<T> {
        boolean test(int index, T element);
    }

    private int chunkOf(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("index " + index + " of " + size());
        int k = hint;
        if (k < chunks.length && starts[k] <= index && index < starts[k + 1]) return k;
        if (k + 1 < chunks.length && starts[k + 1] <= index && index < starts[k + 2]) return hint = k + 1;
        if (k > 0 && k <= chunks.length && starts[k - 1] <= index && index < starts[k]) return hint = k - 1;
        int found = Arrays.binarySearch(starts, 0, chunks.length, index);
        k = found >= 0 ? found : -found - 2;
        hint = k;
        return k;
    }

    /** A new version with elements [from, to) replaced by {@code inserted}; this one is unchanged. */
    SharedArray<T> replace(int from, int to, Object[] inserted) {
        int n = chunks.length;
        int size = size();
        if (from < 0 || to < from || to > size) throw new IndexOutOfBoundsException(from + ".." + to + " of " + size);
        // the chunks to rebuild: those the range touches (or the one it is inserted into), never leaving a small piece on its own
        int first = 0;
        int last = -1;
        if (n > 0) {
            int a = Math.min(from, size - 1);
            first = chunkOf(a);
            last = chunkOf(to > from ? to - 1 : a);
            if (starts[last + 1] - starts[first] - (to - from) + inserted.length < CHUNK / 2) {
                if (last + 1 < n) last++;
                else if (first > 0) first--;
            }
        }
        int regionStart = n > 0 ? starts[first] : 0;
        int regionEnd = n > 0 ? starts[last + 1] : 0;
        int length = regionEnd - regionStart - (to - from) + inserted.length;
        Object[] region = new Object[length];
        copyOut(regionStart, from, region, 0);
        System.arraycopy(inserted, 0, region, from - regionStart, inserted.length);
        copyOut(to, regionEnd, region, from - regionStart + inserted.length);

        int pieces = (length + CHUNK - 1) / CHUNK;
        int after = n - (last + 1);
        Object[][] newChunks = new Object[first + pieces + after][];
        int[] newStarts = new int[newChunks.length + 1];
        System.arraycopy(chunks, 0, newChunks, 0, first);
        System.arraycopy(starts, 0, newStarts, 0, first);
        for (int p = 0, offset = 0; p < pieces; p++) {
            int piece = (length - offset) / (pieces - p); // even pieces: none smaller than half a chunk
            newChunks[first + p] = pieces == 1 ? region : Arrays.copyOfRange(region, offset, offset + piece);
            newStarts[first + p] = regionStart + offset;
            offset += piece;
        }
        int shift = inserted.length - (to - from);
        for (int k = 0; k < after; k++) {
            newChunks[first + pieces + k] = chunks[last + 1 + k];
            newStarts[first + pieces + k] = starts[last + 1 + k] + shift;
        }
        newStarts[newChunks.length] = size + shift;
        return new SharedArray<>(newChunks, newStarts);
    }

    /** Copies this version's elements [start, end) into {@code dest} at {@code at}, a chunk at a time. */
    private void copyOut(int start, int end, Object[] dest, int at) {
        while (start < end) {
            int k = chunkOf(start);
            int count = Math.min(end, starts[k + 1]) - start;
            System.arraycopy(chunks[k], start - starts[k], dest, at, count);
            start += count;
            at += count;
        }
    }
}
