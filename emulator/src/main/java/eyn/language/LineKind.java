package eyn.language;

/**
 * What a physical script line is, decided the way the dialect's script engine decides it. The
 * Release 13 engine (D2) knows SET, IFEQ, IFNEQ, ELSE, ENDIF, LOOP and ENDLOOP; the 2026 engine (D3)
 * knows IF, ELIF, ELSE, ENDIF, WHILE and ENDWHILE (and SET by its first word, for static analysis:
 * D3 really recognises {@code set} after expansion).
 */
public enum LineKind {
    BLANK, COMMENT, SET, IFEQ, IFNEQ, ELSE, ENDIF, LOOP, ENDLOOP, IF, ELIF, WHILE, ENDWHILE, COMMAND;

    public boolean isDirective() {
        return this != BLANK && this != COMMENT && this != COMMAND;
    }

    public boolean opensBlock() {
        return this == IFEQ || this == IFNEQ || this == LOOP || this == IF || this == WHILE;
    }

    /** Lines that open a repeating block: {@code loop} and {@code while}. */
    public boolean opensLoop() {
        return this == LOOP || this == WHILE;
    }

    /** Lines that close a block. */
    public boolean closesBlock() {
        return this == ENDIF || this == ENDLOOP || this == ENDWHILE;
    }

    /** Lines that start another branch of an open if: {@code else}, and {@code elif} in D3. */
    public boolean isBranch() {
        return this == ELSE || this == ELIF;
    }

    /** Lines whose operand is a condition. */
    public boolean hasCondition() {
        return this == IFEQ || this == IFNEQ || this == IF || this == ELIF || this == WHILE;
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
            case IF -> "if";
            case ELIF -> "elif";
            case WHILE -> "while";
            case ENDWHILE -> "endwhile";
            default -> "";
        };
    }

    /** The keyword that closes a block this kind opens ("" when it opens none). */
    public String closer() {
        return switch (this) {
            case IFEQ, IFNEQ, IF -> "endif";
            case LOOP -> "endloop";
            case WHILE -> "endwhile";
            default -> "";
        };
    }
}
