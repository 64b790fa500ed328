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
        " _____ __   __ _   _        ___  ____  ",
        "| ____|\\ \\ / /| \\ | |      / _ \\/ ___| ",
        "|  _|   \\ V / |  \\| |_____| | | \\___ \\ ",
        "| |___   | |  | |\\  |_____| |_| |___) |",
        "|_____|  |_|  |_| \\_|      \\___/|____/ ",
    };

    static void register(Map<String, Command> commands) {
        commands.put("echo", call -> call.out().plain(call.args.has(0) ? call.args.text(0) : ""));
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

    private static void run(Invocation call) {
        String typed = call.args.text(0);
        String abs = Builtins.resolve(call, typed);
        if (abs == null) return;
        String name = FsPath.name(abs);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
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
            byte[] bytes = drive.read(abs).toByteArray();
            call.host.runScript(abs, new String(bytes, StandardCharsets.UTF_8));
        } catch (DriveException e) {
            call.error("Error: Failed to read shell script file");
            call.error("Error: Program execution failed");
        }
    }
}
