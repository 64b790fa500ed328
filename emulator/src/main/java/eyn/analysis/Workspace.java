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

    /** Where other scripts of the workspace call the script at this path (empty when unknown). */
    default java.util.List<CallSite> callers(String scriptPath) {
        return java.util.List.of();
    }

    /** This workspace, knowing the callers of each script from an index kept elsewhere. */
    static Workspace withCallers(Workspace base, java.util.function.Function<String, java.util.List<CallSite>> callers) {
        return new Workspace() {
            @Override public Drive.Entry stat(String absolutePath) { return base.stat(absolutePath); }
            @Override public String read(String absolutePath) { return base.read(absolutePath); }
            @Override public boolean known() { return base.known(); }
            @Override public Drive drive() { return base.drive(); }
            @Override public java.util.List<CallSite> callers(String scriptPath) { return callers.apply(scriptPath); }
        };
    }

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
