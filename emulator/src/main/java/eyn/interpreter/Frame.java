package eyn.interpreter;

import eyn.language.Script;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One running script: where it is, its variables, its open blocks and any line half done. */
public final class Frame {
    final Script script;
    final String path;
    int pc;
    final LinkedHashMap<String, String> variables;
    final ArrayList<Block> blocks;
    /** Where this frame's output goes when it runs inside {@code $(...)}; shared with nested frames. */
    final StringBuilder capture;
    PendingLine pending;
    /** The interpreter's step count when this frame began: where a debugger restarts it. */
    long entryStep;

    Frame(Script script, String path, StringBuilder capture) {
        this(script, path, 0, new LinkedHashMap<>(), new ArrayList<>(), capture, null);
    }

    private Frame(Script script, String path, int pc, LinkedHashMap<String, String> variables, ArrayList<Block> blocks,
                  StringBuilder capture, PendingLine pending) {
        this.script = script;
        this.path = path;
        this.pc = pc;
        this.variables = variables;
        this.blocks = blocks;
        this.capture = capture;
        this.pending = pending;
    }

    public Script script() { return script; }
    public String path() { return path; }
    /** The 0-based line that runs next in this frame. */
    public int line() { return pc; }
    public Map<String, String> variables() { return Collections.unmodifiableMap(variables); }
    public List<Block> blocks() { return Collections.unmodifiableList(blocks); }
    public boolean captured() { return capture != null; }
    /** True while a line's {@code $(...)} substitutions are running one step at a time. */
    public boolean pending() { return pending != null; }
    public long entryStep() { return entryStep; }

    int count(Block.Kind kind) {
        int n = 0;
        for (Block b : blocks) if (b.kind == kind) n++;
        return n;
    }

    Frame copy(StringBuilder captureCopy) {
        ArrayList<Block> b = new ArrayList<>();
        for (Block block : blocks) b.add(block.copy());
        Frame f = new Frame(script, path, pc, new LinkedHashMap<>(variables), b, captureCopy,
                pending == null ? null : pending.copy());
        f.entryStep = entryStep;
        return f;
    }
}
