package eyn.commands.builtin;

import eyn.commands.Category;
import eyn.commands.Command;
import eyn.commands.CommandSpec;
import eyn.commands.CommandTable;
import eyn.commands.Invocation;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** echo, ver, help, clear, exit, run, write. */
final class ShellCommands {
    private ShellCommands() {}

    static final String[] BANNER = {
        "#######  ##    ##  ###     ##          ######    #####",
        "###       ##  ##   ####    ##         ##    ##  ##",
        "#######     ##     ##  ##  ##  #####  ##    ##   #####",
        "###         ##     ##    ####         ##    ##       ##",
        "#######     ##     ##      ##          ######    #####",
    };

    static void register(Map<String, Command> commands) {
        // EYN-OS prints the line from the first non-space after the command name
        commands.put("echo", call -> call.out().plain(call.args.has(0) ? call.args.text(0).stripLeading() : ""));
        commands.put("ver", call -> {
            for (String line : BANNER) call.out().plain(line);
            call.out().plain("(Release 13)");
        });
        commands.put("help", ShellCommands::help);
        commands.put("clear", call -> call.out().clear());
        commands.put("exit", call -> {
            call.out().plain("Goodbye!");
            call.host.halt();
        });
        commands.put("run", ShellCommands::run);
        commands.put("history", ShellCommands::history);
        commands.put("error", ShellCommands::error);
        commands.put("write", call -> call.error(
                "Error: write opens EYN-OS's interactive editor and is not available in scripts (use zopen/zwrite/zclose)"));
    }

    private static void help(Invocation call) {
        if (call.args.has(0)) {
            CommandSpec spec = CommandTable.get(call.args.text(0));
            if (spec == null) {
                call.error("Error: No such command: " + call.args.text(0));
                return;
            }
            for (String line : spec.usageLines()) call.out().plain(line);
            call.out().plain(spec.doc().isEmpty() ? spec.summary() : spec.doc());
            return;
        }
        call.out().plain("EYN-OS commands (type 'help <command>' for details):");
        for (Category category : Category.values()) {
            call.out().plain(category.title + ":");
            for (CommandSpec spec : CommandTable.all()) {
                if (spec.category() == category) call.out().plain(String.format("  %-13s %s", spec.name(), spec.summary()));
            }
        }
    }

    private static void history(Invocation call) {
        if (!call.args.has(0)) {
            var lines = call.machine.history();
            call.out().plain("Command History (" + lines.size() + " entries):");
            for (int i = 0; i < lines.size(); i++) call.out().plain((i + 1) + ": " + lines.get(i));
        } else if (firstWord(call.args.text(0), 15).equals("clear")) {
            call.machine.clearHistory();
            call.out().ok("Command history cleared.");
        } else {
            call.out().plain("Usage: history [clear]");
            call.out().plain("  history      - Show command history");
            call.out().plain("  history clear - Clear command history");
        }
    }

    /** EYN-OS's error statistics: CPU exceptions and command errors, none of which an emulated script can cause. */
    private static void error(Invocation call) {
        if (!call.args.has(0)) {
            call.out().plain("System Error Statistics:");
            call.out().plain("  Total errors: 0");
            call.out().plain("  Last error code: 0");
            call.out().plain("  Last error EIP: 0x" + (call.machine.config().fidelity() == eyn.machine.Fidelity.FIXED ? "00000000" : ""));
            call.out().plain("  Command execution errors: 0");
            call.out().ok("  No errors recorded");
            return;
        }
        switch (firstWord(call.args.text(0), 31)) {
            case "clear" -> call.out().ok("Error counters cleared");
            case "details" -> {
                call.out().plain("Detailed Error Information:");
                call.out().plain("  Error tracking enabled");
                call.out().plain("  Recovery system active");
                call.out().plain("  Fatal errors cause system halt");
                call.out().plain("  Recoverable errors return to shell");
                call.out().plain("  Command safety validation active");
                call.out().plain("  Stack overflow protection enabled");
            }
            default -> call.out().plain("Usage: error [clear|details]");
        }
    }

    /**
     * What EYN-OS Release 13's run prints for what the emulator cannot run or find: it loads the file as a
     * native program and checks its size and magic number. (Scripts still run: see S1.)
     */
    private static void runFaithfully(Invocation call, String typed, String abs) {
        call.out().plain("[run] Loading '" + typed + "'...");
        Drive.Entry entry = call.machine.drive().stat(abs);
        if (entry == null) {
            call.error("[run] File not found: " + typed);
        } else if (entry.directory() || entry.size() == 0) {
            call.error("[MEMORY] Invalid allocation request: 0 bytes");
            call.error("[run] Out of memory.");
        } else if (entry.size() < NATIVE_HEADER) {
            call.error("[run] File too small to be a valid EYN executable.");
        } else {
            call.error("[run] Invalid EYN executable magic.");
        }
    }

    /** The smallest file EYN-OS's run accepts as a native program (its header). */
    static final int NATIVE_HEADER = 16;

    /** The first space-separated word of a text, cut to {@code max} characters as EYN-OS's fixed buffers cut it. */
    static String firstWord(String text, int max) {
        String t = text.stripLeading();
        int space = t.indexOf(' ');
        String w = space < 0 ? t : t.substring(0, space);
        return w.length() > max ? w.substring(0, max) : w;
    }

    private static void run(Invocation call) {
        String typed = call.args.text(0);
        String abs = Builtins.resolve(call, typed);
        if (abs == null) return;
        String name = FsPath.name(abs);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        if (call.machine.faithful() && !ext.equals(".eyn") && !ext.equals(".shell") || call.machine.faithful()
                && call.machine.drive().stat(abs) == null) {
            runFaithfully(call, typed, abs);
            return;
        }
        switch (ext) {
            case ".eyn", ".shell" -> { }
            case "", ".bin", ".flat", ".uelf" -> {
                call.error("Error: Native programs cannot run in the emulator: " + abs);
                call.error("Error: Program execution failed");
                return;
            }
            default -> {
                call.error("Error: Unsupported file format. Use .eyn/.bin/.flat for native programs, .uelf for ring3 ELF, or .shell for scripts");
                return;
            }
        }
        Drive drive = call.machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null || entry.directory()) {
            call.error("Error: Shell script file not found: " + abs);
            call.error("Error: Program execution failed");
            return;
        }
        try {
            byte[] bytes = call.machine.readWhole(drive, abs);
            call.host.runScript(abs, new String(bytes, StandardCharsets.UTF_8));
        } catch (DriveException e) {
            call.error("Error: Failed to read shell script file");
            call.error("Error: Program execution failed");
        }
    }
}
