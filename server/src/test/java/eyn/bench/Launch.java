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

    /**
     * Added for {@code eyn lsp} only: C1 compiles everything, C2 nothing (see docs/language-server.md, "The JIT").
     */
    static final List<String> LSP_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1");

    /**
     * Added for {@code eyn dap} only: C1 compiles a method after a tenth of the calls the JVM waits for by
     * default (see docs/benchmarks.md, "The debug adapter").
     */
    static final List<String> DAP_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:Tier3InvocationThreshold=20", "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=200",
            "-XX:Tier3BackEdgeThreshold=6000");

    /** The class-data sharing options for the archive beside the jar, which the JVM ignores silently when it does not fit. */
    static List<String> cds(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");
    }

    /** The options for {@code eyn lsp}, as the launcher gives them. */
    static List<String> defaultJvmOptions(Path jar) {
        return defaultJvmOptions(jar, "lsp");
    }

    /** The options for one eyn command ({@code lsp}, {@code dap}, ...), as the launcher gives them. */
    static List<String> defaultJvmOptions(Path jar, String command) {
        List<String> options = new ArrayList<>(FLAGS);
        if (command.equals("lsp")) options.addAll(LSP_FLAGS);
        if (command.equals("dap")) options.addAll(DAP_FLAGS);
        Path archive = jar.toAbsolutePath().resolveSibling("eyn.jsa");
        if (Files.isRegularFile(archive)) options.addAll(cds(archive));
        return options;
    }

    /** {@code java OPTIONS -jar JAR ARGS}, with the running JVM's java. */
    static List<String> command(Path jar, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The indices of the {@code n} largest of {@code values[from..]}, largest first: where a tail comes from. */
    static Integer[] slowest(double[] values, int from, int n) {
        Integer[] order = new Integer[values.length - from];
        for (int i = 0; i < order.length; i++) order[i] = from + i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        return java.util.Arrays.copyOf(order, Math.min(n, order.length));
    }
}
