package eyn.commands;

import java.util.List;

/** Checked argument values by position: Long for numbers, fds, counts and addresses, else the enum or String. */
public final class Args {
    private final List<Object> values;

    Args(List<Object> values) {
        this.values = values;
    }

    /** No checked arguments: for programs that parse their own argv. */
    public static Args none() {
        return new Args(List.of());
    }

    public int size() { return values.size(); }
    public boolean has(int i) { return i < values.size() && values.get(i) != null; }
    public Object get(int i) { return has(i) ? values.get(i) : null; }
    public long number(int i) { return (Long) values.get(i); }
    public String text(int i) { return has(i) ? values.get(i).toString() : null; }

    @SuppressWarnings("unchecked")
    public <T> T as(int i, Class<T> type) {
        return has(i) ? (T) values.get(i) : null;
    }

    public List<Object> all() {
        return values;
    }
}
