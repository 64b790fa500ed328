package eyn.machine;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.files.ChunkedBytes;
import eyn.machine.files.FdTable;
import eyn.machine.files.OpenFile;
import eyn.machine.memory.Heap;
import eyn.machine.memory.MemoryBudget;
import eyn.machine.memory.MemoryMeter;
import eyn.machine.memory.Predictor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulated EYN-OS machine: heap and predictor, zero-copy fd table, mappings, drives, the
 * current drive and directory, and the random generator. It knows nothing about scripts. Its whole
 * state can be snapshotted and restored cheaply: memory pages and file chunks are shared
 * copy-on-write.
 */
public final class Machine {
    public static final int FD_HANDLE_SIZE = 96;
    public static final int MAPPING_DESCRIPTOR_SIZE = 160;

    private final MachineConfig config;
    private Console console = (color, text) -> { };
    /** Told about every read of fd or mapping bytes (address, length): a debugger's read watchpoints. */
    private java.util.function.LongBinaryOperator readListener;
    private State state;
    /** The host memory this machine may hold; one for the machine's life, across snapshots and restores. */
    private final MemoryBudget budget;

    /** Everything that changes while a script runs; a snapshot is a copy of it. */
    private static final class State {
        Heap heap;
        Predictor predictor;
        FdTable fds;
        List<Mapping> mappings;
        WindowSpace windows;
        TreeMap<Integer, Drive> drives;
        int currentDrive;
        String cwd;
        Rng rng;
        /** The shell's command history (EYN-OS keeps the last 50 lines typed at the prompt). */
        List<String> history = new ArrayList<>();

        State copy() {
            State s = new State();
            s.heap = heap.copy();
            s.predictor = predictor.copyOnto(s.heap);
            s.fds = fds.copy();
            s.mappings = new ArrayList<>();
            for (Mapping m : mappings) s.mappings.add(m.copy());
            s.windows = windows.copy();
            s.drives = new TreeMap<>();
            for (Map.Entry<Integer, Drive> e : drives.entrySet()) s.drives.put(e.getKey(), e.getValue().copy());
            s.currentDrive = currentDrive;
            s.cwd = cwd;
            s.rng = rng.copy();
            s.history = new ArrayList<>(history);
            return s;
        }
    }

    /** An immutable saved machine state; restore it as often as needed. */
    public static final class Snapshot {
        private final State state;
        private Snapshot(State state) {
            this.state = state;
        }

        /** Reports what this snapshot holds: what it shares with other snapshots by identity, the rest as its own. */
        public void footprint(Footprint f) {
            State s = state;
            f.own(256);
            s.heap.footprint(f);
            s.predictor.footprint(f);
            s.fds.footprint(f);
            for (Mapping m : s.mappings) {
                f.own(MAPPING_DESCRIPTOR_SIZE);
                m.content.footprint(f);
            }
            f.own(64 + Footprint.ENTRY * (long) s.windows.size());
            for (Drive d : s.drives.values()) d.footprint(f);
            f.own(Footprint.references(s.history.size()));
            for (String line : s.history) f.shared(line, Footprint.string(line));
        }
    }

    public Machine(MachineConfig config) {
        this.config = config;
        State s = new State();
        s.heap = new Heap(Heap.sizeForRam(config.ramBytes()));
        s.predictor = new Predictor(s.heap);
        s.fds = new FdTable(FdTable.limitForRam(config.ramBytes()));
        s.mappings = new ArrayList<>();
        long heapEnd = Heap.BASE + (long) s.heap.size();
        s.windows = new WindowSpace((heapEnd + 0xFFFFF) & ~0xFFFFFL);
        s.drives = new TreeMap<>();
        for (Map.Entry<Integer, Drive> e : config.drives().entrySet()) s.drives.put(e.getKey(), e.getValue().copy());
        s.currentDrive = s.drives.firstKey();
        s.cwd = "/";
        s.rng = new Rng(config.seed());
        if (config.fidelity() == Fidelity.FAITHFUL) {
            // what EYN-OS Release 13's boot leaves in its heap (measured: 396 bytes used in the block at
            // 0x00800000, 2 allocations, 1 free), so that addresses and statistics start where the OS's do
            s.heap.allocate(BOOT_BLOCK);
            s.heap.free(s.heap.allocate(BOOT_BLOCK));
        }
        this.state = s;
        this.budget = new MemoryBudget(config.effectiveMemoryBudget());
        budget.attach(this::measureRetained, line -> console.error(line));
        for (Drive d : s.drives.values()) d.attach(budget);
    }

    /** The host memory budget: commands ask it before they grow the state; the debugger's history may reserve from it. */
    public MemoryBudget budget() { return budget; }

    /**
     * The host memory the current state retains, measured exactly: heap pages, fds' and mappings'
     * chunks, drives' loaded files and changed blocks, each shared array once. Snapshots held elsewhere
     * are not included (their holder reserves them through {@link #budget()}).
     */
    public long measureRetained() {
        MemoryMeter meter = new MemoryMeter();
        state.heap.measure(meter);
        for (OpenFile f : state.fds.open()) {
            meter.overhead(256);
            f.content.measure(meter);
        }
        for (Mapping m : state.mappings) {
            meter.overhead(256);
            m.content.measure(meter);
        }
        for (Drive d : state.drives.values()) d.measure(meter);
        meter.overhead(64L * state.history.size() + 4096);
        return meter.total();
    }

    /**
     * Asks the budget for {@code bytes} more; a refusal has printed the {@code [MEMORY]} line and throws the
     * caller's own error line.
     */
    void reserve(long bytes, String outOfMemory) throws MachineError {
        if (!budget.fits(bytes)) throw new MachineError(outOfMemory);
    }

    public MachineConfig config() { return config; }

    /** The payload of the heap block EYN-OS Release 13's boot keeps (faithful mode). */
    public static final int BOOT_BLOCK = 384;

    /** Whether this machine reproduces EYN-OS's bugs ({@link Fidelity#FAITHFUL}). */
    public boolean faithful() { return config.fidelity() == Fidelity.FAITHFUL; }
    public Console console() { return console; }
    public void setConsole(Console console) { this.console = console; }

    /** Sets who hears of reads of fd and mapping bytes; null for nobody. Survives snapshots and restores. */
    public void setReadListener(java.util.function.LongBinaryOperator listener) {
        this.readListener = listener;
    }

    void noteRead(long address, int length) {
        java.util.function.LongBinaryOperator l = readListener;
        if (l != null && length > 0) l.applyAsLong(address, length);
    }

    public Heap heap() { return state.heap; }
    public Predictor predictor() { return state.predictor; }
    public FdTable fds() { return state.fds; }
    public List<Mapping> mappings() { return state.mappings; }
    public Rng rng() { return state.rng; }
    public int currentDriveNumber() { return state.currentDrive; }
    public String cwd() { return state.cwd; }
    public long windowBase() { return state.windows.base(); }
    WindowSpace windows() { return state.windows; }

    public Map<Integer, Drive> drives() { return Collections.unmodifiableMap(state.drives); }
    public Drive drive() { return state.drives.get(state.currentDrive); }
    public Drive drive(int number) { return state.drives.get(number); }

    public void setCwd(String absolute) { state.cwd = absolute; }

    /** The command history, oldest first. */
    public List<String> history() { return Collections.unmodifiableList(state.history); }

    /** Adds a line as EYN-OS's shell does: not empty, not the same as the last one, the oldest dropped past 50. */
    public void addHistory(String line) {
        if (line.isEmpty()) return;
        List<String> h = state.history;
        if (!h.isEmpty() && h.get(h.size() - 1).equals(line)) return;
        if (h.size() >= HISTORY_SIZE) h.remove(0);
        h.add(line);
    }

    public void clearHistory() { state.history.clear(); }

    public static final int HISTORY_SIZE = 50;

    /** Switches drive and, unlike EYN-OS, resets the cwd to '/'; false when the drive does not exist. */
    public boolean switchDrive(int number) {
        if (!state.drives.containsKey(number)) return false;
        state.currentDrive = number;
        state.cwd = "/";
        return true;
    }

    /**
     * Selects a drive as EYN-OS's {@code drive} does: any number, the cwd kept. A number with no drive behind
     * it leaves {@link #drive()} null (no file system) until another drive is selected. Faithful mode only.
     */
    public void selectDrive(int number) {
        state.currentDrive = number;
    }

    /** Resolves a path typed by the user against the cwd (normalised, never above the root). */
    public String resolve(String input) {
        if (faithful() && input.startsWith("/")) {
            // EYN-OS does not normalise absolute paths (F1): "/a/../b" names nothing
            List<String> parts = FsPath.components(input);
            if (parts.contains("..") || parts.contains(".")) return "/" + String.join("/", parts);
        }
        return FsPath.resolve(state.cwd, input);
    }

    public ZeroCopy zeroCopy() { return new ZeroCopy(this); }
    public MemoryMaps maps() { return new MemoryMaps(this); }

    /** Where a zero-copy fd or a mapping lives: its descriptor in the heap and its bytes' window. */
    record View(int descriptor, long window, long span) {}

    /**
     * The whole contents of a file on the current drive, shared, for zopen and mmap. Errors carry
     * EYN-OS's text behind {@code prefix}.
     */
    ChunkedBytes fileForView(String abs, String prefix, String readFailure, String outOfMemory) throws MachineError {
        Drive d = drive();
        Drive.Entry entry = d.stat(abs);
        if (entry == null) throw new MachineError(prefix + "Error: File not found: " + abs);
        if (entry.directory()) throw new MachineError(prefix + "Error: Not a file: " + abs);
        try {
            return d.read(abs);
        } catch (DriveException e) {
            throw new MachineError(prefix + (e.kind() == DriveException.Kind.OUT_OF_MEMORY ? outOfMemory : readFailure));
        }
    }

    /**
     * A whole file as one array, for a command that needs it so (run, search, cat, sha256…): the host
     * memory budget must allow that array and what the command makes of it (twice the size) while the
     * command runs; else the {@code [MEMORY]} line and a {@link DriveException.Kind#OUT_OF_MEMORY} failure,
     * which the command reports as its read failure.
     */
    public byte[] readWhole(Drive drive, String abs) throws DriveException {
        ChunkedBytes content = drive.read(abs);
        if (!budget.fitsTransiently(2L * content.length())) {
            throw DriveException.outOfHostMemory(abs, budget);
        }
        return content.toByteArray();
    }

    /** Writes a view's bytes back to the file it came from, on the drive it came from. */
    void writeBack(int driveNumber, String path, ChunkedBytes content) throws DriveException {
        Drive d = drive(driveNumber);
        if (d == null) throw new DriveException(DriveException.Kind.NOT_FOUND, path, "drive " + driveNumber + " is gone");
        d.write(path, content.share());
    }

    /** Allocates a descriptor in the heap and a window for {@code length} bytes, or fails with {@code outOfMemory}. */
    View allocateView(int descriptorSize, int length, String outOfMemory) throws MachineError {
        int descriptor = allocate(descriptorSize);
        long span = WindowSpace.spanFor(length);
        long window = descriptor == 0 ? -1 : state.windows.reserve(span);
        if (window < 0) {
            free(descriptor);
            throw new MachineError(outOfMemory);
        }
        return new View(descriptor, window, span);
    }

    /** Allocates through the predictor; on failure prints the allocator's line, as EYN-OS does, and returns 0. */
    public int allocate(int size) {
        // on EYN-OS Release 13 nothing calls the predictor (P1): faithful mode allocates from the heap directly
        int address = faithful() ? state.heap.allocate(size) : state.predictor.allocate(size);
        if (address == 0) {
            switch (state.heap.lastFailure()) {
                case ZERO -> console.error("[MEMORY] Invalid allocation request: 0 bytes");
                case TOO_LARGE -> console.error("[MEMORY] Request too large: " + Integer.toUnsignedString(size) + " bytes (heap: "
                        + state.heap.size() / 1024 + " KB, max: " + state.heap.maxAllocation() + " bytes)");
                default -> console.error("[MEMORY] Out of memory (requested " + size + " bytes, heap: " + state.heap.size() / 1024
                        + " KB, allocations: " + state.heap.allocations() + ")");
            }
        }
        return address;
    }

    public void free(int address) {
        if (address == 0) return;
        if (faithful()) state.heap.free(address);
        else state.predictor.free(address);
    }

    /** Copies bytes into a heap block, so the memory view shows what a command's buffer held. */
    public void fillBuffer(int address, byte[] data, int len) {
        state.heap.write(address, data, 0, Math.min(len, data.length));
    }

    /** Writes back dirty writable fds, as EYN-OS would on shutdown; returns the fds that failed. */
    public List<Integer> shutdown() {
        List<Integer> failed = new ArrayList<>();
        ZeroCopy z = zeroCopy();
        for (OpenFile f : state.fds.open()) {
            if (!z.close(f.fd)) failed.add(f.fd);
        }
        return failed;
    }

    public Snapshot snapshot() {
        return new Snapshot(state.copy());
    }

    public void restore(Snapshot snapshot) {
        this.state = snapshot.state.copy();
        budget.invalidate();
    }

    /** Reads emulated memory; returns how many bytes from {@code address} were readable (stops at a gap). */
    public int readMemory(long address, byte[] dst, int len) {
        AddressSpace space = new AddressSpace(this);
        return space.read(address, dst, len);
    }

    /** Writes emulated memory; returns how many bytes were written (stops at a read-only or unmapped byte). */
    public int writeMemory(long address, byte[] src, int len) {
        return new AddressSpace(this).write(address, src, len);
    }

    /** A digest of everything a script can observe, for determinism and reverse-step checks. */
    public long digest() {
        long h = 17;
        h = h * 31 + state.predictor.hits();
        h = h * 31 + state.predictor.misses();
        h = h * 31 + state.predictor.totalAccesses();
        h = h * 31 + Double.hashCode(state.predictor.score());
        h = h * 31 + java.util.Arrays.hashCode(state.predictor.accessPattern());
        h = h * 31 + state.heap.usedBytes();
        h = h * 31 + state.heap.allocations();
        h = h * 31 + state.heap.frees();
        h = h * 31 + state.fds.everOpened();
        h = h * 31 + state.fds.operations();
        for (OpenFile f : state.fds.open()) {
            h = h * 31 + f.fd;
            h = h * 31 + f.offset;
            h = h * 31 + (f.dirty ? 1 : 0);
            h = h * 31 + f.accesses;
            h = h * 31 + f.content.digest();
        }
        for (Mapping m : state.mappings) {
            h = h * 31 + m.address;
            h = h * 31 + m.content.digest();
        }
        for (Map.Entry<Integer, Drive> e : state.drives.entrySet()) h = h * 31 + DriveDigest.of(e.getValue());
        h = h * 31 + state.currentDrive;
        h = h * 31 + state.cwd.hashCode();
        h = h * 31 + state.rng.state();
        h = h * 31 + state.history.hashCode();
        return h;
    }
}
