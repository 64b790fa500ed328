package eyn.commands;

/** What an argument slot holds; the checker, completion and hover read it. */
public enum ArgKind {
    /** A zero-copy fd: decimal digits. */
    FD,
    /** A byte count: decimal digits. */
    COUNT,
    /** A signed offset: optional '-' then digits. */
    OFFSET,
    /** zopen mode: r, w or rw. */
    MODE,
    /** zseek origin: set, cur or end. */
    WHENCE,
    /** A file or directory on the current drive. */
    PATH,
    /** A hexadecimal address, 0x optional. */
    ADDRESS,
    /** The rest of the line, verbatim. */
    TEXT,
    /** A signed decimal number. */
    NUMBER,
    /** One of a fixed set of words (subcommands, flags). */
    WORD,
    /** Any single word. */
    STRING
}
