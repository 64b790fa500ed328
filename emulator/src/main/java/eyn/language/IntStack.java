package eyn.language;

import java.util.Arrays;

/** A stack of ints without boxing (block matching pushes one per open block on every parse). */
final class IntStack {
    private int[] items = new int[16];
    private int size;

    void push(int value) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = value;
    }

    int pop() {
        return items[--size];
    }

    /** The top, or -1 when empty. */
    int peek() {
        return size == 0 ? -1 : items[size - 1];
    }

    void setTop(int value) {
        items[size - 1] = value;
    }

    int size() {
        return size;
    }

    /** The k-th item from the top (0 = the top). */
    int fromTop(int k) {
        return items[size - 1 - k];
    }
}
