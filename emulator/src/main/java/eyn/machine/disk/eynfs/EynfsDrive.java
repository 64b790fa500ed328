package eyn.machine.disk.eynfs;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.DriveException.Kind;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.ImageFile;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An EYNFS disk image as an emulated drive. Changes go to an in-memory overlay of the image; with
 * {@code persist} they reach the image file on {@link #flush()}, by copy-then-rename (never in place),
 * and only one process may hold the image for writing. Without it the file is only read.
 */
public final class EynfsDrive implements Drive {
    private final Eynfs fs;
    private final ImageFile image;
    private final boolean persist;
    private final long maxFileBytes;
    private final String name;
    private long committed;

    private EynfsDrive(Eynfs fs, ImageFile image, boolean persist, long maxFileBytes, String name, long committed) {
        this.fs = fs;
        this.image = image;
        this.persist = persist;
        this.maxFileBytes = maxFileBytes;
        this.name = name;
        this.committed = committed;
    }

    /** Opens an image file; errors (no such file, not EYNFS, locked by another writer) say why in one line. */
    public static EynfsDrive open(Path file, boolean persist, long maxFileBytes) throws DriveException {
        return ImageFile.mount(file, persist, image -> {
            try {
                return new EynfsDrive(Eynfs.mount(new BlockStore(image)), image, persist, maxFileBytes, file.toString(), 0);
            } catch (DriveException e) {
                throw new DriveException(e.kind(), "/", file + ": " + e.getMessage());
            }
        });
    }

    /** A drive over an image held in memory (tests, mkfs before it is written out, fuzzing). */
    public static EynfsDrive inMemory(BlockStore store, String name, long maxFileBytes) throws DriveException {
        return new EynfsDrive(Eynfs.mount(store), null, false, maxFileBytes, name, 0);
    }

    public Eynfs fs() {
        return fs;
    }

    /** Problems the mount found; an error among them makes the drive read-only. */
    public List<Finding> findings() {
        return fs.findings();
    }

    /** A file's or directory's block chain as ranges ("4-6, 9"), for the debugger; empty when there is none. */
    public String chainOf(String path) {
        try {
            Eynfs.Node n = fs.lookup(path);
            if (n == null || n.firstBlock() == 0) return "";
            List<Long> blocks = fs.chain(n.firstBlock(), n.directory() ? Layout.MAX_DIR_BLOCKS : (int) Math.min(Integer.MAX_VALUE, Layout.blocksFor(n.size())));
            StringBuilder out = new StringBuilder();
            int ranges = 0;
            for (int i = 0; i < blocks.size(); i++) {
                int j = i;
                while (j + 1 < blocks.size() && blocks.get(j + 1) == blocks.get(j) + 1) j++;
                if (ranges++ == 20) return out.append(", ... (").append(blocks.size()).append(" blocks)").toString();
                if (out.length() > 0) out.append(", ");
                out.append(blocks.get(i));
                if (j > i) out.append('-').append(blocks.get(j));
                i = j;
            }
            return out.toString();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    @Override
    public Entry stat(String path) {
        try {
            Eynfs.Node n = fs.lookup(path);
            if (n == null) return null;
            String entryName = path.equals("/") ? "/" : FsPath.name(path);
            return new Entry(entryName, n.directory(), (int) Math.min(Integer.MAX_VALUE, n.size()));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Entry> list(String dir) throws DriveException {
        Eynfs.Node n = node(dir);
        if (!n.directory()) throw new DriveException(Kind.NOT_A_DIRECTORY, dir, "not a directory");
        try {
            List<Entry> entries = new ArrayList<>();
            for (Slot s : fs.list(n.firstBlock())) {
                DirEntry e = s.entry();
                if (e.type() != Layout.TYPE_FILE && e.type() != Layout.TYPE_DIR) continue; // fscheck reports them
                entries.add(new Entry(e.name(), e.directory(), (int) Math.min(Integer.MAX_VALUE, e.size())));
            }
            return entries;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, dir, "cannot read the image: " + e.getMessage());
        }
    }

    @Override
    public ChunkedBytes read(String file) throws DriveException {
        Eynfs.Node n = node(file);
        if (n.directory()) throw new DriveException(Kind.NOT_A_FILE, file, "not a file");
        if (n.size() <= maxFileBytes) reserve(file, n.size());
        return fs.read(n, file, maxFileBytes);
    }

    @Override
    public void write(String file, ChunkedBytes content) throws DriveException {
        reserve(file, content.length() + 2L * BlockStore.BLOCK);
        fs.writeFile(file, content);
    }

    @Override
    public void makeDirectory(String dir) throws DriveException {
        fs.makeDirectory(dir);
    }

    @Override
    public void deleteFile(String file) throws DriveException {
        fs.deleteFile(file);
    }

    @Override
    public void deleteDirectory(String dir) throws DriveException {
        fs.deleteDirectory(dir);
    }

    @Override
    public Drive copy() {
        EynfsDrive d = new EynfsDrive(fs.copy(), image, persist, maxFileBytes, name, committed);
        d.budget = budget;
        return d;
    }

    private eyn.machine.memory.MemoryBudget budget;

    @Override
    public void attach(eyn.machine.memory.MemoryBudget budget) {
        this.budget = budget;
    }

    @Override
    public void measure(eyn.machine.memory.MemoryMeter meter) {
        fs.store().measure(meter);
    }

    /** Asks the budget before holding {@code bytes} more (a file read out of the image, blocks written into its overlay). */
    private void reserve(String path, long bytes) throws DriveException {
        DriveException.reserve(budget, path, bytes);
    }

    @Override
    public void footprint(eyn.machine.Footprint f) {
        // the allocator's free map is copied with every snapshot: a bit per block
        f.own(4096 + fs.store().blocks() / 8);
        fs.store().footprint(f);
    }

    @Override
    public String describe() {
        String mode = image == null ? "in-memory EYNFS image " : persist ? "EYNFS image " : "overlay of EYNFS image ";
        return mode + name + (fs.hasErrors() ? " (read-only: fscheck found errors)" : "");
    }

    @Override
    public List<Problem> check() throws DriveException {
        try {
            List<Problem> problems = new ArrayList<>();
            for (Finding f : fs.recheck().findings()) {
                // notes are the OS formatter's own habits: its fscheck calls such an image healthy, and so does ours
                if (f.severity() != Finding.Severity.NOTE) problems.add(new Problem(f.severity() == Finding.Severity.ERROR, f.toString()));
            }
            return problems;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, "/", "cannot read the image: " + e.getMessage());
        }
    }

    /** Writes the changes made since the last flush to the image file, atomically; a no-op without persist. */
    @Override
    public void flush() throws DriveException {
        if (!persist || image == null || fs.version() == committed) return;
        try {
            image.commit(fs.store());
            committed = fs.version();
        } catch (IOException e) {
            throw new DriveException(Kind.IO, "/", "cannot write " + name + ": " + e.getMessage() + " (the image is unchanged)");
        }
    }

    @Override
    public void close() {
        if (image != null) image.close();
    }

    private Eynfs.Node node(String path) throws DriveException {
        try {
            Eynfs.Node n = fs.lookup(path);
            if (n == null) throw new DriveException(Kind.NOT_FOUND, path, "no such file or directory");
            return n;
        } catch (IOException e) {
            throw new DriveException(Kind.IO, path, "cannot read the image: " + e.getMessage());
        }
    }
}
