package eyn.server.dap;

import eyn.debug.WatchTarget;
import eyn.interpreter.Block;
import eyn.interpreter.Frame;
import eyn.interpreter.Interpreter;
import eyn.machine.Machine;
import eyn.machine.Mapping;
import eyn.machine.ZeroCopy;
import eyn.machine.disk.Drive;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.Finding;
import eyn.machine.disk.eynfs.Superblock;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.files.OpenFile;
import eyn.machine.memory.Heap;
import eyn.machine.memory.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablePresentationHint;

/** The machine as debugger scopes: what the Variables panel shows at a stop. */
final class Scopes {
    static final String VARIABLES = "Variables";
    static final String SHELL = "Shell";
    static final String PREDICTOR = "Predictor";
    static final String HEAP = "Heap";
    static final String FDS = "File descriptors";
    static final String MAPPINGS = "Mappings";
    static final String DRIVES = "Drives";
    private static final int MAX_DRIVE_ENTRIES = 2000;

    private final Handles handles;
    private final Interpreter in;

    Scopes(Handles handles, Interpreter in) {
        this.handles = handles;
        this.in = in;
    }

    private Machine machine() {
        return in.machine();
    }

    List<Scope> of(int frameIndex) {
        List<Scope> scopes = new ArrayList<>();
        Frame frame = in.frames().get(frameIndex);
        scopes.add(scope(VARIABLES, "locals", frame.variables().size(), () -> variables(frame)));
        scopes.add(scope(SHELL, null, 0, () -> shell(frame)));
        scopes.add(scope(PREDICTOR, "registers", 0, this::predictor,
                name -> name.equals("hit rate") ? new WatchTarget.HitRate() : null));
        scopes.add(scope(HEAP, null, 0, this::heap));
        scopes.add(scope(FDS, null, machine().fds().openCount(), this::fds, Scopes::fdEntry));
        scopes.add(scope(MAPPINGS, null, machine().mappings().size(), this::mappings, Scopes::mappingEntry));
        scopes.add(scope(DRIVES, null, machine().drives().size(), this::drives));
        return scopes;
    }

    private Scope scope(String name, String hint, int named, Supplier<List<Variable>> children) {
        return scope(name, hint, named, children, null);
    }

    /** An "fd N" entry watches the fd being open. */
    private static WatchTarget fdEntry(String name) {
        try {
            return name.startsWith("fd ") ? new WatchTarget.FdOpen(Integer.parseInt(name.substring(3))) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A mapping entry (its address) watches the mapping existing. */
    private static WatchTarget mappingEntry(String name) {
        try {
            return name.startsWith("0x") ? new WatchTarget.MappingExists(Long.parseLong(name.substring(2), 16)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Scope scope(String name, String hint, int named, Supplier<List<Variable>> children,
                        java.util.function.Function<String, WatchTarget> watchable) {
        Scope s = new Scope();
        s.setName(name);
        s.setPresentationHint(hint);
        Supplier<List<Variable>> orNone = () -> none(children.get(), "(none)");
        s.setVariablesReference(handles.add(orNone, watchable));
        s.setNamedVariables(named);
        s.setExpensive(name.equals(DRIVES));
        return s;
    }

    /** A "(none)" row where a scope or list is empty, so that expanding it shows something. */
    static List<Variable> none(List<Variable> items, String what) {
        if (!items.isEmpty()) return items;
        List<Variable> out = new ArrayList<>();
        out.add(leaf(what, ""));
        return out;
    }

    static Variable leaf(String name, Object value) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(String.valueOf(value));
        v.setVariablesReference(0);
        return v;
    }

    private Variable node(String name, String value, Supplier<List<Variable>> children) {
        Variable v = leaf(name, value);
        v.setVariablesReference(handles.add(children));
        return v;
    }

    /** An array shown page by page (indexedVariables). */
    private Variable array(String name, int[] values) {
        Variable v = leaf(name, "int[" + values.length + "]");
        v.setVariablesReference(handles.add(() -> {
            List<Variable> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) out.add(leaf("[" + i + "]", values[i]));
            return out;
        }));
        v.setIndexedVariables(values.length);
        VariablePresentationHint hint = new VariablePresentationHint();
        hint.setKind("data");
        v.setPresentationHint(hint);
        return v;
    }

    private List<Variable> variables(Frame frame) {
        List<Variable> out = new ArrayList<>();
        for (Map.Entry<String, String> e : frame.variables().entrySet()) {
            Variable v = leaf(e.getKey(), e.getValue());
            v.setEvaluateName("$" + e.getKey());
            out.add(v);
        }
        return out;
    }

    private List<Variable> shell(Frame frame) {
        List<Variable> out = new ArrayList<>();
        out.add(leaf("drive", machine().currentDriveNumber()));
        out.add(leaf("cwd", machine().cwd()));
        out.add(leaf("script", frame.path()));
        out.add(leaf("profile", in.profile().title()));
        if (!frame.engineBlocks().isEmpty() || in.profile().dialect() == eyn.language.Dialect.D3) {
            List<String> args = frame.args();
            for (int i = 0; i < args.size(); i++) out.add(leaf("$" + i, args.get(i)));
            List<String> blocks = new ArrayList<>();
            for (var b : frame.engineBlocks()) {
                blocks.add(b.kind() + " line " + (b.line() + 1) + (b.executing() ? " executing" : " skipped")
                        + (b.kind().equals("if") ? (b.taken() ? ", taken" : ", not taken") : ", pass " + b.iteration()));
            }
            out.add(leaf("block stack", blocks.isEmpty() ? "(empty)" : String.join("; ", blocks)));
        }
        List<String> ifs = new ArrayList<>();
        List<String> loops = new ArrayList<>();
        for (Block b : frame.blocks()) {
            if (b.kind == Block.Kind.IF) ifs.add("line " + (b.line + 1));
            else loops.add("line " + (b.line + 1) + ": " + b.iteration() + "/" + b.total);
        }
        out.add(leaf("if stack", ifs.isEmpty() ? "(empty)" : String.join(", ", ifs)));
        out.add(leaf("loop stack", loops.isEmpty() ? "(empty)" : String.join(", ", loops)));
        out.add(leaf("nested scripts", in.frames().size()));
        out.add(leaf("statements", in.counters().statements));
        out.add(leaf("commands", in.counters().commands));
        out.add(leaf("failures", in.counters().failures));
        return out;
    }

    private List<Variable> predictor() {
        Predictor p = machine().predictor();
        List<Variable> out = new ArrayList<>();
        out.add(leaf("hits", p.hits()));
        out.add(leaf("misses", p.misses()));
        out.add(leaf("hit rate", p.hitRatePercent() + "%"));
        out.add(leaf("score", String.format(Locale.ROOT, "%.2f", p.score())));
        out.add(leaf("total accesses", p.totalAccesses()));
        out.add(leaf("cached slots", p.cachedSlots()));
        out.add(array("access_pattern", p.accessPattern()));
        out.add(array("allocation_sizes", p.allocationSizes()));
        out.add(array("access_frequency", p.accessFrequency()));
        return out;
    }

    private List<Variable> heap() {
        Heap h = machine().heap();
        List<Variable> out = new ArrayList<>();
        out.add(leaf("total", bytes(h.size())));
        out.add(leaf("used", bytes(h.usedBytes())));
        out.add(leaf("free", bytes(h.size() - h.usedBytes())));
        out.add(leaf("allocations", h.allocations()));
        out.add(leaf("frees", h.frees()));
        out.add(leaf("memory errors", h.errors()));
        out.add(leaf("corrupted blocks", h.corruptedBlocks()));
        List<Heap.Block> blocks = h.blocks();
        Variable list = leaf("blocks", blocks.size() == 1 ? "1 block" : blocks.size() + " blocks");
        list.setVariablesReference(handles.add(() -> {
            List<Variable> items = new ArrayList<>();
            for (Heap.Block b : blocks) {
                Variable v = leaf(ZeroCopy.hex(b.address()), bytes(b.size()) + ", used, magic " + (b.magicOk() ? "ok" : "bad")
                        + ", checksum " + (b.checksumOk() ? "ok" : "bad"));
                v.setMemoryReference(ZeroCopy.hex(b.address() - Heap.HEADER));
                items.add(v);
            }
            return none(items, "(none)");
        }));
        list.setIndexedVariables(blocks.size());
        out.add(list);
        return out;
    }

    /** Every size in one unit: bytes, with KiB or MiB beside it when that reads easier. */
    static String bytes(long n) {
        if (n >= 1024L * 1024 && n % (1024L * 1024) == 0) return n + " bytes (" + n / (1024L * 1024) + " MiB)";
        if (n >= 1024 && n % 1024 == 0) return n + " bytes (" + n / 1024 + " KiB)";
        return n + (n == 1 ? " byte" : " bytes");
    }

    private List<Variable> fds() {
        List<Variable> out = new ArrayList<>();
        for (OpenFile f : machine().fds().open()) {
            Variable v = leaf("fd " + f.fd, f.path + " (" + f.mode.word() + ", " + f.size() + " bytes)");
            v.setVariablesReference(handles.add(() -> {
                List<Variable> items = new ArrayList<>();
                items.add(leaf("path", f.path));
                items.add(leaf("mode", f.mode.word()));
                items.add(leaf("size", f.size()));
                Variable offset = leaf("offset", f.offset);
                offset.setEvaluateName("offset");
                items.add(offset);
                items.add(leaf("dirty", f.dirty));
                items.add(leaf("access count", f.accesses));
                items.add(leaf("shared blocks", f.content.chunkCount()));
                items.add(leaf("drive", f.drive));
                items.add(leaf("data", ZeroCopy.hex(f.window)));
                return items;
            }, name -> switch (name) {
                case "offset" -> new WatchTarget.FdOffset(f.fd);
                case "size" -> new WatchTarget.FdSize(f.fd);
                default -> null;
            }));
            v.setMemoryReference(ZeroCopy.hex(f.window));
            v.setNamedVariables(9);
            out.add(v);
        }
        return out;
    }

    private List<Variable> mappings() {
        List<Variable> out = new ArrayList<>();
        for (Mapping m : machine().mappings()) {
            Variable v = node(ZeroCopy.hex(m.address), m.path + " (" + m.size() + " bytes, " + (m.readOnly ? "read-only" : "read-write") + ")", () -> {
                List<Variable> items = new ArrayList<>();
                items.add(leaf("address", ZeroCopy.hex(m.address)));
                items.add(leaf("size", m.size()));
                items.add(leaf("mode", m.readOnly ? "read-only" : "read-write"));
                items.add(leaf("path", m.path));
                items.add(leaf("drive", m.drive));
                return items;
            });
            v.setMemoryReference(ZeroCopy.hex(m.address));
            out.add(v);
        }
        return out;
    }

    private List<Variable> drives() {
        List<Variable> out = new ArrayList<>();
        for (Map.Entry<Integer, Drive> e : machine().drives().entrySet()) {
            Drive d = e.getValue();
            out.add(node("drive " + e.getKey(), d.describe(), () -> {
                List<Variable> files = new ArrayList<>();
                if (d instanceof EynfsDrive image) files.add(node("superblock", "EYNFS version " + image.fs().superblock().version(),
                        () -> superblock(image)));
                walk(d, "/", files, 0);
                return files;
            }));
        }
        return out;
    }

    /** The superblock's fields as EYN-OS lays them out, with what the mount's check found. */
    private List<Variable> superblock(EynfsDrive image) {
        Superblock sb = image.fs().superblock();
        List<Variable> out = new ArrayList<>();
        out.add(leaf("magic", String.format("0x%08X", sb.magic())));
        out.add(leaf("version", sb.version()));
        out.add(leaf("block_size", sb.blockSize()));
        out.add(leaf("total_blocks", sb.totalBlocks()));
        out.add(leaf("root_dir_block", sb.rootDirBlock()));
        out.add(leaf("free_block_map", sb.freeBlockMap() + (sb.mapBlocks() > 1 ? " (" + sb.mapBlocks() + " blocks)" : "")));
        out.add(leaf("name_table_block", sb.nameTableBlock()));
        out.add(leaf("free blocks", image.fs().freeBlocks()));
        for (Finding f : image.findings()) out.add(leaf(f.severity().name().toLowerCase(java.util.Locale.ROOT), f.message()));
        return out;
    }

    private static void walk(Drive d, String dir, List<Variable> out, int depth) {
        if (depth > 16 || out.size() >= MAX_DRIVE_ENTRIES) return;
        try {
            for (Drive.Entry e : d.list(dir)) {
                if (out.size() >= MAX_DRIVE_ENTRIES) return;
                String path = FsPath.child(dir, e.name());
                String value = e.directory() ? "directory" : e.size() + " bytes";
                if (d instanceof EynfsDrive image) value += ", blocks " + image.chainOf(path); // the chain, as fscheck walks it
                out.add(leaf(path + (e.directory() ? "/" : ""), value));
                if (e.directory()) walk(d, path, out, depth + 1);
            }
        } catch (DriveException ignored) {
            // a directory that vanished shows nothing
        }
    }
}
