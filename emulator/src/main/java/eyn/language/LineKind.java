package eyn.language;

/** What a physical script line is, decided the way EYN-OS's script engine decides it. */
public enum LineKind {
    BLANK, COMMENT, SET, IFEQ, IFNEQ, ELSE, ENDIF, LOOP, ENDLOOP, COMMAND;

    public boolean isDirective() {
        return this != BLANK && this != COMMENT && this != COMMAND;
    }

    public boolean opensBlock() {
        return this == IFEQ || this == IFNEQ || this == LOOP;
    }

    /** True for lines the interpreter stops on: everything but blank lines and comments. */
    public boolean isStatement() {
        return this != BLANK && this != COMMENT;
    }

    public String keyword() {
        return switch (this) {
            case SET -> "set";
            case IFEQ -> "ifeq";
            case IFNEQ -> "ifneq";
            case ELSE -> "else";
            case ENDIF -> "endif";
            case LOOP -> "loop";
            case ENDLOOP -> "endloop";
            default -> "";
        };
    }
}
