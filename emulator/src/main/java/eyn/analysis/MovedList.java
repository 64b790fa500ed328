package eyn.analysis;

import eyn.language.LineShift;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * A line-ordered list of findings (occurrences, diagnostics) that an analysis shares with the earlier
 * analyses it continued: stretches of their arrays, each read through the {@link LineShift} that moves
 * their lines to this version's, and the items found anew. An item is moved when it is read, so a
 * continued analysis of a 200,000-line script keeps a few stretch references instead of a new object
 * for every finding after the edit (each of which the collector copied, and often promoted, while
 * the user typed). Past {@link #MAX_STRETCHES} stretches the list is copied into one, moved, so that
 * reading stays cheap. Immutable.
 */
final class MovedList<T> extends AbstractList<T> implements RandomAccess {
    /** An item with every line it names moved by {@code shift}. */
    interface Mover<T> {
        T moved(T item, LineShift shift);
    }

    static final int MAX_STRETCHES = 48;

    private final Object[][] arrays;
    private final int[] offsets;
    private final LineShift[] shifts;
    /** starts[k] is the index of stretch k's first item; starts[arrays.length] is the size. */
    private final int[] starts;
    private final Mover<T> mover;

    private MovedList(Object[][] arrays, int[] offsets, LineShift[] shifts, int[] starts, Mover<T> mover) {
        this.arrays = arrays;
        this.offsets = offsets;
        this.shifts = shifts;
        this.starts = starts;
        this.mover = mover;
    }

    @Override
    public int size() {
        return starts[arrays.length];
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException(index);
        int k = stretchOf(index);
        return item(k, index - starts[k]);
    }

    @SuppressWarnings("unchecked")
    private T item(int stretch, int at) {
        T item = (T) arrays[stretch][offsets[stretch] + at];
        return shifts[stretch].identity() ? item : mover.moved(item, shifts[stretch]);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int stretch;
            private int at;

            @Override
            public boolean hasNext() {
                return stretch < arrays.length;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                T item = item(stretch, at);
                if (++at == starts[stretch + 1] - starts[stretch]) {
                    stretch++;
                    at = 0;
                }
                return item;
            }
        };
    }

    /** Makes a list stretch by stretch, in line order. */
    static final class Builder<T> {
        private final Mover<T> mover;
        private final List<Object[]> arrays = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private final List<LineShift> shifts = new ArrayList<>();
        private final List<Object> fresh = new ArrayList<>();

        Builder(Mover<T> mover) {
            this.mover = mover;
        }

        /** An item found by this analysis, in this version's numbering. */
        void add(T item) {
            fresh.add(item);
        }

        /** Items [from, to) of an earlier analysis's list, with their lines moved by {@code shift}. */
        void addFrom(List<T> earlier, int from, int to, LineShift shift) {
            if (from >= to) return;
            flush();
            if (earlier instanceof MovedList<T> m) {
                for (int k = Math.max(0, m.stretchOf(from)); k < m.arrays.length && m.starts[k] < to; k++) {
                    int a = Math.max(from, m.starts[k]);
                    int b = Math.min(to, m.starts[k + 1]);
                    if (a < b) stretch(m.arrays[k], m.offsets[k] + a - m.starts[k], b - a, m.shifts[k].then(shift));
                }
            } else {
                stretch(earlier.subList(from, to).toArray(), 0, to - from, shift);
            }
        }

        private void flush() {
            if (fresh.isEmpty()) return;
            stretch(fresh.toArray(), 0, fresh.size(), LineShift.NONE);
            fresh.clear();
        }

        private void stretch(Object[] array, int offset, int length, LineShift shift) {
            arrays.add(array);
            offsets.add(offset);
            lengths.add(length);
            shifts.add(shift);
        }

        MovedList<T> build() {
            flush();
            int n = arrays.size();
            int[] starts = new int[n + 1];
            for (int k = 0; k < n; k++) starts[k + 1] = starts[k] + lengths.get(k);
            int[] offs = new int[n];
            for (int k = 0; k < n; k++) offs[k] = offsets.get(k);
            MovedList<T> list = new MovedList<>(arrays.toArray(new Object[0][]), offs, shifts.toArray(new LineShift[0]), starts, mover);
            boolean longShift = false;
            for (LineShift s : shifts) longShift |= s.steps() > LineShift.MAX_STEPS;
            if (n <= MAX_STRETCHES && !longShift) return list;
            // many stretches, or moves of many steps: copied once, moved, so that each read stays a short search
            return new MovedList<>(new Object[][] {list.toArray()}, new int[] {0}, new LineShift[] {LineShift.NONE},
                    new int[] {0, list.size()}, mover);
        }
    }

    /** The stretch holding item {@code index} (the last for the size): starts ascend strictly, no stretch being empty. */
    private int stretchOf(int index) {
        int k = Arrays.binarySearch(starts, 0, arrays.length, index);
        return k < 0 ? -k - 2 : k;
    }

    /** A list of fresh items (a first analysis's). */
    static <T> MovedList<T> of(List<T> items, Mover<T> mover) {
        Builder<T> b = new Builder<>(mover);
        for (T item : items) b.add(item);
        return b.build();
    }
}
