package eyn.debug;

import eyn.machine.Fidelity;
import eyn.profile.ProfileChoice;
import eyn.profile.ProfileChooser;
import eyn.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A debug session's settings as a launch configuration gives them (JSON values by name), checked:
 * {@code program}, {@code stopOnEntry}, {@code cwd} (the folder drive 0 defaults to), {@code drives}
 * (number to folder or disk image), {@code ram} (MiB), {@code seed}, {@code persist},
 * {@code portabilityWarnings}, {@code maxSteps}, {@code historySteps}, {@code historyBytes},
 * {@code noDebug}, {@code profile} (auto, r13, 2026), {@code fidelity} (fixed, faithful) and
 * {@code args} (the script's $1..$9) and {@code memoryBudget} (the host memory the machine may hold: bytes, or a
 * size such as "512M"; 0 or absent for the default, half the JVM's heap). Paths stay as given: whether they exist is the host's question.
 * A value that makes no sense is a {@link Refusal} that names it.
 */
public record LaunchOptions(String program, boolean stopOnEntry, String cwd, Map<Integer, String> drives, long ramMib, long seed,
                            boolean persist, boolean portabilityWarnings, long maxSteps, long historySteps, long historyBytes,
                            boolean noDebug, String profile, Fidelity fidelity, List<String> args, long memoryBudget) {

    public static LaunchOptions of(Map<String, Object> args) {
        Object program = args.get("program");
        if (!(program instanceof String p) || p.isBlank()) throw new Refusal("launch needs a 'program': the script to debug");
        String cwd = args.get("cwd") instanceof String c && !c.isBlank() ? c : null;
        TreeMap<Integer, String> drives = new TreeMap<>();
        if (args.get("drives") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                int n;
                try {
                    n = (int) Double.parseDouble(String.valueOf(e.getKey()));
                } catch (NumberFormatException ex) {
                    throw new Refusal("'drives' keys are drive numbers 0-255, not '" + e.getKey() + "'");
                }
                if (n < 0 || n > 255) throw new Refusal("'drives' keys are drive numbers 0-255, not " + n);
                drives.put(n, String.valueOf(e.getValue()));
            }
        }
        long ram = number(args, "ram", 128);
        if (ram < 1 || ram > 4096) throw new Refusal("'ram' must be 1-4096 (MiB)");
        String profile = args.get("profile") == null ? "auto" : String.valueOf(args.get("profile"));
        if (!profile.equals("auto") && Profiles.byId(profile) == null) throw new Refusal("'profile' is auto, r13 or 2026, not '" + profile + "'");
        Fidelity fidelity = Fidelity.parse(args.get("fidelity") == null ? "fixed" : String.valueOf(args.get("fidelity")));
        if (fidelity == null) throw new Refusal("'fidelity' is fixed or faithful, not '" + args.get("fidelity") + "'");
        List<String> scriptArgs = new ArrayList<>();
        if (args.get("args") instanceof List<?> list) {
            for (Object o : list) scriptArgs.add(o instanceof Number n && n.doubleValue() == n.longValue() ? String.valueOf(n.longValue()) : String.valueOf(o));
        } else if (args.get("args") != null) {
            throw new Refusal("'args' is a list of words: the script's $1..$9");
        }
        return new LaunchOptions(p, bool(args, "stopOnEntry", false), cwd, drives, ram, number(args, "seed", 1),
                bool(args, "persist", false), bool(args, "portabilityWarnings", true), number(args, "maxSteps", 0),
                number(args, "historySteps", 10_000_000), number(args, "historyBytes", 256L * 1024 * 1024), bool(args, "noDebug", false),
                profile, fidelity, List.copyOf(scriptArgs), memoryBudget(args.get("memoryBudget")));
    }

    /** The profile the program runs under: the setting, its first-line comment, or what it uses. */
    public ProfileChoice profileChoice(String source) {
        return ProfileChooser.choose(source, profile, Profiles.R13);
    }

    /** Whether the session stops before the first statement ("Run Without Debugging" never stops). */
    public boolean stopsOnEntry() {
        return stopOnEntry && !noDebug;
    }

    /** 'memoryBudget': bytes (a number) or a size with K, M or G; 0 or absent for the default. */
    private static long memoryBudget(Object v) {
        if (v == null) return 0;
        Long bytes = v instanceof Number n ? Long.valueOf(n.longValue()) : eyn.machine.memory.MemoryBudget.parseSize(String.valueOf(v));
        if (bytes == null || (bytes != 0 && bytes < eyn.machine.memory.MemoryBudget.MIN)) {
            throw new Refusal("'memoryBudget' is a size of at least 1M (bytes, or a number with K, M or G), not '" + v + "'");
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
            throw new Refusal("'" + key + "' must be a number, not '" + v + "'");
        }
    }

    private static boolean bool(Map<String, Object> args, String key, boolean fallback) {
        Object v = args.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        return Boolean.parseBoolean(String.valueOf(v));
    }
}
