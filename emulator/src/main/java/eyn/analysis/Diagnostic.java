package eyn.analysis;

import eyn.language.Severity;

/**
 * A finding on a script: 0-based line, columns [start, end) in the raw line. {@code data} carries
 * what a quick fix needs (the suggested command name, the fd to close, the missing mode...), or null.
 */
public record Diagnostic(DiagnosticCode code, Severity severity, int line, int startColumn, int endColumn,
                         String message, String data) {

    @Override
    public String toString() {
        return (line + 1) + ":" + (startColumn + 1) + ": " + severity.name().toLowerCase() + ": " + message + " [" + code.code + "]";
    }
}
