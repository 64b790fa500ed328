package eyn.analysis.ide;

/** Replace the text from (line, start) to (endLine, end) with {@code text}. */
public record Edit(int line, int start, int endLine, int end, String text) {
    public static Edit replace(Span span, String text) {
        return new Edit(span.line(), span.start(), span.line(), span.end(), text);
    }

    public static Edit insert(int line, int column, String text) {
        return new Edit(line, column, line, column, text);
    }
}
