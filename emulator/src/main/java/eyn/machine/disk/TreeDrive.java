package eyn.machine.disk;

import eyn.machine.files.ChunkedBytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A drive held in memory as a tree. It may sit over a host folder, read lazily as the script looks
 * at it (an overlay: what the script changes stays here), and may also write each change through
 * to that folder when {@code persist} is set.
 */
public final class TreeDrive implements Drive {
    private abstract static class Node {
        final Path hostPath;
        Node(Path hostPath) { this.hostPath = hostPath; }
        abstract Node copy();
    }

    private static final class FileNode extends Node {
        ChunkedBytes content;
        int size;
        /** While the host file is unread: where its bytes go once read, shared with every copy of this entry. */
        FirstRead<ChunkedBytes> unread;
        FileNode(Path hostPath, ChunkedBytes content, int size) {
            this(hostPath, content, size, content == null ? new FirstRead<>() : null);
        }
        private FileNode(Path hostPath, ChunkedBytes content, int size, FirstRead<ChunkedBytes> unread) {
            super(hostPath);
            this.content = content;
            this.size = size;
            this.unread = unread;
        }
        @Override Node copy() {
            return new FileNode(hostPath, content == null ? null : content.share(), size, unread);
        }
    }

    /**
     * A host file's bytes, or a host folder's entries, as first read. Copies of a drive taken before the
     * read (reverse history's checkpoints) share it, so a step back that replays the read finds the same
     * value: it neither reads the file again (a 100 MB file read again per step back filled the debugger's
     * heap) nor sees the file as changed on the host since. The value is never changed once read: each
     * entry that reads it takes a copy (a shared view of the bytes; copies of the folder's entries).
     */
    private static final class FirstRead<T> {
        T value;
    }

    private static final class DirNode extends Node {
        TreeMap<String, Node> children;
        /** While the host folder is unlisted: its entries once listed, shared with every copy of this entry. */
        FirstRead<TreeMap<String, Node>> unlisted;
        DirNode(Path hostPath, TreeMap<String, Node> children) {
            this(hostPath, children, children == null ? new FirstRead<>() : null);
        }
        private DirNode(Path hostPath, TreeMap<String, Node> children, FirstRead<TreeMap<String, Node>> unlisted) {
            super(hostPath);
            this.children = children;
            this.unlisted = unlisted;
        }
        @Override Node copy() {
            return children == null ? new DirNode(hostPath, null, unlisted) : new DirNode(hostPath, copyOf(children), null);
        }
    }

    private static TreeMap<String, Node> copyOf(TreeMap<String, Node> children) {
        TreeMap<String, Node> copied = new TreeMap<>();
        for (Map.Entry<String, Node> e : children.entrySet()) copied.put(e.getKey(), e.getValue().copy());
        return copied;
    }

    private final HostFolder host;
    private final boolean persist;
    private final DirNode root;
    private eyn.machine.memory.MemoryBudget budget;

    private TreeDrive(HostFolder host, boolean persist, DirNode root) {
        this.host = host;
        this.persist = persist;
        this.root = root;
    }

    public static TreeDrive inMemory() {
        return new TreeDrive(null, false, new DirNode(null, new TreeMap<>()));
    }

    /** A drive over a host folder; with {@code persist} false nothing is ever written to it. */
    public static TreeDrive overFolder(HostFolder host, boolean persist) {
        return new TreeDrive(host, persist, new DirNode(host.root(), null));
    }

    @Override
    public Entry stat(String path) {
        Node node = find(path);
        if (node == null) return null;
        String name = path.equals("/") ? "/" : FsPath.name(path);
        return entryOf(name, node);
    }

    @Override
    public List<Entry> list(String dir) throws DriveException {
        DirNode d = directory(dir);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Node> e : children(d).entrySet()) entries.add(entryOf(e.getKey(), e.getValue()));
        return entries;
    }

    @Override
    public ChunkedBytes read(String file) throws DriveException {
        return content(file, fileNode(file)).share();
    }

    @Override
    public void write(String file, ChunkedBytes content) throws DriveException {
        DirNode parent = directory(FsPath.parent(file));
        String name = FsPath.name(file);
        checkName(file, name);
        Node existing = children(parent).get(name);
        if (existing instanceof DirNode) throw new DriveException(DriveException.Kind.NOT_A_FILE, file, "is a directory");
        Path hostPath = existing != null ? existing.hostPath : hostChild(parent, name);
        if (persist && hostPath != null) {
            try {
                host.writeAtomically(hostPath, content);
            } catch (IOException e) {
                throw new DriveException(DriveException.Kind.IO, file, "host write failed: " + e.getMessage());
            }
        }
        children(parent).put(name, new FileNode(hostPath, content, content.length()));
    }

    @Override
    public void makeDirectory(String dir) throws DriveException {
        DirNode parent = directory(FsPath.parent(dir));
        String name = FsPath.name(dir);
        checkName(dir, name);
        if (children(parent).containsKey(name)) throw new DriveException(DriveException.Kind.EXISTS, dir, "exists");
        Path hostPath = hostChild(parent, name);
        if (persist && hostPath != null) {
            try {
                host.makeDirectory(hostPath);
            } catch (IOException e) {
                throw new DriveException(DriveException.Kind.IO, dir, "host mkdir failed: " + e.getMessage());
            }
        }
        children(parent).put(name, new DirNode(hostPath, new TreeMap<>()));
    }

    @Override
    public void deleteFile(String file) throws DriveException {
        DirNode parent = directory(FsPath.parent(file));
        Node node = children(parent).get(FsPath.name(file));
        if (!(node instanceof FileNode)) throw new DriveException(DriveException.Kind.NOT_FOUND, file, "no such file");
        removeFromHost(node, file);
        children(parent).remove(FsPath.name(file));
    }

    @Override
    public void deleteDirectory(String dir) throws DriveException {
        if (dir.equals("/")) throw new DriveException(DriveException.Kind.NOT_EMPTY, dir, "the root cannot be deleted");
        DirNode parent = directory(FsPath.parent(dir));
        Node node = children(parent).get(FsPath.name(dir));
        if (!(node instanceof DirNode d)) throw new DriveException(DriveException.Kind.NOT_FOUND, dir, "no such directory");
        if (!children(d).isEmpty()) throw new DriveException(DriveException.Kind.NOT_EMPTY, dir, "not empty");
        removeFromHost(node, dir);
        children(parent).remove(FsPath.name(dir));
    }

    @Override
    public Drive copy() {
        TreeDrive d = new TreeDrive(host, persist, (DirNode) root.copy());
        d.budget = budget;
        return d;
    }

    @Override
    public void attach(eyn.machine.memory.MemoryBudget budget) {
        this.budget = budget;
    }

    /** Files read from the host so far, and every file written, count; a folder's files not yet read do not. */
    @Override
    public void measure(eyn.machine.memory.MemoryMeter meter) {
        measure(root, meter);
    }

    private static void measure(Node node, eyn.machine.memory.MemoryMeter meter) {
        meter.overhead(NODE_BYTES);
        if (node instanceof FileNode f) {
            if (f.content != null) f.content.measure(meter);
        } else if (node instanceof DirNode d && d.children != null) {
            for (Node child : d.children.values()) measure(child, meter);
        }
    }

    /** What a file or folder entry costs beside its bytes (node, map entry, name, host path), roughly. */
    private static final int NODE_BYTES = 256;

    @Override
    public long readCost(String file) {
        Node node = find(file);
        return node instanceof FileNode f && f.content == null ? f.size : 0;
    }

    @Override
    public void footprint(eyn.machine.Footprint f) {
        f.own(64);
        footprint(root, f);
    }

    private static void footprint(Node node, eyn.machine.Footprint f) {
        f.own(48);
        if (node instanceof FileNode file) {
            if (file.content != null) file.content.footprint(f);
            // a copy from before the read holds the bytes read since (shared with the live file while unchanged)
            else if (file.unread != null && file.unread.value != null) file.unread.value.footprint(f);
        } else if (node instanceof DirNode dir) {
            // a copy from before the listing holds the entries listed since, and what of them was read
            TreeMap<String, Node> entries = dir.children != null ? dir.children : dir.unlisted.value;
            if (entries == null) return;
            for (Map.Entry<String, Node> e : entries.entrySet()) {
                f.own(eyn.machine.Footprint.ENTRY);
                f.shared(e.getKey(), eyn.machine.Footprint.string(e.getKey()));
                footprint(e.getValue(), f);
            }
        }
    }

    @Override
    public String describe() {
        if (host == null) return "in memory";
        return (persist ? "folder " : "overlay of ") + host.root();
    }

    private void removeFromHost(Node node, String path) throws DriveException {
        if (!persist || node.hostPath == null) return;
        try {
            host.delete(node.hostPath);
        } catch (IOException e) {
            throw new DriveException(DriveException.Kind.IO, path, "host delete failed: " + e.getMessage());
        }
    }

    private static void checkName(String path, String name) throws DriveException {
        String why = FsPath.invalidName(name);
        if (why != null) throw new DriveException(DriveException.Kind.BAD_NAME, path, why);
    }

    private Path hostChild(DirNode parent, String name) {
        return parent.hostPath == null ? null : parent.hostPath.resolve(name);
    }

    private Entry entryOf(String name, Node node) {
        if (node instanceof DirNode) return new Entry(name, true, 0);
        return new Entry(name, false, ((FileNode) node).size);
    }

    private Node find(String path) {
        Node node = root;
        for (String part : FsPath.components(path)) {
            if (!(node instanceof DirNode d)) return null;
            node = children(d).get(part);
            if (node == null) return null;
        }
        return node;
    }

    private DirNode directory(String path) throws DriveException {
        Node node = find(path);
        if (node == null) throw new DriveException(DriveException.Kind.NOT_FOUND, path, "no such directory");
        if (!(node instanceof DirNode d)) throw new DriveException(DriveException.Kind.NOT_A_DIRECTORY, path, "not a directory");
        return d;
    }

    private FileNode fileNode(String path) throws DriveException {
        Node node = find(path);
        if (node == null) throw new DriveException(DriveException.Kind.NOT_FOUND, path, "no such file");
        if (!(node instanceof FileNode f)) throw new DriveException(DriveException.Kind.NOT_A_FILE, path, "not a file");
        return f;
    }

    private ChunkedBytes content(String path, FileNode f) throws DriveException {
        if (f.content == null) {
            DriveException.reserve(budget, path, f.size);
            if (f.unread.value == null) {
                try {
                    f.unread.value = host.load(f.hostPath);
                } catch (IOException e) {
                    throw new DriveException(DriveException.Kind.IO, path, "cannot read host file: " + e.getMessage());
                }
            }
            f.content = f.unread.value.share();
            f.size = f.content.length();
            // only the copies made before the read keep the bytes as read; this entry's may now change
            f.unread = null;
        }
        return f.content;
    }

    private TreeMap<String, Node> children(DirNode d) {
        if (d.children == null) {
            if (d.unlisted.value == null) {
                TreeMap<String, Node> listed = new TreeMap<>();
                for (HostFolder.HostEntry e : host.list(d.hostPath)) {
                    Path p = d.hostPath.resolve(e.name());
                    listed.put(e.name(), e.directory() ? new DirNode(p, null) : new FileNode(p, null, (int) e.size()));
                }
                d.unlisted.value = listed;
            }
            d.children = copyOf(d.unlisted.value);
            d.unlisted = null;
        }
        return d.children;
    }
}
