package eyn.interpreter;

import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a script the way the fixtures describe it and renders the transcript: the plain output,
 * then one line with the exit status, failures and warnings. Header lines {@code #! key=value ...}
 * set ram (MiB), seed, maxsteps, drive1 (a folder under the fixture root), profile (r13, 2026),
 * fidelity (fixed, faithful), args (the script's $1..$9, comma-separated) and memorybudget (the host memory
 * budget: bytes or a size with K, M or G).
 */
public final class ScriptRunner {
    public final StringBuilder output = new StringBuilder();
    public final StringBuilder errors = new StringBuilder();
    public Interpreter interpreter;
    public StepResult last;

    public static ScriptRunner run(String name, String source, Path disk) {
        return run(name, source, disk, "");
    }

    /** {@code defaults}: header lines read before the script's own (which override them). */
    public static ScriptRunner run(String name, String source, Path disk, String defaults) {
        ScriptRunner r = new ScriptRunner();
        long ram = 128;
        long seed = 1;
        long maxSteps = 0;
        Path drive1 = null;
        eyn.profile.Profile profile = eyn.profile.Profiles.R13;
        eyn.machine.Fidelity fidelity = eyn.machine.Fidelity.FIXED;
        java.util.List<String> args = java.util.List.of();
        long memoryBudget = 0;
        for (String line : (defaults + "\n" + source).split("\n")) {
            if (!line.startsWith("#!")) continue;
            for (String setting : line.substring(2).trim().split("\\s+")) {
                String[] kv = setting.split("=", 2);
                if (kv.length != 2) continue;
                switch (kv[0]) {
                    case "ram" -> ram = Long.parseLong(kv[1]);
                    case "seed" -> seed = Long.parseLong(kv[1]);
                    case "maxsteps" -> maxSteps = Long.parseLong(kv[1]);
                    case "drive1" -> drive1 = disk.resolveSibling(kv[1]);
                    case "profile" -> profile = eyn.profile.Profiles.byId(kv[1]);
                    case "fidelity" -> fidelity = eyn.machine.Fidelity.parse(kv[1]);
                    case "args" -> args = java.util.List.of(kv[1].split(","));
                    case "memorybudget" -> memoryBudget = eyn.machine.memory.MemoryBudget.parseSize(kv[1]);
                    default -> throw new IllegalArgumentException("unknown fixture setting " + kv[0]);
                }
            }
        }
        MachineConfig config = new MachineConfig(ram * 1024 * 1024, seed, Map.of(0, folder(disk))).withFidelity(fidelity);
        if (drive1 != null) config = config.withDrive(1, folder(drive1));
        config = config.withFidelity(fidelity).withMemoryBudget(memoryBudget);
        r.interpreter = new Interpreter(new Machine(config), (color, text, where) -> {
            r.output.append(text);
            if (color == Color.RED) r.errors.append(text);
        }, new Options(maxSteps, profile));
        r.interpreter.start(eyn.profile.ScriptPaths.scriptPath(profile, name), source, args);
        r.last = r.interpreter.run();
        return r;
    }

    public static Drive folder(Path dir) {
        try {
            return TreeDrive.overFolder(new HostFolder(dir), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String transcript() {
        Interpreter.Counters c = interpreter.counters();
        return output + "--- exit " + (c.failures > 0 ? 1 : 0) + " (" + c.failures + " failed, " + c.warnings + " warnings, "
                + c.statements + " statements)\n";
    }
}
