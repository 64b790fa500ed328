package eyn.interpreter;

/**
 * An open block of the 2026 engine as a debugger shows it: {@code kind} "if" or "while", whether its
 * body is executing, whether a branch was taken (if), the line that opened it (0-based), and which
 * pass of a while this is.
 */
public record EngineBlock(String kind, boolean executing, boolean taken, int line, long iteration) {}
