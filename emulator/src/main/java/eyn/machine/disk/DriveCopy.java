package eyn.machine.disk;

/** Copies a whole tree from one drive to another: mkfs --from a folder, export of an image to a folder. */
public final class DriveCopy {
    public record Counts(int files, int directories, long bytes) {}

    /** Directories deeper than this are not copied: EYN-OS paths are at most 127 characters anyway. */
    static final int MAX_DEPTH = 64;

    private DriveCopy() {}

    public static Counts copyTree(Drive from, Drive to) throws DriveException {
        int[] counts = new int[2];
        long[] bytes = new long[1];
        copyDir(from, to, "/", 0, counts, bytes);
        return new Counts(counts[0], counts[1], bytes[0]);
    }

    private static void copyDir(Drive from, Drive to, String dir, int depth, int[] counts, long[] bytes) throws DriveException {
        if (depth > MAX_DEPTH) return;
        for (Drive.Entry e : from.list(dir)) {
            String path = FsPath.child(dir, e.name());
            if (e.directory()) {
                Drive.Entry there = to.stat(path);
                if (there == null) to.makeDirectory(path);
                else if (!there.directory()) throw new DriveException(DriveException.Kind.EXISTS, path, "a file is in the way of a directory");
                counts[1]++;
                copyDir(from, to, path, depth + 1, counts, bytes);
            } else {
                var content = from.read(path);
                to.write(path, content);
                counts[0]++;
                bytes[0] += content.length();
            }
        }
    }
}
