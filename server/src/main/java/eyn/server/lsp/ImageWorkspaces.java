package eyn.server.lsp;

import eyn.analysis.Workspace;
import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@code driveImage} setting's image, mounted once (read-only) and remounted only when the file
 * changes: analyses run on every edit, and a mount runs the full check. Each analysis gets its own
 * copy, which costs a page table, so nothing it does reaches the next one.
 */
final class ImageWorkspaces {
    private static Path path;
    private static Object stamp;
    private static Drive mounted;

    private ImageWorkspaces() {}

    static synchronized Workspace workspace(Path image, long maxFileBytes) {
        try {
            BasicFileAttributes a = Files.readAttributes(image, BasicFileAttributes.class);
            Object now = a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
            if (!image.equals(path) || !now.equals(stamp)) {
                if (mounted != null) mounted.close();
                mounted = null;
                path = image;
                stamp = now;
                mounted = DiskImages.open(image, false, maxFileBytes);
            }
            return mounted == null ? Workspace.NONE : Workspace.of(mounted.copy());
        } catch (IOException | DriveException e) {
            return Workspace.NONE; // no image, or not one we can read: checks go on without file facts
        }
    }
}
