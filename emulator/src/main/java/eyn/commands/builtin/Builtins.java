package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.disk.FsPath;
import java.util.HashMap;
import java.util.Map;

/** The behaviour behind each {@link eyn.commands.CommandTable} entry, by name. */
public final class Builtins {
    private static final Map<String, Command> COMMANDS = new HashMap<>();

    static {
        ShellCommands.register(COMMANDS);
        FileCommands.register(COMMANDS);
        MathCommands.register(COMMANDS);
        PredictCommands.register(COMMANDS);
        ZeroCopyCommands.register(COMMANDS);
        MmapCommands.register(COMMANDS);
    }

    private Builtins() {}

    public static Command get(String name) {
        return COMMANDS.get(name);
    }

    /** Resolves a typed path against the cwd; prints an error and returns null when it is too long. */
    static String resolve(Invocation call, String typed) {
        if (call.machine.drive() == null) {
            // only in faithful mode, after `drive N` selected a drive that does not exist
            call.error("No supported filesystem found.");
            return null;
        }
        String abs = call.machine.resolve(typed);
        if (abs.length() > FsPath.MAX_PATH) {
            call.error("Error: Path too long (max " + FsPath.MAX_PATH + " characters): " + abs);
            return null;
        }
        return abs;
    }
}
