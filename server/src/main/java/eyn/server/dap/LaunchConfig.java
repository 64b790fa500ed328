package eyn.server.dap;

import eyn.machine.Fidelity;
import eyn.machine.MachineConfig;
import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.profile.ProfileChoice;
import eyn.profile.ProfileChooser;
import eyn.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The launch arguments: {@code program}, {@code stopOnEntry}, {@code drives} (number to folder or disk image),
 * {@code ram} (MiB), {@code seed}, {@code persist}, {@code cwd} (the folder drive 0 defaults to),
 * {@code portabilityWarnings}, {@code maxSteps}, {@code historySteps}, {@code historyBytes}, DAP's {@code noDebug},
 * {@code profile} (auto, r13, 2026), {@code fidelity} (fixed, faithful), {@code args} (the script's $1..$9) and
 * {@code memoryBudget} (the host memory the machine may hold: bytes, or a size such as "512M"; default half the JVM's heap).
 */
record LaunchConfig(Path program, boolean stopOnEntry, Map<Integer, Path> drives, long ramMib, long seed, boolean persist,
                    boolean portabilityWarnings, long maxSteps, long historySteps, long historyBytes, boolean noDebug,
                    String profile, Fidelity fidelity, List<String> args, long memoryBudget) {

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
                Path target = Path.of(String.valueOf(e.getValue())).toAbsolutePath();
                if (!Files.isDirectory(target) && !Files.isRegularFile(target)) {
                    throw invalid("drive " + n + ": no such folder or disk image: " + target);
                }
                drives.put(n, target);
            }
        }
        long ram = number(args, "ram", 128);
        if (ram < 1 || ram > 4096) throw invalid("'ram' must be 1-4096 (MiB)");
        String profile = args.get("profile") == null ? "auto" : String.valueOf(args.get("profile"));
        if (!profile.equals("auto") && Profiles.byId(profile) == null) throw invalid("'profile' is auto, r13 or 2026, not '" + profile + "'");
        Fidelity fidelity = Fidelity.parse(args.get("fidelity") == null ? "fixed" : String.valueOf(args.get("fidelity")));
        if (fidelity == null) throw invalid("'fidelity' is fixed or faithful, not '" + args.get("fidelity") + "'");
        List<String> scriptArgs = new ArrayList<>();
        if (args.get("args") instanceof List<?> list) {
            for (Object o : list) scriptArgs.add(o instanceof Number n && n.doubleValue() == n.longValue() ? String.valueOf(n.longValue()) : String.valueOf(o));
        } else if (args.get("args") != null) {
            throw invalid("'args' is a list of words: the script's $1..$9");
        }
        return new LaunchConfig(script, bool(args, "stopOnEntry", false), drives, ram, number(args, "seed", 1),
                bool(args, "persist", false), bool(args, "portabilityWarnings", true), number(args, "maxSteps", 0),
                number(args, "historySteps", 10_000_000), number(args, "historyBytes", 256L * 1024 * 1024), bool(args, "noDebug", false),
                profile, fidelity, List.copyOf(scriptArgs), memoryBudget(args.get("memoryBudget")));
    }

    /** The profile the program runs under: the setting, its first-line comment, or what it uses. */
    ProfileChoice profileChoice(String source) {
        return ProfileChooser.choose(source, profile, Profiles.R13);
    }

    /** The machine's drives, opened: folders, or EYNFS/FAT32 images (with persist, locked for writing). */
    MachineConfig machine() {
        MachineConfig config = new MachineConfig(ramMib * 1024 * 1024, seed, Map.of());
        List<Drive> opened = new ArrayList<>();
        for (Map.Entry<Integer, Path> e : drives.entrySet()) {
            try {
                Drive d = DiskImages.open(e.getValue(), persist, Integer.MAX_VALUE);
                opened.add(d);
                config = config.withDrive(e.getKey(), d);
            } catch (DriveException ex) {
                for (Drive d : opened) d.close();
                throw invalid("drive " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return config.withFidelity(fidelity).withMemoryBudget(memoryBudget);
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

    /** 'memoryBudget': bytes (a number) or a size with K, M or G; 0 or absent for the default. */
    private static long memoryBudget(Object v) {
        if (v == null) return 0;
        Long bytes = v instanceof Number n ? Long.valueOf(n.longValue()) : eyn.machine.memory.MemoryBudget.parseSize(String.valueOf(v));
        if (bytes == null || (bytes != 0 && bytes < eyn.machine.memory.MemoryBudget.MIN)) {
            throw invalid("'memoryBudget' is a size of at least 1M (bytes, or a number with K, M or G), not '" + v + "'");
        }
        return bytes;
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
