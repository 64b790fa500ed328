package eyn.server.dap;

import eyn.machine.MachineConfig;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The launch arguments: {@code program}, {@code stopOnEntry}, {@code drives} (number to folder),
 * {@code ram} (MiB), {@code seed}, {@code persist}, {@code cwd} (the folder drive 0 defaults to),
 * {@code portabilityWarnings}, {@code maxSteps}, {@code historySteps}, {@code historyBytes}, and DAP's {@code noDebug}.
 */
record LaunchConfig(Path program, boolean stopOnEntry, Map<Integer, Path> drives, long ramMib, long seed, boolean persist,
                    boolean portabilityWarnings, long maxSteps, long historySteps, long historyBytes, boolean noDebug) {

    static LaunchConfig of(Map<String, Object> args) {
        Object program = args.get("program");
        if (!(program instanceof String p) || p.isBlank()) throw invalid("launch needs a 'program': the script to debug");
        Path script = Path.of(p).toAbsolutePath();
        if (!Files.isRegularFile(script)) throw invalid("'program' is not a readable file: " + p);
        Path cwd = args.get("cwd") instanceof String c && !c.isBlank() ? Path.of(c).toAbsolutePath() : script.getParent();
        java.util.TreeMap<Integer, Path> drives = new java.util.TreeMap<>();
        drives.put(0, cwd);
        if (args.get("drives") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                int n;
                try {
                    n = (int) Double.parseDouble(String.valueOf(e.getKey()));
                } catch (NumberFormatException ex) {
                    throw invalid("'drives' keys are drive numbers 0-255, not '" + e.getKey() + "'");
                }
                if (n < 0 || n > 255) throw invalid("'drives' keys are drive numbers 0-255, not " + n);
                Path folder = Path.of(String.valueOf(e.getValue())).toAbsolutePath();
                if (!Files.isDirectory(folder)) throw invalid("drive " + n + ": not a folder: " + folder);
                drives.put(n, folder);
            }
        }
        long ram = number(args, "ram", 128);
        if (ram < 1 || ram > 4096) throw invalid("'ram' must be 1-4096 (MiB)");
        return new LaunchConfig(script, bool(args, "stopOnEntry", false), drives, ram, number(args, "seed", 1),
                bool(args, "persist", false), bool(args, "portabilityWarnings", true), number(args, "maxSteps", 0),
                number(args, "historySteps", 10_000_000), number(args, "historyBytes", 256L * 1024 * 1024), bool(args, "noDebug", false));
    }

    MachineConfig machine() throws IOException {
        MachineConfig config = new MachineConfig(ramMib * 1024 * 1024, seed, Map.of());
        for (Map.Entry<Integer, Path> e : drives.entrySet()) {
            HostFolder folder = new HostFolder(e.getValue());
            if (persist) folder.removeStaleTemporaryFiles(); // left by an interrupted earlier write
            config = config.withDrive(e.getKey(), TreeDrive.overFolder(folder, persist));
        }
        return config;
    }

    /** Where the program is as the interpreter names it: its path on drive 0 when it lives there. */
    String scriptPath() {
        Path root = drives.get(0).normalize();
        Path file = program.normalize();
        return file.startsWith(root) ? "/" + root.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
    }

    /** The host file of a script the interpreter names by its drive-0 path. */
    Path hostPath(String scriptPath) {
        if (scriptPath.equals(scriptPath()) && !scriptPath.startsWith("/")) return program;
        return drives.get(0).resolve(scriptPath.substring(1)).normalize();
    }

    /** The interpreter's name for a host file, or null when it is not on drive 0. */
    String scriptPathOf(Path host) {
        Path file = host.toAbsolutePath().normalize();
        if (file.equals(program.normalize())) return scriptPath();
        Path root = drives.get(0).normalize();
        return file.startsWith(root) ? "/" + root.relativize(file).toString().replace('\\', '/') : null;
    }

    private static long number(Map<String, Object> args, String key, long fallback) {
        Object v = args.get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw invalid("'" + key + "' must be a number, not '" + v + "'");
        }
    }

    private static boolean bool(Map<String, Object> args, String key, boolean fallback) {
        Object v = args.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        return Boolean.parseBoolean(String.valueOf(v));
    }

    static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
