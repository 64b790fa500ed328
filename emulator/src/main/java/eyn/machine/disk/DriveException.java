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

    /** The failure of an operation that would take the machine past its host memory budget. */
    public static DriveException outOfHostMemory(String path, eyn.machine.memory.MemoryBudget budget) {
        return new DriveException(Kind.OUT_OF_MEMORY, path, "out of host memory (budget "
                + eyn.machine.memory.MemoryBudget.describe(budget.limit()) + ")");
    }

    /** Asks a budget (null: none) before holding {@code bytes} more for {@code path}. */
    public static void reserve(eyn.machine.memory.MemoryBudget budget, String path, long bytes) throws DriveException {
        if (budget != null && !budget.fits(bytes)) throw outOfHostMemory(path, budget);
    }

    public Kind kind() { return kind; }
    public String path() { return path; }
}
