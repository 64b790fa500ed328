package eyn.server.cli;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Location;
import eyn.interpreter.Options;
import eyn.interpreter.StepResult;
import eyn.machine.Fidelity;
import eyn.machine.Machine;
import eyn.profile.ProfileChoice;
import eyn.profile.ProfileChooser;
import eyn.profile.Profiles;
import eyn.profile.ScriptPaths;
import eyn.machine.MachineConfig;
import eyn.machine.disk.DiskImages;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eyn run}: runs one script on a fresh emulated machine and exits with its verdict. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an EYN-OS script (.eyn or .shell) on a fresh emulated machine.",
                "Drive 0 is the script's folder, as an overlay: the script's changes stay in memory unless --persist is given.",
                "Exit status: 0 no command failed, 1 a command failed, 2 usage error or unreadable script, 3 out of host memory,",
                "130 interrupted, 141 the output was closed (broken pipe)."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the script to run")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "arguments: $1..$9 of an EYN-OS 2026 script")
    List<String> scriptArgs = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "the EYN-OS generation: auto (default: decided from the script), r13 or 2026", defaultValue = "auto")
    String profile;

    @Option(names = "--drive", paramLabel = "N=PATH",
            description = "back drive N (0-255) with a host folder, an EYNFS disk image, or an empty in-memory disk for N=:memory:; repeatable")
    List<String> drives = new ArrayList<>();

    @Option(names = "--ram", paramLabel = "MIB", description = "emulated RAM in MiB (default ${DEFAULT-VALUE})", defaultValue = "128")
    long ramMib;

    @Option(names = "--memory-budget", paramLabel = "SIZE",
            description = "host memory the machine may hold (files, fds, mappings, heap): bytes or a size with K, M or G (default: half the Java heap)")
    String memoryBudget;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random generator (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--persist", description = "write the script's file changes back to the drive folders and images (atomically; one writer per image)")
    boolean persist;

    @Option(names = "--color", negatable = true, description = "colour the output (default: when the output is a terminal)")
    Boolean color;

    @Option(names = "--summary", description = "print lines processed, commands run and failed to stderr")
    boolean summary;

    @Option(names = "--locations", description = "after the output of each command that failed, print where it is: '  at FILE:LINE' "
            + "(the host file when the script has one), on the output stream, so that editors can link to the line")
    boolean locations;

    @Option(names = "--max-steps", paramLabel = "N", description = "stop after N statements (0: no limit, the default)", defaultValue = "0")
    long maxSteps;

    @Option(names = "--progress", description = "show a progress line on stderr while the script runs")
    boolean progress;

    @Option(names = "--faithful", description = "reproduce EYN-OS Release 13's bugs too (same as --fidelity faithful)")
    boolean faithful;

    @Option(names = "--fidelity", paramLabel = "fixed|faithful",
            description = "fixed (the default: EYN-OS as it was meant) or faithful (as Release 13 really behaves, bugs included)")
    String fidelity;

    private volatile boolean interrupted;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        String source;
        try {
            source = ScriptInput.read(script, ScriptInput.MAX_SCRIPT_BYTES);
        } catch (IOException | RuntimeException e) {
            err.println("eyn: cannot read script " + script + ": " + reason(e));
            return 2;
        }
        MachineConfig config;
        try {
            config = machineConfig();
        } catch (IllegalArgumentException | IOException | DriveException e) {
            err.println("eyn: " + reason(e));
            return 2;
        }
        if (!profile.equals("auto") && Profiles.byId(profile) == null) {
            err.println("eyn: --profile takes auto, r13 or 2026, not '" + profile + "'");
            for (Drive d : config.drives().values()) d.close();
            return 2;
        }
        ProfileChoice choice = ProfileChooser.choose(source, profile, Profiles.R13);
        BrokenPipeWatch pipe = new BrokenPipeWatch(System.out);
        PrintStream out = new PrintStream(new BufferedOutputStream(pipe, 1 << 16), false, StandardCharsets.UTF_8);
        eyn.server.common.Fatal.setup(err, out::flush);
        try {
            return run(source, config, choice, out, pipe, err);
        } catch (OutOfMemoryError e) {
            // the machine is unreachable from here on, so its memory can be collected before reporting
            out.flush();
            err.println("eyn: out of host memory running " + script.getFileName() + " (max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): stopping; give the JVM more with -Xmx or the machine a smaller --memory-budget");
            return eyn.server.common.Fatal.OUT_OF_MEMORY;
        } finally {
            for (Drive d : config.drives().values()) d.close();
        }
    }

    /** Exit status of a pipe closed under us, as a shell reports a process ended by SIGPIPE. */
    static final int BROKEN_PIPE = 141;

    private int run(String source, MachineConfig config, ProfileChoice choice, PrintStream out, BrokenPipeWatch pipe, PrintStream err) {
        boolean useColor = color != null ? color : System.console() != null;
        Interpreter interpreter = new Interpreter(new Machine(config), new TerminalSink(out, useColor),
                new Options(maxSteps, choice.profile()));
        installInterruptHandler();
        Progress progressLine = progress ? Progress.start(interpreter, err) : null;
        String topScript = ScriptPaths.scriptPath(choice.profile(), script.getFileName().toString());
        interpreter.start(topScript, source, scriptArgs);
        StepResult last = null;
        long steps = 0;
        long lastFlush = System.nanoTime();
        while (!interrupted) {
            last = interpreter.step();
            if (last.done()) break;
            if (locations && last.failed() && last.location() != null) {
                String at = "  at " + hostLocation(last.location(), topScript);
                out.print((useColor ? eyn.server.common.Ansi.paint(eyn.machine.Color.GREY, at) : at) + "\n");
            }
            if (pipe.broken()) {
                if (progressLine != null) progressLine.stop();
                return BROKEN_PIPE;
            }
            if ((++steps & 1023) == 0 && System.nanoTime() - lastFlush > 100_000_000L) {
                out.flush();
                lastFlush = System.nanoTime();
            }
        }
        if (progressLine != null) progressLine.stop();
        if (interrupted) {
            out.flush();
            Location at = interpreter.next();
            err.println("eyn: interrupted" + (at == null ? "" : " before " + at) + " after "
                    + interpreter.counters().statements + " statements");
            flushDrives(interpreter.machine(), err); // what was done is kept; the image is replaced whole or not at all
            return 130;
        }
        List<Integer> unsaved = interpreter.machine().shutdown();
        out.flush();
        if (pipe.broken()) return BROKEN_PIPE;
        for (int fd : unsaved) err.println("eyn: fd " + fd + " could not be written back at shutdown");
        boolean flushed = flushDrives(interpreter.machine(), err);
        Interpreter.Counters c = interpreter.counters();
        if (summary) {
            err.println("Profile: " + choice.profile().id() + " (" + choice.source().id() + ": " + choice.reason() + ")");
            err.println("Shell script execution completed:");
            err.println("  Lines processed: " + c.statements);
            err.println("  Commands run: " + c.commands);
            err.println("  Commands failed: " + c.failures);
            if (c.warnings > 0) err.println("  Warnings: " + c.warnings);
        }
        return c.failures > 0 || !unsaved.isEmpty() || !flushed ? 1 : 0;
    }

    /**
     * Where a statement is, as an editor opens it: the script's own file for the top script, the host
     * file under drive 0's folder for a nested one ({@code /path/FILE:LINE}, line from 1), else the
     * emulated path (a script inside a disk image or on a memory drive).
     */
    private String hostLocation(Location at, String topScript) {
        Path file = null;
        if (at.path().equals(topScript)) {
            file = script.toAbsolutePath().normalize();
        } else if (at.path().startsWith("/") && drive0 != null && Files.isDirectory(Path.of(drive0))) {
            file = Path.of(drive0).toAbsolutePath().resolve(at.path().substring(1)).normalize();
        }
        return (file == null ? at.path() : file.toString()) + ":" + (at.line() + 1);
    }

    /** Drive 0's backing: a host folder, an image, or {@link #MEMORY_DRIVE}. */
    private String drive0;

    /** Image drives keep changes in memory until here; false (and a message) when one could not be written. */
    private static boolean flushDrives(Machine machine, PrintStream err) {
        boolean ok = true;
        for (Map.Entry<Integer, Drive> e : machine.drives().entrySet()) {
            try {
                e.getValue().flush();
            } catch (DriveException ex) {
                err.println("eyn: drive " + e.getKey() + ": " + ex.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    static final String MEMORY_DRIVE = ":memory:";

    private MachineConfig machineConfig() throws IOException, DriveException {
        if (ramMib < 1 || ramMib > 4096) throw new IllegalArgumentException("--ram must be between 1 and 4096 MiB");
        Map<Integer, String> backing = new TreeMap<>();
        backing.put(0, script.toAbsolutePath().getParent().toString());
        for (String d : drives) {
            int eq = d.indexOf('=');
            int n = -1;
            try {
                n = eq > 0 ? Integer.parseInt(d.substring(0, eq)) : -1;
            } catch (NumberFormatException e) {
                // reported below
            }
            if (n < 0 || n > 255) throw new IllegalArgumentException("--drive takes N=PATH with N in 0-255, not '" + d + "'");
            String target = d.substring(eq + 1);
            if (!target.equals(MEMORY_DRIVE) && !Files.exists(Path.of(target))) {
                throw new IllegalArgumentException("--drive " + n + ": no such folder or image: " + target);
            }
            backing.put(n, target);
        }
        drive0 = backing.get(0);
        long ram = ramMib * 1024 * 1024;
        MachineConfig config = new MachineConfig(ram, seed, Map.of()).withFidelity(fidelity()).withMemoryBudget(memoryBudget());
        List<Drive> opened = new ArrayList<>();
        try {
            for (Map.Entry<Integer, String> e : backing.entrySet()) {
                Drive drive;
                if (e.getValue().equals(MEMORY_DRIVE)) {
                    drive = TreeDrive.inMemory();
                } else {
                    try {
                        drive = DiskImages.open(Path.of(e.getValue()), persist, Integer.MAX_VALUE);
                    } catch (DriveException ex) {
                        throw new DriveException(ex.kind(), ex.path(), "--drive " + e.getKey() + ": " + ex.getMessage());
                    }
                }
                opened.add(drive);
                config = config.withDrive(e.getKey(), drive);
            }
        } catch (DriveException | RuntimeException ex) {
            for (Drive d : opened) d.close(); // release image locks taken before the failure
            throw ex;
        }
        return config;
    }

    /** --memory-budget in bytes (0: the default); a usage error when it is not a size of at least 1 MiB. */
    private long memoryBudget() {
        if (memoryBudget == null) return 0;
        Long bytes = eyn.machine.memory.MemoryBudget.parseSize(memoryBudget);
        if (bytes == null || bytes < eyn.machine.memory.MemoryBudget.MIN) {
            throw new IllegalArgumentException("--memory-budget takes a size of at least 1M (bytes, or a number with K, M or G), not '"
                    + memoryBudget + "'");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            System.err.println("eyn: warning: --memory-budget " + memoryBudget + " is more than the Java heap (max " + (heap >> 20)
                    + " MiB): the run may stop out of host memory (exit status 3); raise -Xmx (EYN_JAVA_OPTS) or lower the budget");
        }
        return bytes;
    }

    /** --fidelity, or faithful for --faithful; a usage error when they disagree or the word is unknown. */
    private Fidelity fidelity() {
        Fidelity chosen = fidelity == null ? null : Fidelity.parse(fidelity);
        if (fidelity != null && chosen == null) {
            throw new IllegalArgumentException("--fidelity takes fixed or faithful, not '" + fidelity + "'");
        }
        if (faithful && chosen == Fidelity.FIXED) throw new IllegalArgumentException("--faithful contradicts --fidelity fixed");
        return faithful ? Fidelity.FAITHFUL : chosen == null ? Fidelity.FIXED : chosen;
    }

    @SuppressWarnings("restriction")
    private void installInterruptHandler() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupted = true);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: Ctrl-C then ends the JVM the default way
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
