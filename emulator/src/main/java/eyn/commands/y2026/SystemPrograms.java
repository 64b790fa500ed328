package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system programs (reference 3.3 "System"): ver, clear, exit, init, fscheck, pipe, history,
 * log, jobs, drive, drives and run. The alias program is {@link AliasProgram}.
 */
final class SystemPrograms {
    private SystemPrograms() {}

    /** The reference leaves the 2026-07 string open (Release 15 in the kernel seen, 16 in an April userland build). */
    static final String VERSION = "EYN-OS Release 16";
    static final int MAX_SCRIPT_SIZE = 65536;

    static void register(Map<String, Command> m) {
        m.put("ver", call -> lines(call, VERSION));
        m.put("clear", call -> {
            if (!Programs2026.help(call)) call.out().clear();
        });
        m.put("exit", call -> lines(call, "exit: terminating current user task"));
        m.put("init", call -> lines(call, "Initializing full system services...", "System initialization complete!"));
        m.put("fscheck", call -> lines(call, "Checking filesystem integrity...", "Filesystem is healthy."));
        m.put("pipe", SystemPrograms::pipe);
        m.put("history", SystemPrograms::history);
        m.put("log", SystemPrograms::log);
        m.put("jobs", call -> lines(call, "No background jobs."));
        m.put("drive", SystemPrograms::drive);
        m.put("drives", SystemPrograms::drives);
        m.put("run", SystemPrograms::run);
        m.put("alias", AliasProgram::run);
    }

    private static void lines(Invocation call, String... lines) {
        if (Programs2026.help(call)) return;
        for (String l : lines) call.out().plain(l);
    }

    private static void pipe(Invocation call) {
        if (Programs2026.help(call)) return;
        call.out().plain("Pipeline support is shell-native.");
        call.out().plain("Use syntax directly: cmd1 | cmd2");
        if (call.argv.size() == 2) call.out().plain("Example equivalent: " + call.arg(0) + " | " + call.arg(1));
    }

    /** Scripts never add to the history (reference 1.8), and the emulator runs scripts only. */
    private static void history(Invocation call) {
        if (Programs2026.help(call)) return;
        if (call.argv.isEmpty()) call.out().plain("No command history.");
        else if (call.arg(0).equals("clear")) call.out().plain("Command history cleared.");
        else call.usage();
    }

    private static void log(Invocation call) {
        String a = call.arg(0);
        if ("on".equals(a)) call.out().plain("logging enabled");
        else if ("off".equals(a)) call.out().plain("logging disabled");
        else if ("-h".equals(a)) Programs2026.help(call);
        else call.usage();
    }

    // ---- drive / drives

    private static void drive(Invocation call) {
        if (Programs2026.help(call)) return;
        String target = call.arg(0);
        if (target == null || target.isEmpty()) {
            call.usage();
            return;
        }
        if (target.toUpperCase(Locale.ROOT).equals("RAM")) {
            // the emulator has no RAM drive
            call.failWith("drive: target drive not present");
            return;
        }
        Long n = Programs2026.unsigned(target);
        if (n == null) {
            // a label: the emulator's drives carry none
            call.failWith("drive: unknown drive target");
            return;
        }
        if (n > Integer.MAX_VALUE || call.machine.drive((int) (long) n) == null) {
            call.failWith("drive: target drive not present");
            return;
        }
        if (!call.machine.switchDrive((int) (long) n)) {
            call.failWith("drive: failed to switch drive");
            return;
        }
        call.out().plain("Switched to drive " + n);
    }

    private static void drives(Invocation call) {
        String a = call.arg(0);
        if ("-h".equals(a) || "--help".equals(a)) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        if (a != null) {
            call.usage();
            return;
        }
        Map<Integer, Drive> all = call.machine.drives();
        if (all.isEmpty()) {
            call.failWith("drives: no drives found");
            return;
        }
        call.out().plain("Logical drives: " + all.size());
        for (int number : all.keySet()) {
            boolean current = number == call.machine.currentDriveNumber();
            call.out().plain("- " + number + ": disk" + (current ? " [current]" : ""));
            call.out().plain("    partitions: none");
        }
    }

    // ---- run

    static final int RUN_LINE = 191;
    static final int RUN_WORD = 63;
    static final int RUN_ARGS = 16;

    private static void run(Invocation call) {
        if (Programs2026.help(call)) return;
        if (call.argv.isEmpty()) {
            call.usage();
            return;
        }
        String line = String.join(" ", call.argv);
        if (line.length() > RUN_LINE) line = line.substring(0, RUN_LINE);
        // the kernel re-parses: the file name is at most 63 chars (the rest stays in the stream), then 16 args of 63
        List<String> words = new ArrayList<>();
        for (String w : line.split(" ")) if (!w.isEmpty()) words.add(w);
        String file = words.remove(0);
        List<String> args = new ArrayList<>();
        if (file.length() > RUN_WORD) {
            words.add(0, file.substring(RUN_WORD));
            file = file.substring(0, RUN_WORD);
        }
        for (String w : words) {
            for (int i = 0; i < w.length() && args.size() < RUN_ARGS; i += RUN_WORD) {
                args.add(w.substring(i, Math.min(w.length(), i + RUN_WORD)));
            }
        }
        String abs = call.machine.resolve(file);
        Drive drive = call.machine.drive();
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            Drive.Entry e = drive.stat(abs);
            if (e == null) {
                call.failWith("run: file not found: " + file);
                return;
            }
            byte[] head = firstBytes(drive, abs, e);
            if (head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
                call.failWith("run: " + file + ": ELF programs cannot run in the emulator");
            } else if (head.length >= 1 && head[0] == '#') {
                script(call, abs, args);
            } else {
                call.failWith("run: " + file + ": native programs cannot run in the emulator");
            }
            return;
        }
        switch (file.substring(dot)) {
            case ".shell" -> script(call, abs, args);
            case ".uelf" -> call.failWith("run: " + file + ": ELF programs cannot run in the emulator");
            case ".eyn", ".bin", ".flat" -> call.failWith("run: " + file + ": native programs cannot run in the emulator");
            default -> call.failWith("Error: Unsupported file format. Use .eyn/.bin/.flat for native programs, .uelf for ring3 ELF, "
                    + "or .shell for scripts");
        }
    }

    private static byte[] firstBytes(Drive drive, String abs, Drive.Entry e) {
        if (e.directory()) return new byte[0];
        try {
            return drive.read(abs).read(0, Math.min(4, e.size()));
        } catch (DriveException ex) {
            return new byte[0];
        }
    }

    /** The kernel's script loader (reference 2.2): its errors are red; a 0-byte script does nothing. */
    private static void script(Invocation call, String abs, List<String> args) {
        Drive drive = call.machine.drive();
        Drive.Entry e = drive.stat(abs);
        if (e == null) {
            call.error("[script] Error: file not found: " + abs);
            return;
        }
        if (e.directory()) {
            call.error("[script] Error: not a file: " + abs);
            return;
        }
        if (e.size() == 0) return;
        if (e.size() > MAX_SCRIPT_SIZE) {
            call.error("[script] Error: script too large (" + e.size() + " bytes, max " + MAX_SCRIPT_SIZE + "): " + abs);
            return;
        }
        String source;
        try {
            source = new String(call.machine.readWhole(drive, abs), StandardCharsets.UTF_8);
        } catch (DriveException ex) {
            call.error("[script] Error: failed to read: " + abs);
            return;
        }
        call.host.runScript(abs, source, args);
    }
}
