package eyn.interpreter;

import eyn.language.D3Expansion;
import eyn.language.D3Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * What the 2026 engine keeps per running script: its block stack, as the OS keeps it (a fixed array
 * of 16 slots whose old values stay behind after a pop, which is what its block bug reads), and the
 * line being expanded while its substitutions run.
 */
final class D3State {
    /** One block: {@code type} IF or WHILE, the flags, and the line that opened it (0-based). */
    static final class Slot {
        boolean isIf;
        boolean executing;
        boolean taken;
        int line;
        /** Which pass of a while this is (1 for the first). */
        long iteration = 1;

        Slot copy() {
            Slot s = new Slot();
            s.iteration = iteration;
            s.isIf = isIf;
            s.executing = executing;
            s.taken = taken;
            s.line = line;
            return s;
        }
    }

    /** What a half-expanded line is for. */
    enum Purpose { LINE, IF, ELIF, WHILE }

    /** A line whose expansion waits for its substitutions. */
    static final class Pending {
        final D3Expansion expansion;
        final Purpose purpose;
        /** True while a nested script started by a substitution runs; its output is delivered when it ends. */
        boolean waiting;

        Pending(D3Expansion expansion, Purpose purpose) {
            this.expansion = expansion;
            this.purpose = purpose;
        }

        Pending copy() {
            Pending p = new Pending(expansion.copy(), purpose);
            p.waiting = waiting;
            return p;
        }
    }

    final Slot[] slots = new Slot[D3Limits.BLOCK_NESTING];
    int depth;
    Pending pending;
    /** The while line an endwhile jumped back to, and the pass that starts there (-1: none). */
    int loopLine = -1;
    long loopIteration;
    /** Set by a structural error: the script stops at once, without the unclosed-block check. */
    boolean aborted;
    /** Set by {@code exit}: the script ends after this line. */
    boolean exited;

    D3State() {
        for (int i = 0; i < slots.length; i++) slots[i] = new Slot();
    }

    /** True when any of the first {@code n} entries is not executing. */
    boolean suppressed(int n) {
        for (int i = 0; i < n; i++) if (!slots[i].executing) return true;
        return false;
    }

    Slot top() {
        return depth == 0 ? null : slots[depth - 1];
    }

    List<EngineBlock> entries() {
        List<EngineBlock> out = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Slot s = slots[i];
            out.add(new EngineBlock(s.isIf ? "if" : "while", s.executing, s.taken, s.line, s.iteration));
        }
        return out;
    }

    D3State copy() {
        D3State c = new D3State();
        for (int i = 0; i < slots.length; i++) c.slots[i] = slots[i].copy();
        c.depth = depth;
        c.pending = pending == null ? null : pending.copy();
        c.aborted = aborted;
        c.exited = exited;
        c.loopLine = loopLine;
        c.loopIteration = loopIteration;
        return c;
    }

    @Override
    public String toString() {
        return entries() + (pending == null ? "" : " pending " + pending.purpose) + (aborted ? " aborted" : "");
    }
}
