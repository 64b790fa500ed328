package eyn.commands;

import static eyn.commands.ArgKind.*;
import static eyn.commands.ArgSpec.optional;
import static eyn.commands.ArgSpec.required;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one description of every command the emulator knows. Add a command here, then its behaviour. */
public final class CommandTable {
    private static final Map<String, CommandSpec> SPECS = new LinkedHashMap<>();

    private CommandTable() {}

    public static CommandSpec get(String name) {
        return SPECS.get(name);
    }

    public static Collection<CommandSpec> all() {
        return SPECS.values();
    }

    public static List<String> names() {
        return new ArrayList<>(SPECS.keySet());
    }

    private static Builder command(String name, Category category, String usage, String summary) {
        return new Builder(name, category, usage, summary);
    }

    private static final class Builder {
        private final String name;
        private final Category category;
        private final String usage;
        private final String summary;
        private String doc = "";
        private final List<String> examples = new ArrayList<>();
        private final List<ArgSpec> args = new ArrayList<>();
        private final List<String> usageOverride = new ArrayList<>();
        private final List<String> portability = new ArrayList<>();
        private boolean parsesArgs = true;

        Builder(String name, Category category, String usage, String summary) {
            this.name = name;
            this.category = category;
            this.usage = usage;
            this.summary = summary;
        }

        Builder doc(String text) { doc = text; return this; }
        Builder example(String... lines) { examples.addAll(List.of(lines)); return this; }
        Builder arg(ArgSpec spec) { args.add(spec); return this; }
        Builder usageLines(String... lines) { usageOverride.addAll(List.of(lines)); return this; }
        Builder portability(String note) { portability.add(note); return this; }
        Builder ignoresArgs() { parsesArgs = false; return this; }

        void add() {
            SPECS.put(name, new CommandSpec(name, category, summary, doc, usage, List.copyOf(examples), List.copyOf(args),
                    List.copyOf(usageOverride), List.copyOf(portability), parsesArgs));
        }
    }

    static {
        // ---- shell --------------------------------------------------------------------------
        command("echo", Category.SHELL, "echo <text>", "Print the rest of the line.")
                .doc("Prints the rest of the line exactly as written, then a newline. There is no quoting: "
                        + "`echo \"hi\"` prints the quotes too. With no text it prints an empty line.")
                .example("echo Hello World")
                .arg(optional("text", TEXT, "the text to print, verbatim"))
                .portability("Quotes are printed literally and '#' after a command is not a comment.")
                .add();
        command("ver", Category.SHELL, "ver", "Show the EYN-OS version banner.")
                .doc("Prints the EYN-OS banner and the release this emulator follows (Release 13).")
                .ignoresArgs().add();
        command("help", Category.SHELL, "help [command]", "List the commands, or explain one.")
                .doc("On EYN-OS `help` opens an interactive help viewer. In the emulator it prints the command list, "
                        + "or the usage and documentation of one command.")
                .arg(optional("command", STRING, "a command to explain"))
                .portability("EYN-OS opens a full-screen help viewer instead of printing text.")
                .add();
        command("clear", Category.SHELL, "clear", "Clear the screen.").ignoresArgs().add();
        command("exit", Category.SHELL, "exit", "Print Goodbye! and halt the machine.")
                .doc("Prints `Goodbye!` and halts the machine: the script and every script that ran it stop here.")
                .ignoresArgs().add();
        command("run", Category.SHELL, "run <program.eyn|program.flat|program.bin|script.shell>", "Run a script.")
                .doc("Runs another script (`.eyn` or `.shell`) from the current drive, resolved against the current "
                        + "directory, with a fresh variable table. Nesting is limited to 8 scripts. Native programs "
                        + "(`.bin`, `.flat`, `.uelf`) cannot run in the emulator.")
                .example("run setup.eyn")
                .usageLines("Usage: run <program.eyn|program.flat|program.bin|script.shell>")
                .arg(required("script", PATH, "the script to run"))
                .portability("EYN-OS runs only `.shell` files as scripts (a `.eyn` file is a native program) and always reads them from drive 0.")
                .add();
        command("write", Category.FILES, "write <file>", "Edit a file (interactive; not available in scripts).")
                .doc("Opens EYN-OS's full-screen editor. Scripts cannot use it: the emulator reports an error.")
                .arg(required("file", PATH, "the file to edit"))
                .add();

        // ---- files and drives ----------------------------------------------------------------
        command("drive", Category.FILES, "drive <n>", "Switch to another drive.")
                .doc("Makes drive n current and resets the current directory to `/`. The drive must exist.")
                .example("drive 1")
                .usageLines("Usage: drive <n>")
                .arg(required("n", NUMBER, "the drive number"))
                .portability("EYN-OS accepts any number and keeps the current directory.")
                .add();
        command("ls", Category.FILES, "ls [depth|path]", "List a directory.")
                .doc("Lists the current directory in name order, directories with a trailing `/`. A number lists "
                        + "subdirectories to that depth (at most 10); anything else is a directory to list.")
                .example("ls", "ls 2", "ls docs")
                .arg(optional("depth|path", STRING, "a recursion depth or a directory"))
                .portability("EYN-OS reads `ls <path>` as depth 0 and lists the current directory.")
                .add();
        command("cd", Category.FILES, "cd <directory>", "Change the current directory.")
                .doc("Changes the current directory. `..` goes up, `/` is the root of the current drive.")
                .example("cd docs", "cd ..")
                .usageLines("Usage: cd <directory>")
                .arg(required("directory", PATH, "the directory"))
                .add();
        command("read", Category.FILES, "read <file>", "Print a file.")
                .doc("Prints a file's contents (at most 64 KiB) after a line that says how it is shown.")
                .example("read notes.txt")
                .arg(required("file", PATH, "the file to print"))
                .portability("EYN-OS reports an empty file as a read failure.")
                .add();
        command("del", Category.FILES, "del <file>", "Delete a file.")
                .usageLines("Usage: del <filename>", "Deletes the specified file from the filesystem.")
                .arg(required("file", PATH, "the file to delete"))
                .add();
        command("makedir", Category.FILES, "makedir <directory>", "Create a directory.")
                .arg(required("directory", PATH, "the directory to create"))
                .add();
        command("deldir", Category.FILES, "deldir <directory>", "Delete an empty directory.")
                .arg(required("directory", PATH, "the directory to delete"))
                .add();
        command("copy", Category.FILES, "copy <source> <destination>", "Copy a file.")
                .doc("Copies a file. The destination may be a new file name or an existing directory; an existing "
                        + "file is not overwritten.")
                .example("copy a.txt b.txt")
                .arg(required("source", PATH, "the file to copy"))
                .arg(required("destination", PATH, "the new file or a directory").missing("Error: Destination filename required."))
                .portability("EYN-OS refuses empty source files and directories as destinations.")
                .add();
        command("move", Category.FILES, "move <source> <destination>", "Move a file.")
                .doc("Copies a file, then deletes the source.")
                .example("move a.txt old/a.txt")
                .arg(required("source", PATH, "the file to move"))
                .arg(required("destination", PATH, "the new file or a directory").missing("Error: Destination filename required."))
                .portability("EYN-OS refuses empty source files and directories as destinations.")
                .add();
        command("size", Category.FILES, "size <file>", "Print a file's size in bytes.")
                .arg(required("file", PATH, "the file"))
                .add();
        command("fscheck", Category.FILES, "fscheck", "Check the current drive's file system.").ignoresArgs().add();
        command("search", Category.FILES, "search <pattern> [-f|-c|-a]", "Find files by name or content.")
                .doc("Searches the current drive from its root: `-f` file names (the default), `-c` file contents, "
                        + "`-a` both. Prints each match and a count.")
                .example("search log -f", "search TODO -c")
                .arg(required("pattern", STRING, "text to look for"))
                .arg(optional("where", WORD, "-f names, -c contents, -a both").choices("-f", "-c", "-a").defaultsTo("-f"))
                .add();
        command("hexdump", Category.FILES, "hexdump <file> [count]", "Show a file's bytes in hex.")
                .doc("Prints the first bytes of a file (64 unless a count is given) as hex and ASCII, 16 per line.")
                .example("hexdump data.bin", "hexdump data.bin 128")
                .arg(required("file", PATH, "the file"))
                .arg(optional("count", COUNT, "how many bytes").defaultsTo("64"))
                .add();

        // ---- numbers and text -----------------------------------------------------------------
        command("random", Category.MATH, "random [count] | random <min> <max>", "Random numbers.")
                .doc("No argument: one number (0..32767). One: that many numbers, 10 per line. Two: one number in "
                        + "[min, max]. The generator is EYN-OS's LCG, seeded with 1 unless `--seed` says otherwise.")
                .example("random", "random 5", "random 1 6")
                .arg(optional("count|min", NUMBER, "how many numbers, or the minimum").invalid("Error: Invalid number format"))
                .arg(optional("max", NUMBER, "the maximum").invalid("Error: Invalid number format"))
                .add();
        command("calc", Category.MATH, "calc <expression>", "Evaluate arithmetic.")
                .doc("Evaluates + - * / and parentheses in fixed point with three decimals, as EYN-OS does.")
                .example("calc 2+3*4", "calc 10/4")
                .arg(required("expression", TEXT, "the expression"))
                .add();
        command("sort", Category.MATH, "sort <word> [word...]", "Sort words.")
                .doc("Prints the words sorted, one per line, numbered from 1.")
                .example("sort pear apple fig")
                .arg(optional("word", STRING, "a word to sort").repeated())
                .add();

        // ---- memory and prediction ------------------------------------------------------------
        command("memory", Category.PREDICTIVE_MEMORY, "memory [stats|test|stress|check|protect]", "Heap tools.")
                .doc("Always prints the memory menu, then: `stats` the heap statistics, `test` an allocation test, "
                        + "`stress` a heavier allocation test, `check` a heap integrity check, `protect` the protection state.")
                .arg(optional("action", WORD, "what to do").choices("stats", "test", "stress", "check", "protect"))
                .add();
        command("memory_stats", Category.PREDICTIVE_MEMORY, "memory_stats", "Predictor, heap and mapping statistics.")
                .doc("Prints the predictive memory statistics, the heap statistics and the mapping summary.")
                .ignoresArgs().add();
        command("predict", Category.PREDICTIVE_MEMORY, "predict [stats|reset|optimize|init]", "Predictive memory manager.")
                .doc("`stats` shows hits, misses, hit rate, mapped files and the prediction score; `reset` clears the "
                        + "statistics; `optimize` runs an optimisation pass (prefetch common sizes when the score is "
                        + "above 0.70, drop the cache when the hit rate is under 30 %); `init` starts the manager clean "
                        + "and unmaps every mapping.")
                .usageLines("Usage: predict [stats|reset|optimize|init]",
                        "  stats    - Show prediction statistics",
                        "  reset    - Reset prediction statistics",
                        "  optimize - Run memory optimization",
                        "  init     - Initialize predictive memory system")
                .arg(required("action", WORD, "what to do").choices("stats", "reset", "optimize", "init")
                        .invalid("Unknown subcommand: %s"))
                .portability("On EYN-OS nothing feeds the predictor, so its counters stay 0.")
                .add();

        // ---- zero-copy ------------------------------------------------------------------------
        command("zopen", Category.ZERO_COPY, "zopen <filename> [r|w|rw]", "Open a file for zero-copy access.")
                .doc("Opens an existing file and prints its fd (the lowest free one, from 0). Mode `r` reads, `w` "
                        + "writes, `rw` both; the default is `rw`. At most 16 fds are open at once on a 128 MiB machine.")
                .example("zopen test.txt r", "zopen data.bin rw")
                .arg(required("filename", PATH, "the file to open"))
                .arg(optional("mode", MODE, "r, w or rw").defaultsTo("rw"))
                .portability("EYN-OS opens read-only when the mode is missing or unknown, and never reuses fds.")
                .portability("`$(zopen ...)` captures the file size from zopen's trace, not the fd.")
                .add();
        command("zclose", Category.ZERO_COPY, "zclose <fd>", "Close a zero-copy fd, writing changes back.")
                .doc("Closes the fd. If it was opened for writing and changed, its bytes are written back to the file.")
                .example("zclose 0")
                .arg(required("fd", FD, "the fd to close"))
                .portability("EYN-OS Release 13 discards the changes instead of writing them back.")
                .add();
        command("zread", Category.ZERO_COPY, "zread <fd> <count>", "Read bytes from an fd.")
                .doc("Reads up to count bytes from the fd's offset, prints them and advances the offset.")
                .example("zread 0 100")
                .arg(required("fd", FD, "an fd open for reading"))
                .arg(required("count", COUNT, "how many bytes").missing("Error: Missing count parameter"))
                .add();
        command("zwrite", Category.ZERO_COPY, "zwrite <fd> <data>", "Write text to an fd.")
                .doc("Writes the rest of the line, verbatim, at the fd's offset; the file grows when needed.")
                .example("zwrite 0 Hello World")
                .arg(required("fd", FD, "an fd open for writing"))
                .arg(required("data", TEXT, "the text to write").missing("Error: Missing data parameter"))
                .portability("EYN-OS Release 13 cannot grow a file with zwrite.")
                .add();
        command("zseek", Category.ZERO_COPY, "zseek <fd> <offset> [set|cur|end]", "Move an fd's offset.")
                .doc("Sets the offset relative to the start (`set`, the default), the current offset (`cur`) or the end (`end`).")
                .example("zseek 0 100 set")
                .arg(required("fd", FD, "the fd"))
                .arg(required("offset", OFFSET, "the offset, may be negative").missing("Error: Missing offset parameter"))
                .arg(optional("whence", WHENCE, "set, cur or end").defaultsTo("set"))
                .add();
        command("zsplice", Category.ZERO_COPY, "zsplice <fd_in> <fd_out> <count>", "Move bytes between fds without copying.")
                .doc("Moves up to count bytes from fd_in's offset to fd_out's offset; both offsets advance. The output grows as needed.")
                .example("zsplice 0 1 100")
                .arg(required("fd_in", FD, "an fd open for reading"))
                .arg(required("fd_out", FD, "an fd open for writing").missing("Error: Missing output fd parameter"))
                .arg(required("count", COUNT, "how many bytes").missing("Error: Missing count parameter"))
                .portability("EYN-OS never grows the output and checks no modes.")
                .add();
        command("ztee", Category.ZERO_COPY, "ztee <fd_in> <fd_out> <count>", "Copy bytes between fds, keeping the input offset.")
                .doc("Like zsplice, but fd_in's offset stays where it was, so the same bytes can be teed again.")
                .example("ztee 0 1 100")
                .arg(required("fd_in", FD, "an fd open for reading"))
                .arg(required("fd_out", FD, "an fd open for writing").missing("Error: Missing output fd parameter"))
                .arg(required("count", COUNT, "how many bytes").missing("Error: Missing count parameter"))
                .portability("EYN-OS never grows the output and checks no modes.")
                .add();
        command("zstats", Category.ZERO_COPY, "zstats", "Zero-copy statistics and open fds.")
                .ignoresArgs().add();

        // ---- memory mapping -------------------------------------------------------------------
        command("mmap", Category.MEMORY_MAPPING, "mmap <filename> [readonly]", "Map a whole file into memory.")
                .doc("Maps the file and prints the address to use with munmap and msync. At most 32 mappings.")
                .example("mmap test.txt", "mmap data.bin readonly")
                .arg(required("filename", PATH, "the file to map"))
                .arg(optional("mode", WORD, "readonly, or nothing for read-write").choices("readonly")
                        .invalid("Error: Invalid mapping mode: %s (use readonly, or nothing for read-write)"))
                .portability("EYN-OS Release 13 prints `Address: 0x` without the digits.")
                .add();
        command("munmap", Category.MEMORY_MAPPING, "munmap <address>", "Remove a mapping.")
                .doc("Removes the mapping that starts at the address (as printed by mmap). Changes not synced are lost.")
                .example("munmap 0x12345678")
                .arg(required("address", ADDRESS, "the mapping's start address"))
                .add();
        command("msync", Category.MEMORY_MAPPING, "msync <address>", "Write a mapping back to its file.")
                .doc("Writes a read-write mapping back to its file. A read-only mapping cannot be synced.")
                .example("msync 0x12345678")
                .arg(required("address", ADDRESS, "the mapping's start address"))
                .portability("EYN-OS Release 13 writes nothing back and reports success even for read-only mappings.")
                .add();
    }
}
