package eyn.server.lsp;

import eyn.analysis.Workspace;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a document's drive 0 is on the host (the {@code driveImage} setting: a disk image; else the
 * {@code driveRoot} setting; else the document's folder, as {@code eyn run} does) and how drive
 * paths and URIs map onto each other. A script checked against an image is taken to sit at the
 * image's root, and the image's files have no host URIs.
 */
record DriveMapping(Path root, String scriptPath, Path image) {
    static final long MAX_DRY_RUN_FILE = 16L * 1024 * 1024;

    static DriveMapping of(String uri, Settings settings, Path workspaceFolder) {
        Path file = path(uri);
        if (file == null) return new DriveMapping(null, null, null);
        if (settings.driveImage() != null) {
            Path configured = Path.of(settings.driveImage());
            Path image = configured.isAbsolute() || workspaceFolder == null ? configured : workspaceFolder.resolve(configured);
            return new DriveMapping(null, "/" + file.getFileName(), image);
        }
        Path root = file.getParent();
        if (settings.driveRoot() != null) {
            Path configured = Path.of(settings.driveRoot());
            root = configured.isAbsolute() || workspaceFolder == null ? configured : workspaceFolder.resolve(configured);
        }
        if (root == null || !Files.isDirectory(root)) return new DriveMapping(null, null, null);
        Path rel = file.normalize().startsWith(root.normalize()) ? root.normalize().relativize(file.normalize()) : null;
        String scriptPath = rel == null ? null : "/" + rel.toString().replace('\\', '/');
        return new DriveMapping(root, scriptPath, null);
    }

    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** A fresh read-only view of the drive (so the analysis sees the folder as it is now). */
    Workspace workspace() {
        if (image != null) return ImageWorkspaces.workspace(image, MAX_DRY_RUN_FILE);
        if (root == null) return Workspace.NONE;
        try {
            // the analysis' dry run reads files; a huge one would cost the editor memory and time
            return Workspace.of(TreeDrive.overFolder(new HostFolder(root, MAX_DRY_RUN_FILE), false));
        } catch (IOException e) {
            return Workspace.NONE;
        }
    }

    String uriOf(String drivePath) {
        if (root == null) return null; // also for images: their files are not host files
        return root.resolve(drivePath.substring(1)).toUri().toString();
    }
}
