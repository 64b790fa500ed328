package eyn.analysis.ide;

/**
 * One completion proposal. {@code insertText} is a snippet (with {@code ${1:...}} placeholders)
 * when {@code snippet} is set; {@code replace} is the text it replaces.
 */
public record CompletionEntry(String label, Kind kind, String detail, String documentation, String insertText,
                              boolean snippet, Span replace, String sortText) {
    public enum Kind { COMMAND, KEYWORD, SNIPPET, VARIABLE, VALUE, FILE, FOLDER, FD, ADDRESS, DIRECTIVE }
}
