package eyn.analysis.ide;

/** A range on one line: 0-based line, columns [start, end) in UTF-16 code units (Java chars). */
public record Span(int line, int start, int end) {
    public boolean contains(int column) {
        return column >= start && column <= end;
    }
}
