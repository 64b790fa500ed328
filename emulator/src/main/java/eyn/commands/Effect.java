package eyn.commands;

/**
 * What a step did, as data rather than text: the debugger, the dry run and the language server read
 * these instead of parsing messages (which differ between OS generations and fidelity modes).
 */
public sealed interface Effect {
    /** A command failed: its name and the reason it printed (its last error line), or what went wrong. */
    record Failed(String command, String reason) implements Effect {}

    /** A zero-copy fd was opened on a file (absolute path) in a mode ("r", "w", "rw"). */
    record FdOpened(int fd, String path, String mode) implements Effect {}

    record FdClosed(int fd) implements Effect {}

    /** A file (absolute path) was mapped at an address. */
    record Mapped(long address, String path, boolean readOnly) implements Effect {}

    record Unmapped(long address) implements Effect {}

    /** msync/munmap met an address: {@code problem} is "not mapped" or "read-only". */
    record MappingProblem(long address, String problem) implements Effect {}

    /** A script's frame ended: {@code how} is "end", "exit", "aborted" or "halted". */
    record ScriptEnded(String path, String how) implements Effect {}
}
