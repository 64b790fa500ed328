package eyn.machine;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;

/** Digest of a drive's loaded-or-not contents: names, kinds, sizes and bytes of every file. */
final class DriveDigest {
    private DriveDigest() {}

    static long of(Drive drive) {
        return walk(drive, "/", 0);
    }

    private static long walk(Drive drive, String dir, int depth) {
        long h = dir.hashCode();
        if (depth > 64) return h;
        try {
            for (Drive.Entry e : drive.list(dir)) {
                String path = FsPath.child(dir, e.name());
                h = h * 31 + e.name().hashCode();
                if (e.directory()) {
                    h = h * 31 + walk(drive, path, depth + 1);
                } else {
                    h = h * 31 + drive.read(path).digest();
                }
            }
        } catch (DriveException e) {
            h = h * 31 + e.kind().ordinal();
        }
        return h;
    }
}
