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
        command("history", Category.SHELL, "history [clear]", "Show or clear the command history.")
                .doc("Lists the last 50 command lines, oldest first (a line repeating the one before it is kept once); "
                        + "`history clear` empties the list. In the emulator the lines of the top script count as typed.")
                .example("history", "history clear")
                .arg(optional("action", TEXT, "clear"))
                .add();
        command("error", Category.SHELL, "error [clear|details]", "Show the system error statistics.")
                .doc("Prints EYN-OS's error statistics (CPU exceptions and command errors). Nothing a script does "
                        + "raises them, so they stay 0. `clear` and `details` print what EYN-OS prints.")
                .example("error", "error details")
                .arg(optional("action", TEXT, "clear or details"))
                .add();
        command("run", Category.SHELL, "run <program.eyn|program.flat|program.bin|script.shell>", "Run a script.")
                .doc("Runs another script (`.eyn` or `.shell`) from the current drive, resolved against the current "
                        + "directory, with a fresh variable table. Nesting is limited to 8 scripts. Native programs "
                        + "(`.bin`, `.flat`, `.uelf`) cannot run in the emulator.")
                .example("run setup.eyn")
                .usageLines("Usage: run <program.eyn>")
                .arg(required("script", PATH, "the script to run"))
                .portability("EYN-OS runs only `.shell` files as scripts (a `.eyn` file is a native program) and always reads them from drive 0.")
                .add();
        command("write", Category.FILES, "write <file>", "Edit a file (interactive; not available in scripts).")
                .usageLines("Usage: write <filename>", "Opens a text editor for the specified file.")
                .doc("Opens EYN-OS's full-screen editor. Scripts cannot use it: the emulator reports an error.")
                .arg(required("file", PATH, "the file to edit"))
                .add();

        // ---- files and drives ----------------------------------------------------------------
        command("drive", Category.FILES, "drive <n>", "Switch to another drive.")
                .doc("Makes drive n current and resets the current directory to `/`. The drive must exist.")
                .example("drive 1")
                .usageLines("Usage: drive <n>")
                .arg(required("n", STRING, "the drive number (leading digits count)"))
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
                .doc("First says how the file is shown, by the extension of the name as typed (`Displaying as raw text...`, "
                        + "markdown, image), then prints the contents (at most 64 KiB). Markdown (`.md`) is rendered as EYN-OS "
                        + "renders it: heading marks, `*` and backquotes removed, code fences as empty lines. Images print nothing more.")
                .example("read notes.txt")
                .usageLines("Usage: read <filename>", "Smart file display - detects file type and displays appropriately.",
                        "Supported formats: .txt (raw), .md (markdown), .png/.jpg/.jpeg/.rei (images)")
                .arg(required("file", PATH, "the file to print"))
                .portability("EYN-OS reports an empty file as a read failure.")
                .add();
        command("del", Category.FILES, "del <file>", "Delete a file.")
                .usageLines("Usage: del <filename>", "Deletes the specified file from the filesystem.")
                .arg(required("file", PATH, "the file to delete"))
                .add();
        command("makedir", Category.FILES, "makedir <directory>", "Create a directory.")
                .usageLines("Usage: makedir <directory>", "Creates a new directory at the specified path.")
                .arg(required("directory", PATH, "the directory to create"))
                .add();
        command("deldir", Category.FILES, "deldir <directory>", "Delete an empty directory.")
                .usageLines("Usage: deldir <directory>", "Removes the specified directory (must be empty).")
                .arg(required("directory", PATH, "the directory to delete"))
                .add();
        command("copy", Category.FILES, "copy <source> <destination>", "Copy a file.")
                .doc("Copies a file. The destination may be a new file name or an existing directory; an existing "
                        + "file is not overwritten.")
                .example("copy file1.txt file2.txt")
                .arg(required("source", PATH, "the file to copy"))
                .arg(required("destination", PATH, "the new file or a directory").missing("Error: Destination filename required."))
                .portability("EYN-OS refuses empty source files and directories as destinations.")
                .add();
        command("move", Category.FILES, "move <source> <destination>", "Move a file.")
                .doc("Copies a file, then deletes the source.")
                .example("move file1.txt /backup/file1.txt")
                .arg(required("source", PATH, "the file to move"))
                .arg(required("destination", PATH, "the new file or a directory").missing("Error: Destination filename required."))
                .portability("EYN-OS refuses empty source files and directories as destinations.")
                .add();
        command("size", Category.FILES, "size <file>", "Print a file's size in bytes.")
                .usageLines("Usage: size <filename>")
                .arg(required("file", PATH, "the file"))
                .add();
        command("fscheck", Category.FILES, "fscheck", "Check the current drive's file system.").ignoresArgs().add();
        command("search", Category.FILES, "search <pattern> [-f|-c|-a]", "Find files by name or content.")
                .doc("Searches the whole current drive from its root, in names and contents by default: `-f` names only, "
                        + "`-c` contents only, `-a` both (only the letter after `-` counts; another option means both). Prints "
                        + "`[FILENAME]`, `[DIRNAME]` or `[CONTENT]` and the path for each match (a name match is not searched "
                        + "again in the contents), then the count. The pattern is case-sensitive and at most 63 characters.")
                .example("search hello -a")
                .usageLines("Usage: search <pattern> [options]", "Options:",
                        "  -f    Search in filenames and directory names only",
                        "  -c    Search in file contents only (default)",
                        "  -a    Search in both names and contents",
                        "Example: search hello -a")
                .arg(optional("pattern", STRING, "text to look for"))
                .arg(optional("where", STRING, "-f names, -c contents, -a both"))
                .add();
        command("hexdump", Category.FILES, "hexdump <file>", "Show a file's bytes in hex.")
                .doc("Prints `[hexdump] <name> (<n> bytes):` and the whole file (at most 64 KiB) as hex, 16 bytes a line after "
                        + "the decimal offset. Further words are ignored.")
                .example("hexdump data.bin")
                .usageLines("Usage: hexdump <file>")
                .arg(optional("file", PATH, "the file"))
                .portability("EYN-OS looks for the name as typed in the root directory of drive 0 only, prints `4d:` "
                        + "instead of each offset and reports a directory or an empty file as `Out of memory`.")
                .add();

        // ---- numbers and text -----------------------------------------------------------------
        command("random", Category.MATH, "random [count] | random <min> <max>", "Random numbers.")
                .doc("No argument: one number (0..32767). A number: that many numbers (at most 1000), comma-separated, 10 per "
                        + "line. Two numbers: one number in [min, max]. As on EYN-OS, only leading digits count: `random 3x` "
                        + "prints three numbers, and a second word that does not start with a digit is ignored. The generator "
                        + "is EYN-OS's LCG, seeded with 1 unless `--seed` says otherwise.")
                .example("random", "random 5", "random 1 6")
                .arg(optional("count|min", TEXT, "how many numbers, or the minimum, then the maximum"))
                .add();
        command("calc", Category.MATH, "calc <expression>", "Evaluate arithmetic.")
                .doc("Evaluates + - * / and parentheses with precedence, in fixed point with three decimals. EYN-OS "
                        + "Release 13 evaluates one operator between two unsigned numbers, divides whole numbers and wraps "
                        + "at 32 bits (`calc 10/4` prints `Result: 2`, `calc 2+3*4` prints `Result: 0`); "
                        + "faithful mode does the same.")
                .example("calc 2.5+3.7")
                .arg(required("expression", TEXT, "the expression"))
                .portability("EYN-OS evaluates a single operator with whole-number division: `calc 2+3*4` prints `Result: 0`.")
                .add();
        command("sort", Category.MATH, "sort <string1> <string2> <string3> ...", "Sort words.")
                .doc("Prints the words sorted, one per line, numbered from 1.")
                .example("sort zebra apple banana")
                .arg(optional("word", STRING, "a word to sort").repeated())
                .add();

        // ---- memory and prediction ------------------------------------------------------------
        command("memory", Category.PREDICTIVE_MEMORY, "memory [stats|test|stress|check|protect]", "Heap tools.")
                .doc("Always prints the memory menu, then, when the rest of the line is exactly one of them: `stats` the heap "
                        + "statistics, `test` EYN-OS's allocation test (100, 200 and 50 bytes, a free, a realloc), `stress` its "
                        + "stress test (100 small blocks, every other freed, 50 more), `check` and `protect` EYN-OS's status lines. "
                        + "Anything else prints only the menu.")
                .example("memory stats")
                .arg(optional("action", TEXT, "stats, test, stress, check or protect"))
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
