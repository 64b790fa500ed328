package eyn.debug;

/**
 * A request the debugger refuses, with the reason in words a user reads ("fd 3 is not open",
 * "No frame 4"). A protocol adapter turns it into an error response; it carries no stack trace.
 */
public final class Refusal extends RuntimeException {
    public Refusal(String message) {
        super(message, null, false, false);
    }
}
