package eyn.language;

/** The 2026 script engine's limits (2026 reference, section 2.14). */
public final class D3Limits {
    private D3Limits() {}

    public static final int SCRIPT_BYTES = 65536;
    public static final int LINES = 2048;
    public static final int EXPANDED_LINE = 511;
    public static final int VARIABLES = 64;
    public static final int NAME = 63;
    public static final int VALUE = 127;
    public static final int ARGUMENTS = 9;
    public static final int SUBSTITUTION_BODY = 511;
    public static final int CAPTURE = 1023;
    public static final int BLOCK_NESTING = 16;
    public static final int PATH = 127;
    public static final int OPERAND = 127;
    public static final int TOKENS = 32;
    public static final int TOKEN_BYTES = 512;
    public static final int ALIAS_RESULT = 255;
    public static final int ALIAS_ROUNDS = 4;
    /** The real OS has no limit (it overflows its kernel stack); the emulator stops here (reference 2.13). */
    public static final int SCRIPT_DEPTH = 8;
}
