package eyn.interpreter;

/** An open ifeq/ifneq or loop on a frame's block stack. Loops count their iterations. */
public final class Block {
    public enum Kind { IF, LOOP }

    public final Kind kind;
    /** The line of the ifeq/ifneq/loop that opened it. */
    public final int line;
    public final long total;
    long remaining;
    long iteration;

    Block(Kind kind, int line, long total) {
        this.kind = kind;
        this.line = line;
        this.total = total;
        this.remaining = total;
        this.iteration = 1;
    }

    public long iteration() {
        return iteration;
    }

    public long remaining() {
        return remaining;
    }

    Block copy() {
        Block b = new Block(kind, line, total);
        b.remaining = remaining;
        b.iteration = iteration;
        return b;
    }

    @Override
    public String toString() {
        return kind == Kind.IF ? "if@" + (line + 1) : "loop " + iteration + "/" + total + "@" + (line + 1);
    }
}
