package eyn.language;

/**
 * A problem found while parsing. Lines are 0-based, columns are 0-based character offsets in the
 * raw line, end exclusive. The code is stable so tools can key on it.
 */
public record SyntaxProblem(String code, Severity severity, int line, int startColumn, int endColumn, String message) {
    @Override
    public String toString() {
        return (line + 1) + ":" + (startColumn + 1) + ": " + severity.name().toLowerCase() + ": " + message + " [" + code + "]";
    }
}
