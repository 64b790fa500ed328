package eyn.interpreter;

import eyn.language.D3Expansion;
import eyn.language.D3Limits;
import eyn.language.D3Syntax;
import eyn.language.LineKind;
import eyn.language.ScriptLine;
import eyn.machine.Color;
import eyn.machine.Fidelity;
import eyn.machine.disk.Drive;
import java.util.function.Function;

/**
 * The 2026 script engine (reference section 2): keywords on the raw line, even inside false blocks;
 * one stack of 16 blocks shared by {@code if} and {@code while}; every other line expanded in one
 * pass and then run as {@code set}, {@code echo}, {@code exit} or a shell command line. Structural
 * errors abort the script; messages and colours are the OS's own. The block bug of the OS (every
 * block body skipped) is reproduced when the machine's fidelity is {@code FAITHFUL}.
 */
final class D3Engine implements ScriptEngine {
    /** The engine's orange (255,128,0), which differs from the kernel's older orange. */
    static final Color WARNING = Color.SCRIPT_ORANGE;

    private final Interpreter in;

    D3Engine(Interpreter in) {
        this.in = in;
    }

    @Override
    public void begin(Frame f) {
        f.d3 = new D3State();
    }

    @Override
    public boolean skips(Frame f, ScriptLine line) {
        if (!line.kind().isStatement()) return true;
        // lines of a false block are passed over without expansion; keywords are still processed
        boolean keyword = line.kind().isDirective() && line.kind() != LineKind.SET;
        return !keyword && f.d3.suppressed(f.d3.depth);
    }

    @Override
    public boolean stopped(Frame f) {
        return f.d3.aborted;
    }

    @Override
    public int captureLimit() {
        return D3Limits.CAPTURE;
    }

    @Override
    public void execute(Frame f, ScriptLine line) {
        D3State s = f.d3;
        int n = line.index() + 1;
        switch (line.kind()) {
            case IF, WHILE -> {
                if (s.depth >= D3Limits.BLOCK_NESTING) {
                    abort(f, "[script] Error: too many nested blocks (line " + n + ")");
                    return;
                }
                D3State.Slot b = s.slots[s.depth++];
                b.isIf = line.kind() == LineKind.IF;
                b.line = line.index();
                b.iteration = s.loopLine == line.index() ? s.loopIteration : 1;
                s.loopLine = -1;
                // the OS tests suppression after pushing, over the new slot's stale flag too (its block bug)
                boolean faithful = in.machine().config().fidelity() == Fidelity.FAITHFUL;
                if (s.suppressed(faithful ? s.depth : s.depth - 1)) {
                    b.executing = false;
                    if (b.isIf) b.taken = true;
                    f.pc++;
                } else {
                    evaluate(f, line, b.isIf ? D3State.Purpose.IF : D3State.Purpose.WHILE);
                }
            }
            case ELIF, ELSE, ENDIF -> {
                D3State.Slot top = s.top();
                if (top == null || !top.isIf) {
                    abort(f, "[script] Error: '" + line.kind().keyword() + "' without matching 'if' (line " + n + ")");
                    return;
                }
                boolean outer = s.suppressed(s.depth - 1);
                if (line.kind() == LineKind.ELIF) {
                    if (outer || top.taken) {
                        top.executing = false;
                        f.pc++;
                    } else {
                        evaluate(f, line, D3State.Purpose.ELIF);
                    }
                } else if (line.kind() == LineKind.ELSE) {
                    top.executing = !outer && !top.taken;
                    f.pc++;
                } else {
                    s.depth--;
                    f.pc++;
                }
            }
            case ENDWHILE -> {
                D3State.Slot top = s.top();
                if (top == null || top.isIf) {
                    abort(f, "[script] Error: 'endwhile' without matching 'while' (line " + n + ")");
                    return;
                }
                s.depth--;
                if (top.executing) {
                    f.pc = top.line;
                    s.loopIteration = top.iteration + 1;
                    in.loopedBack(f);
                } else {
                    f.pc++;
                }
            }
            default -> evaluate(f, line, D3State.Purpose.LINE);
        }
    }

    /** Starts expanding a line (a condition or a statement); finishes at once when it has no substitution. */
    private void evaluate(Frame f, ScriptLine line, D3State.Purpose purpose) {
        String text = purpose == D3State.Purpose.LINE ? line.text() : line.rest();
        if (purpose == D3State.Purpose.LINE && line.index() == D3Limits.LINES - 1) text = in.restOfFile(f, line);
        f.d3.pending = new D3State.Pending(new D3Expansion(text), purpose);
        resume(f);
    }

    @Override
    public void resume(Frame f) {
        D3State.Pending p = f.d3.pending;
        String command = p.expansion.advance(lookup(f));
        if (command == null) {
            f.d3.pending = null;
            finish(f, p);
            return;
        }
        String captured = in.captureCommand(command);
        if (captured == null) p.waiting = true;
        else p.expansion.deliver(captured);
    }

    @Override
    public boolean waiting(Frame f) {
        return f.d3.pending != null && f.d3.pending.waiting;
    }

    @Override
    public void deliver(Frame f, String captured) {
        D3State.Pending p = f.d3.pending;
        p.waiting = false;
        p.expansion.deliver(captured.length() > D3Limits.CAPTURE ? captured.substring(0, D3Limits.CAPTURE) : captured);
    }

    private Function<String, String> lookup(Frame f) {
        return name -> {
            if (name.length() == 1 && Character.isDigit(name.charAt(0))) {
                int i = name.charAt(0) - '0';
                return i < f.args.size() ? f.args.get(i) : "";
            }
            return f.variables.get(name);
        };
    }

    private void finish(Frame f, D3State.Pending p) {
        String text = p.expansion.result();
        D3State s = f.d3;
        int line = f.pc;
        switch (p.purpose) {
            case IF, WHILE -> {
                boolean truth = truth(text);
                D3State.Slot b = s.top();
                b.executing = truth;
                if (b.isIf) b.taken = truth;
                f.pc++;
            }
            case ELIF -> {
                boolean truth = truth(text);
                D3State.Slot b = s.top();
                b.executing = truth;
                if (truth) b.taken = true;
                f.pc++;
            }
            case LINE -> {
                f.pc++;
                if (p.expansion.truncated()) {
                    in.print(WARNING, "[script] Warning: line " + (line + 1) + " truncated after expansion\n");
                }
                statement(f, line, text);
            }
        }
    }

    private void statement(Frame f, int line, String expanded) {
        String t = expanded.substring(D3Syntax.skipBlanks(expanded, 0));
        if (t.isEmpty()) return;
        if (D3Syntax.startsWithWord(t, "set")) {
            set(f, line, t.substring(3));
        } else if (D3Syntax.startsWithWord(t, "echo")) {
            String rest = t.substring(4);
            int i = 0;
            while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) i++;
            in.print(Color.WHITE, rest.substring(i) + "\n");
        } else if (D3Syntax.startsWithWord(t, "exit")) {
            f.d3.exited = true;
            f.pc = f.script.size();
        } else {
            in.shellLine(t);
        }
    }

    private void set(Frame f, int line, String afterSet) {
        D3Syntax.Assignment a = D3Syntax.assignment(afterSet);
        if (!a.valid()) {
            in.scriptError("[script] Error: invalid 'set' syntax (line " + (line + 1) + ")");
            return;
        }
        String name = a.name().length() > D3Limits.NAME ? a.name().substring(0, D3Limits.NAME) : a.name();
        String value = a.value().length() > D3Limits.VALUE ? a.value().substring(0, D3Limits.VALUE) : a.value();
        if (!f.variables.containsKey(name) && f.variables.size() >= D3Limits.VARIABLES) {
            in.scriptError("[script] Error: too many variables (line " + (line + 1) + ")");
            return;
        }
        f.variables.put(name, value);
    }

    /** A condition's truth (reference 2.9), with file tests on the current drive. */
    private boolean truth(String expanded) {
        D3Syntax.Condition c = D3Syntax.condition(expanded);
        return switch (c.test()) {
            case EXISTS, IS_FILE -> {
                Drive.Entry e = in.machine().drive().stat(in.machine().resolve(c.left()));
                yield e != null && (c.test() == D3Syntax.Test.EXISTS || !e.directory());
            }
            case EQUALS -> c.left().equals(c.right());
            case DIFFERS -> !c.left().equals(c.right());
            case TRUTH -> c.truth();
        };
    }

    private void abort(Frame f, String message) {
        in.scriptError(message);
        f.d3.aborted = true;
        f.pc = f.script.size();
    }

    @Override
    public void end(Frame f) {
        D3State s = f.d3;
        if (!s.aborted && s.depth > 0) {
            in.print(WARNING, "[script] Warning: " + s.depth + " unclosed block(s) at end of script\n");
            in.countWarning();
        }
    }
}
