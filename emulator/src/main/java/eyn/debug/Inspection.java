package eyn.debug;

import eyn.interpreter.Block;
import eyn.interpreter.Frame;
import eyn.interpreter.Interpreter;
import eyn.language.Dialect;
import eyn.machine.Machine;
import eyn.machine.Mapping;
import eyn.machine.ZeroCopy;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.eynfs.EynfsDrive;
import eyn.machine.disk.eynfs.Finding;
import eyn.machine.disk.eynfs.Superblock;
import eyn.machine.files.OpenFile;
import eyn.machine.memory.Heap;
import eyn.machine.memory.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The machine as a debugger shows it at a stop: scopes (Variables, Shell, Predictor, Heap, File
 * descriptors, Mappings, Drives) of named {@link Entry}s, some with children, some with a
 * memory reference, some watchable by a data breakpoint ({@link Entry#watch}). Labels are lower
 * case, sizes are in bytes everywhere, and an empty scope or list shows one "(none)" row. A
 * protocol adapter turns entries into its variables and nothing else.
 */
public final class Inspection {
    public static final String VARIABLES = "Variables";
    public static final String SHELL = "Shell";
    public static final String PREDICTOR = "Predictor";
    public static final String HEAP = "Heap";
    public static final String FDS = "File descriptors";
    public static final String MAPPINGS = "Mappings";
    public static final String DRIVES = "Drives";
    public static final String NONE = "(none)";
    private static final int MAX_DRIVE_ENTRIES = 2000;

    /** A scope: {@code hint} "locals", "registers" or null, {@code named} its count of entries where known cheaply. */
    public record Scope(String name, String hint, int named, boolean expensive, Supplier<List<Entry>> entries) {}

    /**
     * One row: {@code children} null for a leaf; {@code named}/{@code indexed} the counts a client
     * pages by (null when not given); {@code kind} "data" for arrays; {@code watch} what a data
     * breakpoint on this row watches (null: nothing).
     */
    public record Entry(String name, String value, String evaluateName, String memoryReference, Supplier<List<Entry>> children,
                        Integer named, Integer indexed, String kind, WatchTarget watch) {
        public static Entry leaf(String name, Object value) {
            return new Entry(name, String.valueOf(value), null, null, null, null, null, null, null);
        }

        public Entry withChildren(Supplier<List<Entry>> list) {
            return new Entry(name, value, evaluateName, memoryReference, list, named, indexed, kind, watch);
        }

        public Entry withEvaluateName(String expression) {
            return new Entry(name, value, expression, memoryReference, children, named, indexed, kind, watch);
        }

        public Entry withMemoryReference(String reference) {
            return new Entry(name, value, evaluateName, reference, children, named, indexed, kind, watch);
        }

        public Entry withCounts(Integer namedCount, Integer indexedCount, String kindHint) {
            return new Entry(name, value, evaluateName, memoryReference, children, namedCount, indexedCount, kindHint, watch);
        }

        public Entry watching(WatchTarget target) {
            return new Entry(name, value, evaluateName, memoryReference, children, named, indexed, kind, target);
        }
    }

    private final Interpreter in;

    public Inspection(Interpreter in) {
        this.in = in;
    }

    private Machine machine() {
        return in.machine();
    }

    /**
     * The scopes of a frame as the stack shows it ({@link StackView} ids, 1-based): a frame the
     * failed command ended shows the machine as it is now.
     */
    public List<Scope> scopes(int frameId) {
        return scopesOf(StackView.frameIndex(in, frameId));
    }

    List<Scope> scopesOf(int frameIndex) {
        List<Scope> scopes = new ArrayList<>();
        Frame frame = in.frames().get(frameIndex);
        scopes.add(scope(VARIABLES, "locals", frame.variables().size(), () -> variables(frame)));
        scopes.add(scope(SHELL, null, 0, () -> shell(frame)));
        scopes.add(scope(PREDICTOR, "registers", 0, this::predictor));
        scopes.add(scope(HEAP, null, 0, this::heap));
        scopes.add(scope(FDS, null, machine().fds().openCount(), this::fds));
        scopes.add(scope(MAPPINGS, null, machine().mappings().size(), this::mappings));
        scopes.add(scope(DRIVES, null, machine().drives().size(), this::drives));
        return scopes;
    }

    private static Scope scope(String name, String hint, int named, Supplier<List<Entry>> entries) {
        return new Scope(name, hint, named, name.equals(DRIVES), () -> none(entries.get()));
    }

    /** A "(none)" row where a scope or list is empty, so that expanding it shows something. */
    static List<Entry> none(List<Entry> items) {
        if (!items.isEmpty()) return items;
        List<Entry> out = new ArrayList<>();
        out.add(Entry.leaf(NONE, ""));
        return out;
    }

    /** Sets a row's value from the debugger: an fd's offset, or a variable of the innermost frame. */
    public static void set(Debugger debugger, WatchTarget row, String name, String value) {
        if (row instanceof WatchTarget.FdOffset fd) {
            String problem = debugger.setOffset(fd.fd(), value);
            if (problem != null) throw new Refusal(problem);
            return;
        }
        Interpreter in = debugger.interpreter();
        if (!in.setVariable(in.frames().size() - 1, name, value)) {
            throw new Refusal("Cannot set '" + name + "': names have 1-31 characters and a script holds 16 variables");
        }
        debugger.stateChanged();
    }

    /** The row of this name among a list, or null. */
    public static Entry find(List<Entry> entries, String name) {
        for (Entry e : entries) if (e.name().equals(name)) return e;
        return null;
    }

    /** An array shown page by page (indexed entries). */
    private static Entry array(String name, int[] values) {
        return Entry.leaf(name, "int[" + values.length + "]").withChildren(() -> {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < values.length; i++) out.add(Entry.leaf("[" + i + "]", values[i]));
            return out;
        }).withCounts(null, values.length, "data");
    }

    private List<Entry> variables(Frame frame) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : frame.variables().entrySet()) out.add(Entry.leaf(e.getKey(), e.getValue()).withEvaluateName("$" + e.getKey()));
        return out;
    }

    private List<Entry> shell(Frame frame) {
        List<Entry> out = new ArrayList<>();
        out.add(Entry.leaf("drive", machine().currentDriveNumber()));
        out.add(Entry.leaf("cwd", machine().cwd()));
        out.add(Entry.leaf("script", frame.path()));
        out.add(Entry.leaf("profile", in.profile().title()));
        if (!frame.engineBlocks().isEmpty() || in.profile().dialect() == Dialect.D3) {
            List<String> args = frame.args();
            for (int i = 0; i < args.size(); i++) out.add(Entry.leaf("$" + i, args.get(i)));
            List<String> blocks = new ArrayList<>();
            for (var b : frame.engineBlocks()) {
                blocks.add(b.kind() + " line " + (b.line() + 1) + (b.executing() ? " executing" : " skipped")
                        + (b.kind().equals("if") ? (b.taken() ? ", taken" : ", not taken") : ", pass " + b.iteration()));
            }
            out.add(Entry.leaf("block stack", blocks.isEmpty() ? "(empty)" : String.join("; ", blocks)));
        }
        List<String> ifs = new ArrayList<>();
        List<String> loops = new ArrayList<>();
        for (Block b : frame.blocks()) {
            if (b.kind == Block.Kind.IF) ifs.add("line " + (b.line + 1));
            else loops.add("line " + (b.line + 1) + ": " + b.iteration() + "/" + b.total);
        }
        out.add(Entry.leaf("if stack", ifs.isEmpty() ? "(empty)" : String.join(", ", ifs)));
        out.add(Entry.leaf("loop stack", loops.isEmpty() ? "(empty)" : String.join(", ", loops)));
        out.add(Entry.leaf("nested scripts", in.frames().size()));
        out.add(Entry.leaf("statements", in.counters().statements));
        out.add(Entry.leaf("commands", in.counters().commands));
        out.add(Entry.leaf("failures", in.counters().failures));
        return out;
    }

    private List<Entry> predictor() {
        Predictor p = machine().predictor();
        List<Entry> out = new ArrayList<>();
        out.add(Entry.leaf("hits", p.hits()));
        out.add(Entry.leaf("misses", p.misses()));
        out.add(Entry.leaf("hit rate", p.hitRatePercent() + "%").watching(new WatchTarget.HitRate()));
        out.add(Entry.leaf("score", p.scoreText()));
        out.add(Entry.leaf("total accesses", p.totalAccesses()));
        out.add(Entry.leaf("cached slots", p.cachedSlots()));
        out.add(array("access_pattern", p.accessPattern()));
        out.add(array("allocation_sizes", p.allocationSizes()));
        out.add(array("access_frequency", p.accessFrequency()));
        return out;
    }

    private List<Entry> heap() {
        Heap h = machine().heap();
        List<Entry> out = new ArrayList<>();
        out.add(Entry.leaf("total", bytes(h.size())));
        out.add(Entry.leaf("used", bytes(h.usedBytes())));
        out.add(Entry.leaf("free", bytes(h.size() - h.usedBytes())));
        out.add(Entry.leaf("allocations", h.allocations()));
        out.add(Entry.leaf("frees", h.frees()));
        out.add(Entry.leaf("memory errors", h.errors()));
        out.add(Entry.leaf("corrupted blocks", h.corruptedBlocks()));
        List<Heap.Block> blocks = h.blocks();
        out.add(Entry.leaf("blocks", blocks.size() == 1 ? "1 block" : blocks.size() + " blocks").withChildren(() -> {
            List<Entry> items = new ArrayList<>();
            for (Heap.Block b : blocks) {
                items.add(Entry.leaf(ZeroCopy.hex(b.address()), bytes(b.size()) + ", used, magic " + (b.magicOk() ? "ok" : "bad")
                        + ", checksum " + (b.checksumOk() ? "ok" : "bad")).withMemoryReference(ZeroCopy.hex(b.address() - Heap.HEADER)));
            }
            return none(items);
        }).withCounts(null, blocks.size(), null));
        return out;
    }

    /** Every size in one unit: bytes, with KiB or MiB beside it when that reads easier. */
    public static String bytes(long n) {
        if (n >= 1024L * 1024 && n % (1024L * 1024) == 0) return n + " bytes (" + n / (1024L * 1024) + " MiB)";
        if (n >= 1024 && n % 1024 == 0) return n + " bytes (" + n / 1024 + " KiB)";
        return n + (n == 1 ? " byte" : " bytes");
    }

    private List<Entry> fds() {
        List<Entry> out = new ArrayList<>();
        for (OpenFile f : machine().fds().open()) {
            out.add(Entry.leaf("fd " + f.fd, f.path + " (" + f.mode.word() + ", " + f.size() + " bytes)").withChildren(() -> {
                List<Entry> items = new ArrayList<>();
                items.add(Entry.leaf("path", f.path));
                items.add(Entry.leaf("mode", f.mode.word()));
                items.add(Entry.leaf("size", f.size()).watching(new WatchTarget.FdSize(f.fd)));
                items.add(Entry.leaf("offset", f.offset).withEvaluateName("offset").watching(new WatchTarget.FdOffset(f.fd)));
                items.add(Entry.leaf("dirty", f.dirty));
                items.add(Entry.leaf("access count", f.accesses));
                items.add(Entry.leaf("shared blocks", f.content.chunkCount()));
                items.add(Entry.leaf("drive", f.drive));
                items.add(Entry.leaf("data", ZeroCopy.hex(f.window)));
                return items;
            }).withMemoryReference(ZeroCopy.hex(f.window)).withCounts(9, null, null).watching(new WatchTarget.FdOpen(f.fd)));
        }
        return out;
    }

    private List<Entry> mappings() {
        List<Entry> out = new ArrayList<>();
        for (Mapping m : machine().mappings()) {
            String mode = m.readOnly ? "read-only" : "read-write";
            out.add(Entry.leaf(ZeroCopy.hex(m.address), m.path + " (" + m.size() + " bytes, " + mode + ")").withChildren(() -> {
                List<Entry> items = new ArrayList<>();
                items.add(Entry.leaf("address", ZeroCopy.hex(m.address)));
                items.add(Entry.leaf("size", m.size()));
                items.add(Entry.leaf("mode", mode));
                items.add(Entry.leaf("path", m.path));
                items.add(Entry.leaf("drive", m.drive));
                return items;
            }).withMemoryReference(ZeroCopy.hex(m.address)).watching(new WatchTarget.MappingExists(m.address)));
        }
        return out;
    }

    private List<Entry> drives() {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<Integer, Drive> e : machine().drives().entrySet()) {
            Drive d = e.getValue();
            out.add(Entry.leaf("drive " + e.getKey(), d.describe()).withChildren(() -> {
                List<Entry> files = new ArrayList<>();
                if (d instanceof EynfsDrive image) {
                    files.add(Entry.leaf("superblock", "EYNFS version " + image.fs().superblock().version()).withChildren(() -> superblock(image)));
                }
                walk(d, "/", files, 0);
                return files;
            }));
        }
        return out;
    }

    /** The superblock's fields as EYN-OS lays them out, with what the mount's check found. */
    private static List<Entry> superblock(EynfsDrive image) {
        Superblock sb = image.fs().superblock();
        List<Entry> out = new ArrayList<>();
        out.add(Entry.leaf("magic", String.format("0x%08X", sb.magic())));
        out.add(Entry.leaf("version", sb.version()));
        out.add(Entry.leaf("block_size", sb.blockSize()));
        out.add(Entry.leaf("total_blocks", sb.totalBlocks()));
        out.add(Entry.leaf("root_dir_block", sb.rootDirBlock()));
        out.add(Entry.leaf("free_block_map", sb.freeBlockMap() + (sb.mapBlocks() > 1 ? " (" + sb.mapBlocks() + " blocks)" : "")));
        out.add(Entry.leaf("name_table_block", sb.nameTableBlock()));
        out.add(Entry.leaf("free blocks", image.fs().freeBlocks()));
        for (Finding f : image.findings()) out.add(Entry.leaf(f.severity().name().toLowerCase(Locale.ROOT), f.message()));
        return out;
    }

    private static void walk(Drive d, String dir, List<Entry> out, int depth) {
        if (depth > 16 || out.size() >= MAX_DRIVE_ENTRIES) return;
        try {
            for (Drive.Entry e : d.list(dir)) {
                if (out.size() >= MAX_DRIVE_ENTRIES) return;
                String path = FsPath.child(dir, e.name());
                String value = e.directory() ? "directory" : e.size() + " bytes";
                if (d instanceof EynfsDrive image) value += ", blocks " + image.chainOf(path); // the chain, as fscheck walks it
                out.add(Entry.leaf(path + (e.directory() ? "/" : ""), value));
                if (e.directory()) walk(d, path, out, depth + 1);
            }
        } catch (DriveException ignored) {
            // a directory that vanished shows nothing
        }
    }
}
