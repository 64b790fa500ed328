package eyn.machine.disk;

/** A file-system operation that could not be done; {@link Kind} tells commands which message to print. */
public final class DriveException extends Exception {
    public enum Kind { NOT_FOUND, NOT_A_FILE, NOT_A_DIRECTORY, EXISTS, NOT_EMPTY, BAD_NAME, TOO_LARGE, IO, OUT_OF_MEMORY }

    private final Kind kind;
    private final String path;

    public DriveException(Kind kind, String path, String detail) {
        super(detail);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() { return kind; }
    public String path() { return path; }
}
