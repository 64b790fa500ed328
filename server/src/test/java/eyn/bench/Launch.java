package eyn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the {@code eyn} launcher script and the VS Code extension start eyn.jar with, so the
 * benchmarks measure the server as users start it (keep in step with {@code ./eyn} and
 * {@code vscode-extension/src/java.ts}).
 */
final class Launch {
    private Launch() { }

    /** The tuning flags for a short-lived desktop process (see docs/benchmarks.md, "Cold start"). */
    static final List<String> FLAGS = List.of("-Xmx2g", "-Xms96m", "-Xmn64m", "-XX:+UseSerialGC");

    /** The class-data sharing options for the archive beside the jar, which the JVM ignores silently when it does not fit. */
    static List<String> cds(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");
    }

    static List<String> defaultJvmOptions(Path jar) {
        List<String> options = new ArrayList<>(FLAGS);
        Path archive = jar.toAbsolutePath().resolveSibling("eyn.jsa");
        if (Files.isRegularFile(archive)) options.addAll(cds(archive));
        return options;
    }
}
