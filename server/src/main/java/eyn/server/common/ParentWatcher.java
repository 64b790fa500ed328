package eyn.server.common;

/** Exits the server when the client process named in initialize dies. */
public final class ParentWatcher {
    private ParentWatcher() {}

    public static void watch(Integer pid, Runnable onExit) {
        if (pid == null || pid <= 0 || pid == ProcessHandle.current().pid()) return;
        try {
            ProcessHandle.of(pid).ifPresentOrElse(handle -> handle.onExit().thenRun(onExit), onExit);
        } catch (RuntimeException e) {
            // a process we may not watch: the stdin watch still ends the server
        }
    }
}
