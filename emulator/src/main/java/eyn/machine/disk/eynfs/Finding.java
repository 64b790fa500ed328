package eyn.machine.disk.eynfs;

/** One thing the check found. Errors make a mount read-only; warnings and notes do not. */
public record Finding(Severity severity, String message) {
    public enum Severity { ERROR, WARNING, NOTE }

    @Override
    public String toString() {
        return severity.name().toLowerCase() + ": " + message;
    }
}
