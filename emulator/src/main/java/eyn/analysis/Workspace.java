package eyn.analysis;

import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.nio.charset.StandardCharsets;

/**
 * What the analysis may know about the drive a script runs on: which files exist and the text of
 * other scripts. Read-only. {@link #NONE} knows nothing, and file checks are then skipped.
 */
public interface Workspace {
    /** Null when nothing is there, or when the workspace is unknown. */
    Drive.Entry stat(String absolutePath);

    /** The text of a script on the drive, or null. */
    String read(String absolutePath);

    /** False when nothing is known about files (no drive). */
    boolean known();

    /** The drive behind it, for a dry run; null when unknown. */
    Drive drive();

    Workspace NONE = new Workspace() {
        @Override public Drive.Entry stat(String absolutePath) { return null; }
        @Override public String read(String absolutePath) { return null; }
        @Override public boolean known() { return false; }
        @Override public Drive drive() { return null; }
    };

    static Workspace of(Drive drive) {
        return new Workspace() {
            @Override public Drive.Entry stat(String absolutePath) { return drive.stat(absolutePath); }
            @Override public String read(String absolutePath) {
                try {
                    return new String(drive.read(absolutePath).toByteArray(), StandardCharsets.UTF_8);
                } catch (DriveException e) {
                    return null;
                }
            }
            @Override public boolean known() { return true; }
            @Override public Drive drive() { return drive; }
        };
    }
}
