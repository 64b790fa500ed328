package eyn.machine;

/** An operation refused with the error line EYN-OS prints for it (e.g. "Error: Invalid file descriptor: 3"). */
public final class MachineError extends Exception {
    public MachineError(String message) {
        super(message);
    }
}
