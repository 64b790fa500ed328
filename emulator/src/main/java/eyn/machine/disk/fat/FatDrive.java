package eyn.machine.disk.fat;

import de.waldheinz.fs.FsDirectory;
import de.waldheinz.fs.FsDirectoryEntry;
import de.waldheinz.fs.FsFile;
import de.waldheinz.fs.fat.FatFileSystem;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.DriveException.Kind;
import eyn.machine.disk.FsPath;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.ImageFile;
import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A FAT32 image (no partition table: the boot sector at LBA 0) as a drive, through fat32-lib. Long
 * file names are read; new names are stored by the library as an 8.3 entry, plus long-name entries
 * only when the name is not a valid 8.3 name. Like EYNFS images, changes stay in an in-memory
 * overlay until {@link #flush()} commits them by copy-then-rename (with {@code persist}).
 *
 * <p>The library keeps its own caches of the FAT and directories, so a copy (a debugger snapshot)
 * flushes them into the overlay and mounts a second file system on a copy of it: correct, but it
 * costs a read of the FAT per snapshot.
 */
public final class FatDrive implements Drive {
    private final BlockStore store;
    private final FatFileSystem fs;
    private final ImageFile image;
    private final boolean persist;
    private final long maxFileBytes;
    private final String name;
    private long version;
    private long committed;

    private FatDrive(BlockStore store, FatFileSystem fs, ImageFile image, boolean persist, long maxFileBytes, String name) {
        this.store = store;
        this.fs = fs;
        this.image = image;
        this.persist = persist;
        this.maxFileBytes = maxFileBytes;
        this.name = name;
    }

    public static FatDrive open(Path file, boolean persist, long maxFileBytes) throws DriveException {
        return ImageFile.mount(file, persist, image -> {
            BlockStore store = new BlockStore(image);
            return new FatDrive(store, mount(store, file.toString()), image, persist, maxFileBytes, file.toString());
        });
    }

    public static FatDrive inMemory(BlockStore store, String name, long maxFileBytes) throws DriveException {
        return new FatDrive(store, mount(store, name), null, false, maxFileBytes, name);
    }

    private static FatFileSystem mount(BlockStore store, String name) throws DriveException {
        try {
            return FatFileSystem.read(new StoreDevice(store), false);
        } catch (IOException | RuntimeException e) {
            throw new DriveException(Kind.IO, "/", name + ": not a FAT file system fat32-lib can read: " + e.getMessage());
        }
    }

    /** The overlay under the file system, for tests that remount its bytes. */
    BlockStore storeForTests() {
        try {
            fs.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    @Override
    public Entry stat(String path) {
        try {
            if (path.equals("/")) return new Entry("/", true, 0);
            FsDirectoryEntry e = entry(path);
            return e == null ? null : entryOf(e);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<Entry> list(String dir) throws DriveException {
        try {
            List<Entry> out = new ArrayList<>();
            for (FsDirectoryEntry e : directory(dir)) {
                if (e.getName().equals(".") || e.getName().equals("..")) continue;
                out.add(entryOf(e));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw failed(dir, e);
        }
    }

    @Override
    public ChunkedBytes read(String file) throws DriveException {
        try {
            FsDirectoryEntry e = entry(file);
            if (e == null) throw new DriveException(Kind.NOT_FOUND, file, "no such file");
            if (!e.isFile()) throw new DriveException(Kind.NOT_A_FILE, file, "not a file");
            FsFile f = e.getFile();
            if (f.getLength() > maxFileBytes) throw new DriveException(Kind.TOO_LARGE, file, "larger than " + maxFileBytes + " bytes");
            reserve(file, f.getLength());
            ChunkedBytes out = ChunkedBytes.empty();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            for (long pos = 0; pos < f.getLength(); ) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), f.getLength() - pos));
                f.read(pos, buf);
                out.write((int) pos, buf.array(), 0, buf.position());
                pos += buf.position();
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw failed(file, e);
        }
    }

    @Override
    public void write(String file, ChunkedBytes content) throws DriveException {
        reserve(file, content.length() + 4L * BlockStore.BLOCK);
        change(file, () -> {
            FsDirectory dir = directory(FsPath.parent(file));
            FsDirectoryEntry e = dir.getEntry(FsPath.name(file));
            if (e != null && e.isDirectory()) throw new DriveException(Kind.NOT_A_FILE, file, "is a directory");
            if (e == null) e = dir.addFile(FsPath.name(file));
            FsFile f = e.getFile();
            f.setLength(content.length());
            byte[] buf = new byte[64 * 1024];
            for (int pos = 0; pos < content.length(); pos += buf.length) {
                int n = Math.min(buf.length, content.length() - pos);
                content.read(pos, buf, 0, n);
                f.write(pos, ByteBuffer.wrap(buf, 0, n));
            }
            f.flush();
        });
    }

    @Override
    public void makeDirectory(String dir) throws DriveException {
        change(dir, () -> {
            FsDirectory parent = directory(FsPath.parent(dir));
            if (parent.getEntry(FsPath.name(dir)) != null) throw new DriveException(Kind.EXISTS, dir, "exists");
            parent.addDirectory(FsPath.name(dir));
        });
    }

    @Override
    public void deleteFile(String file) throws DriveException {
        change(file, () -> {
            FsDirectoryEntry e = entry(file);
            if (e == null || !e.isFile()) throw new DriveException(Kind.NOT_FOUND, file, "no such file");
            directory(FsPath.parent(file)).remove(e.getName()); // lookups ignore case; removal wants the stored name
        });
    }

    @Override
    public void deleteDirectory(String dir) throws DriveException {
        change(dir, () -> {
            if (dir.equals("/")) throw new DriveException(Kind.NOT_EMPTY, dir, "the root cannot be deleted");
            FsDirectoryEntry e = entry(dir);
            if (e == null || !e.isDirectory()) throw new DriveException(Kind.NOT_FOUND, dir, "no such directory");
            if (!list(dir).isEmpty()) throw new DriveException(Kind.NOT_EMPTY, dir, "not empty");
            directory(FsPath.parent(dir)).remove(e.getName());
        });
    }

    private eyn.machine.memory.MemoryBudget budget;

    @Override
    public void attach(eyn.machine.memory.MemoryBudget budget) {
        this.budget = budget;
    }

    @Override
    public void measure(eyn.machine.memory.MemoryMeter meter) {
        store.measure(meter);
    }

    /** Asks the budget before holding {@code bytes} more (a file read out of the image, blocks written into its overlay). */
    private void reserve(String path, long bytes) throws DriveException {
        DriveException.reserve(budget, path, bytes);
    }

    private interface Change {
        void apply() throws IOException, DriveException;
    }

    private void change(String path, Change c) throws DriveException {
        String why = FsPath.invalidName(FsPath.name(path));
        if (why != null && !path.equals("/")) throw new DriveException(Kind.BAD_NAME, path, why);
        try {
            c.apply();
            fs.flush();
            version++;
        } catch (IOException | RuntimeException e) {
            throw failed(path, e);
        }
    }

    @Override
    public void footprint(eyn.machine.Footprint f) {
        // a copy mounts the file system again: its tables are the copy's own
        f.own(64 * 1024);
        store.footprint(f);
    }

    @Override
    public Drive copy() {
        try {
            fs.flush();
            BlockStore copied = store.copy();
            FatDrive d = new FatDrive(copied, mount(copied, name), image, persist, maxFileBytes, name);
            d.version = version;
            d.committed = committed;
            d.budget = budget;
            return d;
        } catch (IOException | RuntimeException | DriveException e) {
            throw new IllegalStateException("FAT32 snapshot failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return (image == null ? "in-memory FAT32 image " : persist ? "FAT32 image " : "overlay of FAT32 image ") + name;
    }

    @Override
    public void flush() throws DriveException {
        if (!persist || image == null || version == committed) return;
        try {
            fs.flush();
            image.commit(store);
            committed = version;
        } catch (IOException | RuntimeException e) {
            throw new DriveException(Kind.IO, "/", "cannot write " + name + ": " + e.getMessage() + " (the image is unchanged)");
        }
    }

    @Override
    public void close() {
        if (image != null) image.close();
    }

    private FsDirectory directory(String path) throws IOException, DriveException {
        if (path.equals("/")) return fs.getRoot();
        FsDirectoryEntry e = entry(path);
        if (e == null) throw new DriveException(Kind.NOT_FOUND, path, "no such directory");
        if (!e.isDirectory()) throw new DriveException(Kind.NOT_A_DIRECTORY, path, "not a directory");
        return e.getDirectory();
    }

    private FsDirectoryEntry entry(String path) throws IOException {
        FsDirectory dir = fs.getRoot();
        FsDirectoryEntry e = null;
        for (String part : FsPath.components(path)) {
            if (dir == null) return null;
            e = dir.getEntry(part);
            if (e == null) return null;
            dir = e.isDirectory() ? e.getDirectory() : null;
        }
        return e;
    }

    private static Entry entryOf(FsDirectoryEntry e) throws IOException {
        if (e.isDirectory()) return new Entry(e.getName(), true, 0);
        return new Entry(e.getName(), false, (int) Math.min(Integer.MAX_VALUE, e.getFile().getLength()));
    }

    private static DriveException failed(String path, Exception e) {
        if (e instanceof DriveException d) return d;
        return new DriveException(Kind.IO, path, "FAT32: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
