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
    /** The caller's line that started this frame ({@code run}, or a line with {@code $(run ...)}); -1 for the outermost. */
    int callLine = -1;
    /** The script's arguments: {@code $0} (its path) first, then {@code $1}..{@code $9} (2026 dialect). */
    List<String> args = List.of();
    /** The 2026 engine's state: its block stack and a line half expanded (null in Release 13 scripts). */
    D3State d3;

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
    /** The 0-based line of the caller's {@code run} that started this frame; -1 for the outermost frame. */
    public int callLine() { return callLine; }
    /** {@code $0}..{@code $9} as the script sees them (empty for Release 13 scripts). */
    public List<String> args() { return args; }
    /** The 2026 engine's block stack, outermost first (empty for Release 13 scripts). */
    public List<EngineBlock> engineBlocks() { return d3 == null ? List.of() : d3.entries(); }
    /** True while a line is half done (its substitutions run one step at a time). */
    public boolean busy() { return pending != null || d3 != null && d3.pending != null; }

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
        f.callLine = callLine;
        f.args = args;
        f.d3 = d3 == null ? null : d3.copy();
        return f;
    }
}
