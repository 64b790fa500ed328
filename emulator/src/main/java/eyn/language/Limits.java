package eyn.language;

/** The script engine's limits, from the EYN-OS reference (section 5.9). */
public final class Limits {
    private Limits() {}

    public static final int PHYSICAL_LINE = 511;
    public static final int COMMAND_LINE = 200;
    /** The characters of a line typed at the prompt that the shell keeps. */
    public static final int TYPED_LINE = 199;
    public static final int VARIABLES = 16;
    public static final int NAME = 31;
    public static final int SET_VALUE_INPUT = 159;
    public static final int STORED_VALUE = 127;
    public static final int CAPTURE = 199;
    public static final int SUBSTITUTION_TEXT = 199;
    public static final int EXPANDED_LINE = 511;
    public static final int LOOP_COUNT_TEXT = 63;
    public static final int IF_NESTING = 16;
    public static final int LOOP_NESTING = 8;
    public static final int RUN_NESTING = 8;
}
