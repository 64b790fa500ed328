package eyn.commands.y2026;

import static eyn.commands.ArgKind.ADDRESS;
import static eyn.commands.ArgKind.COUNT;
import static eyn.commands.ArgKind.NUMBER;
import static eyn.commands.ArgKind.PATH;
import static eyn.commands.ArgKind.STRING;
import static eyn.commands.ArgKind.TEXT;
import static eyn.commands.ArgKind.WORD;
import static eyn.commands.ArgSpec.optional;
import static eyn.commands.ArgSpec.required;

import eyn.commands.ArgSpec;
import eyn.commands.Category;
import eyn.commands.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The specs of the 110 programs of /binaries in the 2026 command set (reference 3.1 and 3.3): name,
 * category, the reference's description as summary, the program's own usage lines, a short doc and
 * the arguments (for arity checks and signature help). Programs parse their own argv, so
 * {@code parsesArgs} is false: the interpreter hands them the words. Where the reference gives no
 * usage line ("—" or an example only), the spec has no usage override and the notes say so.
 *
 * <p>Arguments are listed in the order the program reads them. An argument whose name starts with
 * {@code -} ({@code "-n lines"}, {@code "-s seed"}) is an option with its value: two words, present
 * only when the first word is that flag, so an arity check should skip it when the word does not
 * match. Flags a program takes anywhere (search's {@code -f}, jsonparse's {@code --check}) are the
 * choices of a WORD argument. {@link #specs()} holds the required/optional split that the programs
 * themselves enforce with their usage lines.
 */
final class Table2026 {
    private Table2026() {}

    private static final Category FS = Category.FILESYSTEM;
    private static final Category SYS = Category.SYSTEM;
    private static final Category NET = Category.NETWORK;
    private static final Category MEM = Category.MEMORY;
    private static final Category GUI = Category.GUI;
    private static final Category DEV = Category.DEVELOPMENT;
    private static final Category UTIL = Category.UTILITY;

    private static final String NO_USAGE = "The program prints no usage line of its own (reference 3.1: no usage text in the source).";
    private static final String NO_SOURCE = "The program has no published source; only the reference's description is known.";

    static List<CommandSpec> specs() {
        List<CommandSpec> out = new ArrayList<>();
        filesystem(out);
        system(out);
        network(out);
        memory(out);
        gui(out);
        development(out);
        utility(out);
        return out;
    }

    private static void filesystem(List<CommandSpec> out) {
        program("cd", FS, "Change the current directory.")
                .usage("Usage: cd <directory>")
                .doc("Silent on success; `cd: directory not found: DIR` otherwise. A relative DIR resolves against the cwd; an explicit "
                        + "`N:/path` or `RAM:/path` prefix is checked on that drive but the drive is not switched.")
                .note("EYN-OS keeps two cwds (the vterm's and the kernel's shell path) and how a `cd` inside a script reaches the second "
                        + "is unknown; the emulator models one cwd, changed at once.")
                .arg(required("directory", PATH, "the directory")).into(out);
        program("copy", FS, "Copy a file from source to destination.")
                .usage("Usage: copy <source> <destination>", "Example: copy file1.txt file2.txt")
                .doc("Copies a file; an existing destination file is overwritten and an existing directory receives `DST/basename(SRC)`. "
                        + "Prints `File copied: SRC -> DST (N bytes)` with the paths as typed.")
                .arg(required("source", PATH, "the file to copy"))
                .arg(required("destination", PATH, "the new file, or a directory to copy into")).into(out);
        program("create", FS, "Create a file or directory.")
                .usage("Usage: create <path>", "Examples:", "  create test/", "  create test.txt")
                .doc("A path ending in `/` makes a directory; any other path becomes a 0-byte file, truncating an existing one. "
                        + "Silent on success. `mkdir` and `makedir` are aliases of `create`, so `mkdir foo` makes an empty file.")
                .arg(required("path", PATH, "the file, or the directory with a trailing /")).into(out);
        program("del", FS, "Delete a file from the filesystem.")
                .usage("Usage: del <filename>")
                .doc("Deletes a file, silently. Under the shipped alias table a typed `del` runs `delete` instead.")
                .arg(required("filename", PATH, "the file to delete")).into(out);
        program("deldir", FS, "Delete an empty directory.")
                .usage("Usage: deldir <directory>")
                .doc("Deletes an empty directory, silently. Under the shipped alias table a typed `deldir` runs `delete`, which "
                        + "removes a directory only when the path ends with `/`.")
                .arg(required("directory", PATH, "the empty directory")).into(out);
        program("delete", FS, "Delete a file or directory.")
                .usage("Usage: delete <path>")
                .doc("A path ending in `/` removes a directory, any other path unlinks a file. Silent on success; "
                        + "`delete: failed to delete file: PATH` / `delete: failed to delete directory: PATH` otherwise.")
                .note("Whether EYN-OS removes a non-empty directory is unknown; the emulator refuses.")
                .arg(required("path", PATH, "the file, or the directory with a trailing /")).into(out);
        program("fatfix", FS, "Repair FAT32 directory entry flags.")
                .example("fatfix /").doc("A FAT32 repair tool; the emulator has no FAT32 drives.").note(NO_USAGE)
                .arg(optional("path", PATH, "the directory to repair")).into(out);
        program("fscheck", FS, "Check filesystem integrity.")
                .example("fscheck").doc("Prints `Checking filesystem integrity...` then `Filesystem is healthy.`.").note(NO_USAGE).into(out);
        program("head", FS, "Print the first lines of a file.")
                .usage("Usage: head [-n lines] <file>")
                .doc("Prints the file up to and including its N-th newline (N = 10 unless `-n N` comes first). `-n` counts only in the "
                        + "exact form `head -n N FILE`; N = 0 or not a number gives `head: invalid line count`.")
                .arg(optional("-n lines", STRING, "`-n` followed by the line count"))
                .arg(required("file", PATH, "the file")).into(out);
        program("ls", FS, "Run the ls command.")
                .usage("Usage: ls [path]", "Examples:", "  ls", "  ls /")
                .doc("Lists a directory in directory order (unsorted): `  NAME/` for directories, `  NAME` for files. Under the shipped "
                        + "alias table a typed `ls` runs `list` instead.")
                .note("Directory order on EYNFS is creation order; the emulator's drives list names in byte order.")
                .arg(optional("path", PATH, "the directory (default: the cwd)")).into(out);
        program("makedir", FS, "Create a new directory.")
                .usage("Usage: makedir <directory>")
                .doc("Creates a directory, silently. Under the shipped alias table a typed `makedir` runs `create`, which makes a file "
                        + "unless the path ends with `/`.")
                .arg(required("directory", PATH, "the new directory")).into(out);
        program("move", FS, "Move a file from source to destination.")
                .usage("Usage: move <source> <destination>", "Example: move file1.txt file2.txt")
                .doc("Copies like `copy`, then deletes the source. Prints `File moved: SRC -> DST (N bytes)` with the paths as typed.")
                .note("When source and destination are the same file the emulator keeps it (it does not delete the source "
                        + "it has just rewritten).")
                .note("The example line is inferred from `copy`'s.")
                .arg(required("source", PATH, "the file to move"))
                .arg(required("destination", PATH, "the new file, or a directory to move into")).into(out);
        program("pwd", FS, "Print the current working directory.")
                .usage("Usage: pwd").doc("Prints the cwd and a newline.").into(out);
        program("read", FS, "Run the read command.")
                .usage("Usage: read <path>", "Example: read /test.txt")
                .doc("Prints a file's raw bytes with no newline added. `cat` is an alias of `read`.")
                .note(NO_SOURCE + " The emulator runs it as the `cat` program, whose messages say `read:`.")
                .arg(required("path", PATH, "the file")).into(out);
        program("size", FS, "Show the size of a file in bytes.")
                .usage("Usage: size <file>", "Example: size test.txt")
                .doc("Prints `FILE: N bytes`, FILE as typed.")
                .arg(required("file", PATH, "the file")).into(out);
        program("tail", FS, "Print the last lines of a file.")
                .usage("Usage: tail [-n lines] <file>")
                .doc("Prints the last N lines (N = 10 unless `-n N` comes first, in the exact form `tail -n N FILE`). On EYN-OS, for a "
                        + "file without a final newline, `tail -n 1` prints the last two lines.")
                .note("The last-two-lines quirk is reproduced only with fidelity `faithful`.")
                .arg(optional("-n lines", STRING, "`-n` followed by the line count"))
                .arg(required("file", PATH, "the file")).into(out);
    }

    private static void system(List<CommandSpec> out) {
        program("clear", SYS, "Clear terminal output.").usage("Usage: clear").doc("Clears the terminal.").into(out);
        program("drive", SYS, "Drive selection helper.")
                .usage("Usage: drive <logical-drive|label|RAM>")
                .doc("Switches the current drive: a logical drive number, `RAM` (any case) or a drive label. Prints `Switched to drive N`.")
                .note("The emulator has no RAM drive and no drive labels, and it resets the cwd to `/` on a switch (EYN-OS's behaviour "
                        + "is unknown).")
                .arg(required("target", STRING, "a logical drive number, a label or RAM")).into(out);
        program("exit", SYS, "Exits the kernel and shuts down the system.")
                .usage("Usage: exit")
                .doc("The program prints `exit: terminating current user task` and ends its own task. Inside a script `exit` is the "
                        + "engine's built-in, which ends the script.")
                .note("The program only prints its line; it does not stop the machine.").into(out);
        program("help", SYS, "Display command help.")
                .usage("Usage: help").doc("A GUI browser over /binaries; interactive.").into(out);
        program("init", SYS, "Initialize core services.")
                .usage("Usage: init")
                .doc("Prints `Initializing full system services...` then `System initialization complete!`.").into(out);
        program("lsata", SYS, "List detected logical drives.").usage("Usage: lsata").doc("Lists the detected ATA drives.").into(out);
        program("portable", SYS, "Show portability optimization status.")
                .usage("Usage: portable [stats|optimize]").doc("Shows portability optimization status.")
                .arg(optional("action", WORD, "stats or optimize").choices("stats", "optimize")).into(out);
        program("serialtest", SYS, "Serial output test (userland).").usage("Usage: serialtest").doc("Writes a test pattern to the serial port.").into(out);
        program("ver", SYS, "Show system version information.")
                .usage("Usage: ver").doc("Prints the kernel's version string and a newline.")
                .note("The 2026-07 version string is uncertain (`EYN-OS Release 15` in the only kernel source seen, `EYN-OS Release 16` "
                        + "in an April userland build); the emulator prints `EYN-OS Release 16`.").into(out);
    }

    private static void network(List<CommandSpec> out) {
        program("e1000", NET, "Intel e1000 utilities.")
                .usage("Usage: e1000 probe | e1000 init | e1000 test [--expect-link up|down]")
                .doc("Probes, initialises or tests an Intel e1000 network card.")
                .arg(required("action", WORD, "probe, init or test").choices("probe", "init", "test"))
                .arg(optional("options", TEXT, "--expect-link up|down for test")).into(out);
        program("e1000probe", NET, "Probe Intel e1000 NIC.").usage("Usage: e1000probe").doc("Probes for an Intel e1000 network card.").into(out);
        program("netcfg", NET, "Network configuration command.")
                .usage("Usage: netcfg show | netcfg verify | netcfg route <dst_ip> | netcfg defaults [--save] | netcfg set ip|gw|mask|dns "
                        + "<a.b.c.d> [--save] | netcfg save [path] | netcfg load [path]")
                .doc("Shows, sets, saves and loads the network configuration.")
                .arg(required("action", WORD, "show, verify, route, defaults, set, save or load")
                        .choices("show", "verify", "route", "defaults", "set", "save", "load"))
                .arg(optional("arguments", TEXT, "the action's arguments")).into(out);
        program("netstat", NET, "Show network status.").example("netstat").doc("Shows the network status.").note(NO_USAGE).into(out);
        program("pciscan", NET, "Scan PCI devices.").usage("Usage: pciscan [net]").doc("Lists PCI devices; `net` lists network devices only.")
                .arg(optional("net", WORD, "only network devices").choices("net")).into(out);
        program("ping", NET, "Send ICMP echo requests (IPv4 or hostname).")
                .usage("Usage: ping <dst_ip> [count] [local_ip]").doc("Sends ICMP echo requests.")
                .arg(required("dst_ip", STRING, "the address or host name"))
                .arg(optional("count", COUNT, "how many requests"))
                .arg(optional("local_ip", STRING, "the local address")).into(out);
    }

    private static void memory(List<CommandSpec> out) {
        program("memory", MEM, "Memory management and testing.")
                .usage("Usage: memory [stats|test|stress|check|protect]")
                .doc("Exercises the userland heap: `stats` (the default), `test`, `stress`, `check`, `protect` each print a canned line.")
                .arg(optional("action", WORD, "stats, test, stress, check or protect")
                        .choices("stats", "test", "stress", "check", "protect")).into(out);
        program("memory_stats", MEM, "Show predictive memory statistics")
                .usage("Usage: memory_stats")
                .doc("Prints 4 canned lines (`Predictive Memory Statistics:` ...); arguments other than `-h` are ignored.").into(out);
        program("mmap", MEM, "Memory map a file for zero-copy access.")
                .usage("Usage: mmap <filename> [readonly]")
                .doc("Maps a whole file. The kernel prints `File mapped: ABSPATH (N bytes)` in green, then the program prints "
                        + "`Address: 0x...`, `Size: N bytes` and `Mode: read-only|read-write`. Read-only only if the 2nd word is exactly `readonly`.")
                .arg(required("filename", PATH, "the file to map"))
                .arg(optional("readonly", WORD, "map read-only").choices("readonly")).into(out);
        program("msync", MEM, "Synchronize memory-mapped file to disk.")
                .usage("Usage: msync <address>", "Example: msync 0x12345678")
                .doc("Writes a read-write mapping back to its file. The address is read by strtoul base 0 (`0x` hex, leading `0` octal).")
                .arg(required("address", ADDRESS, "the mapping's start address")).into(out);
        program("munmap", MEM, "Unmap a memory-mapped file.")
                .usage("Usage: munmap <address>", "Example: munmap 0x12345678")
                .doc("Removes the mapping that starts at the address (strtoul base 0: `0x` hex, leading `0` octal, else decimal).")
                .arg(required("address", ADDRESS, "the mapping's start address")).into(out);
        program("pagingguards", MEM, "Install optional paging guards.")
                .example("pagingguards").doc("Installs optional paging guards.").note(NO_USAGE).into(out);
        program("predict", MEM, "Predictive memory management")
                .usage("Usage: predict [stats|reset|optimize|init]")
                .doc("Canned text: no argument or `stats` prints 4 lines; `reset`, `optimize`, `init` print one line each.")
                .arg(optional("action", WORD, "stats, reset, optimize or init").choices("stats", "reset", "optimize", "init")).into(out);
    }

    private static void gui(List<CommandSpec> out) {
        program("clearbg", GUI, "Clear background image for focused tile.").usage("Usage: clearbg").doc("A GUI command.").into(out);
        program("draw", GUI, "Open the draw canvas editor.").usage("Usage: draw [output.rei]").doc("A GUI canvas editor.")
                .arg(optional("output", PATH, "the .rei file to save")).into(out);
        program("kstats", GUI, "Legacy kernel stats GUI (migrated default is userland 'stats').").usage("Usage: kstats").doc("A GUI command.").into(out);
        program("kwin_test", GUI, "Legacy kernel window-test command (migrated default is userland 'win_test').")
                .usage("Usage: kwin_test").doc("A GUI command.").into(out);
        program("rect", GUI, "Draw a rectangle.").usage("Usage: rect <x> <y> <width> <height> <r> <g> <b>").doc("Draws a rectangle on screen.")
                .arg(required("x", COUNT, "left")).arg(required("y", COUNT, "top"))
                .arg(required("width", COUNT, "width")).arg(required("height", COUNT, "height"))
                .arg(required("r", COUNT, "red 0-255")).arg(required("g", COUNT, "green 0-255")).arg(required("b", COUNT, "blue 0-255")).into(out);
        program("setbg", GUI, "Set background image for focused tile.").usage("Usage: setbg <rei_file>").doc("A GUI command.")
                .arg(required("rei_file", PATH, "the .rei image")).into(out);
        program("setfont", GUI, "Set runtime system font (.hex/.otf/.ttf).").usage("Usage: setfont <font_path|builtin>").doc("A GUI command.")
                .arg(required("font", PATH, "a font file or builtin")).into(out);
        program("stats", GUI, "Open the stats GUI.").usage("Usage: stats").doc("A GUI command.").into(out);
        program("theme", GUI, "Open the theme editor.").usage("Usage: theme [font-path|builtin]").doc("A GUI command.")
                .arg(optional("font", PATH, "a font file or builtin")).into(out);
        program("title", GUI, "Run the title command.").example("title").doc("A GUI command.").note(NO_USAGE + " " + NO_SOURCE).into(out);
        program("view", GUI, "Dispatch a file to a view backend from /.view.").usage("Usage: view <file>").doc("Opens a viewer for a file.")
                .arg(required("file", PATH, "the file to view")).into(out);
        program("win_test", GUI, "Open compositor window test.").usage("Usage: win_test").doc("A GUI command.").into(out);
    }

    private static void development(List<CommandSpec> out) {
        program("assertfail", DEV, "Trigger an assertion failure (ASSERT).").usage("Usage: assertfail yes").doc("Crashes the kernel on purpose.")
                .arg(required("yes", WORD, "confirmation").choices("yes")).into(out);
        program("crashlog", DEV, "Inspect and clear crashlog records.").usage("Usage: crashlog dump | crashlog clear yes")
                .doc("Dumps or clears the crash log.")
                .arg(required("action", WORD, "dump or clear").choices("dump", "clear"))
                .arg(optional("yes", WORD, "confirmation for clear").choices("yes")).into(out);
        program("hexdump", DEV, "Hex dump file bytes.")
                .usage("Usage: hexdump <file> [max_bytes]")
                .doc("Dumps the file (or its first max_bytes bytes, decimal) in rows of 16: `%08x` offset, hex cells, `|ASCII|`.")
                .note("A `max_bytes` of 0 dumps the whole file, like a word that is not a number (inferred: strtoul gives 0 "
                        + "for both). A directory gives `hexdump: cannot open DIR`.")
                .arg(required("file", PATH, "the file"))
                .arg(optional("max_bytes", COUNT, "how many bytes to dump (default: all)")).into(out);
        program("log", DEV, "Enable or disable shell logging.")
                .usage("Usage: log on|off").doc("Prints `logging enabled` / `logging disabled`.")
                .note("The emulator keeps no shell log.")
                .arg(required("state", WORD, "on or off").choices("on", "off")).into(out);
        program("panic", DEV, "Trigger a kernel panic for diagnostics.").usage("Usage: panic yes").doc("Panics the kernel on purpose.")
                .arg(required("yes", WORD, "confirmation").choices("yes")).into(out);
        program("pf", DEV, "Intentionally trigger a page fault.").usage("Usage: pf yes [addr] [r|w|x]").doc("Page-faults on purpose.")
                .arg(required("yes", WORD, "confirmation").choices("yes"))
                .arg(optional("addr", ADDRESS, "the faulting address"))
                .arg(optional("access", WORD, "r, w or x").choices("r", "w", "x")).into(out);
        program("ring3", DEV, "Switch to ring 3 and run a tiny user-mode stub.").usage("Usage: ring3 yes").doc("Runs a ring-3 test stub.")
                .arg(required("yes", WORD, "confirmation").choices("yes")).into(out);
        program("run", DEV, "Run a native program, .uelf, or script.")
                .usage("Usage: run <program.eyn|program.bin|program.flat|program.uelf|script.shell> [args...]")
                .doc("Decides by the extension: `.shell` runs a script (arguments become `$1`..`$9`); `.uelf` a ring-3 ELF; "
                        + "`.eyn`/`.bin`/`.flat` a native program; with no `.`, a file starting with `#` is a script and `\\x7fELF` an ELF.")
                .note("Only scripts run in the emulator; ELF and native programs print one line saying they cannot run.")
                .note("`run: file not found: FILE` for a missing file without an extension is the emulator's own line "
                        + "(EYN-OS would try it as a native program).")
                .arg(required("program", PATH, "the program or script"))
                .arg(optional("args", STRING, "arguments for it").repeated()).into(out);
        program("validate", DEV, "Show input validation status and tests.").usage("Usage: validate [test|stats]").doc("Shows input validation status.")
                .arg(optional("action", WORD, "test or stats").choices("test", "stats")).into(out);
    }

    private static void utility(List<CommandSpec> out) {
        program("alias", UTIL, "Create or remove command aliases.")
                .usage("Usage: alias <name> <template>", "       alias <multi word name> = <template>", "       alias remove <name>",
                        "       alias remove <multi word name>")
                .doc("Adds an alias (`Alias set: NAME`) or removes one (`Alias removed: NAME`) and saves the table to "
                        + "/config/aliases.cfg. A single-word name that exists as a program is refused. In templates `[args]` is every "
                        + "argument and `[argN]` the N-th.")
                .note("A missing /config/aliases.cfg counts as the shipped table, and /config is created when missing "
                        + "(inferred). Every one of the 110 programs counts as installed in /binaries.")
                .arg(required("name", STRING, "the alias name, or remove"))
                .arg(optional("template", TEXT, "what the alias expands to")).into(out);
        program("breakout", UTIL, "Arcade brick-breaker with paddle controls.").usage("Usage: breakout").doc("A game.").into(out);
        program("calc", UTIL, "Integer calculator supporting + - * /.")
                .usage("Usage: calc <expr>", "Examples: calc 2+3  |  calc 9/3")
                .doc("Only the first argument is used and it must hold exactly one operator between two unsigned decimal numbers, "
                        + "with no spaces: `calc 2+3*4` is an invalid expression. Prints the integer result.")
                .arg(required("expr", STRING, "A+B, A-B, A*B or A/B")).into(out);
        program("cat", UTIL, "Print a file to stdout.")
                .usage("Usage: read <path>", "Example: read /test.txt")
                .doc("Prints the file's raw bytes with no newline added; its messages say `read:`. A typed `cat` is aliased to `read`.")
                .note("The bytes are shown decoded as UTF-8.")
                .arg(required("path", PATH, "the file")).into(out);
        program("diskmgr", UTIL, "Manage logical drives from userland.").usage("Usage: diskmgr <help|status|list|use|init>").doc("Manages drives.")
                .arg(required("action", WORD, "help, status, list, use or init").choices("help", "status", "list", "use", "init"))
                .arg(optional("arguments", TEXT, "the action's arguments")).into(out);
        program("download", UTIL, "Download a file over HTTP/1.1 or HTTPS/TLS (GET only) with DNS support.")
                .usage("Usage: download <http://url|https://url> [out_path]").doc("Downloads a file.")
                .arg(required("url", STRING, "http:// or https:// URL")).arg(optional("out_path", PATH, "where to save it")).into(out);
        program("drivelabel", UTIL, "Set or list logical drive labels.")
                .usage("Usage: drivelabel list", "       drivelabel set <logical-drive> <label>", "       drivelabel clear <logical-drive>")
                .doc("Lists, sets or clears drive labels (used by `drive LABEL`).")
                .note("The layout of the 2nd and 3rd usage lines is inferred.")
                .arg(required("action", WORD, "list, set or clear").choices("list", "set", "clear"))
                .arg(optional("drive", NUMBER, "the logical drive")).arg(optional("label", STRING, "the label")).into(out);
        program("drives", UTIL, "List logical drives and partitions.")
                .usage("Usage: drives")
                .doc("Prints `Logical drives: N`, then `- I: disk|RAM[ label=L][ [current]][ [install]]` per drive and its partitions.")
                .note("Emulated drives have no partition table: each prints `    partitions: none`.").into(out);
        program("echo", UTIL, "Print arguments to stdout.")
                .usage("Usage: echo [-n] [text...]", "Example: echo hello world")
                .doc("The program joins its arguments with single spaces and adds a newline; `-n` first suppresses the newline. "
                        + "Inside a script, a line starting with `echo` is the engine's built-in instead, which prints the rest "
                        + "of the line verbatim.")
                .arg(optional("text", TEXT, "words to print")).into(out);
        program("edit", UTIL, "Graphical text editor.").usage("Usage: edit [filepath]").doc("A GUI editor (Ctrl+S save, Ctrl+Q quit); do not use it in scripts.")
                .arg(optional("filepath", PATH, "the file to edit")).into(out);
        program("extract", UTIL, "Extract a TAR or TAR.GZ archive into a directory.")
                .usage("Usage: extract <archive.tar|archive.tar.gz> [destination]").doc("Extracts an archive.")
                .arg(required("archive", PATH, "the .tar or .tar.gz")).arg(optional("destination", PATH, "where to extract")).into(out);
        program("eynfetch", UTIL, "Display system information with ASCII art logo.").usage("Usage: eynfetch").doc("Prints system information.").into(out);
        program("fdisk", UTIL, "Run the fdisk command.").example("fdisk").doc("A partitioning tool.").note(NO_SOURCE).into(out);
        program("files", UTIL, "Graphical file explorer.").usage("Usage: files [path]").doc("A GUI file explorer.")
                .arg(optional("path", PATH, "the directory to open")).into(out);
        program("fontpreview", UTIL, "Preview an OTF/TTF font in multiple sizes.")
                .usage("Usage: fontpreview <font.otf|font.ttf> [initial-size]").doc("A GUI font preview.")
                .arg(required("font", PATH, "the font file")).arg(optional("initial-size", COUNT, "the first size")).into(out);
        program("format", UTIL, "Run the format command.").example("format").doc("Formats a drive.").note(NO_SOURCE).into(out);
        program("gui_demo", UTIL, "Run the gui_demo command.").example("gui_demo").doc("A GUI demo.").note(NO_USAGE).into(out);
        program("hello", UTIL, "Run the hello command.").example("hello").doc("Prints a greeting.").note(NO_SOURCE).into(out);
        program("hello_c", UTIL, "Print Hello World.").example("hello").doc("Prints a greeting.").note(NO_USAGE).into(out);
        program("history", UTIL, "Show or clear command history.")
                .usage("Usage: history")
                .doc("Prints `N: ENTRY` per typed line, or `No command history.`; `history clear` empties it. Script lines never "
                        + "enter the history.")
                .arg(optional("clear", WORD, "empty the history").choices("clear")).into(out);
        program("install", UTIL, "Install, update, remove, and search packages.").usage("Usage: install <package>").example("install --update-all")
                .doc("The package manager (network).").arg(required("package", STRING, "a package name or option")).into(out);
        program("installer", UTIL, "EYN-OS graphical installer.").example("installer").doc("The graphical installer.").note(NO_USAGE).into(out);
        program("jobs", UTIL, "List background jobs.")
                .usage("Usage: jobs").doc("Prints `No background jobs.` or `[PID] Running|Done   COMMAND` per `&` line.")
                .note("The emulator's program does not see the shell's background lines yet: it always prints `No "
                        + "background jobs.`.").into(out);
        program("jsonparse", UTIL, "Parse and normalize JSON files.")
                .usage("Usage: jsonparse [--pretty|--minify|--check] <file>")
                .doc("Parses a JSON file (at most 512 KiB, nesting at most 128) and prints it pretty (2-space indent, the default), "
                        + "minified, or `jsonparse: valid JSON` with `--check`. Errors: `jsonparse: parse error at L:C: MSG`.")
                .arg(optional("mode", WORD, "--pretty, --minify or --check").choices("--pretty", "--minify", "--check"))
                .arg(required("file", PATH, "the JSON file")).into(out);
        program("ldso", UTIL, "Minimal ELF dynamic loader for EYN-OS.").usage("Usage: ldso <program> [args...]").doc("Runs a dynamic ELF.")
                .arg(required("program", PATH, "the ELF program")).arg(optional("args", STRING, "its arguments").repeated()).into(out);
        program("ldso_debug", UTIL, "Run the ldso_debug command.").example("ldso_debug").doc("A loader debugging tool.").note(NO_SOURCE).into(out);
        program("list", UTIL, "List directory entries with terminal icons.")
                .usage("Usage: list [path]", "Examples:", "  list", "  list /")
                .doc("Lists a directory sorted by byte order (at most 256 entries, names cut to 55 characters): `  NAME/` for a "
                        + "directory (blue), `  NAME` for a file. Errors are red: `list: failed to open: PATH`.")
                .note("The icon-key escapes before each line are not shown.")
                .note("Directories (120,120,255 on EYN-OS) are shown in the emulator's blue. EYNFS names hold at most 31 "
                        + "characters, so the 55-character cut never applies to emulated drives.")
                .arg(optional("path", PATH, "the directory (default: the cwd)")).into(out);
        program("metadata", UTIL, "Show metadata for a file or directory.")
                .usage("Usage: metadata <path>")
                .doc("Prints `Path:`, `Name:`, `Type:` and `Size:` lines (plus `Desc:` and `Usage:` for a program with embedded metadata).")
                .note("`Path:` shows the resolved absolute path; `Type:` is `Executable (ELF)` for a file starting with "
                        + "`\\x7fELF`. Emulated files carry no embedded metadata, so `Desc:` and `Usage:` are never printed.")
                .arg(required("path", PATH, "the file or directory")).into(out);
        program("notify", UTIL, "Show a graphical notification popup.")
                .usage("Usage: notify [--title <text>] [--message <text>] [--level info|warning|error] [--timeout ms]")
                .doc("A GUI notification.").arg(optional("options", TEXT, "--title, --message, --level, --timeout")).into(out);
        program("pipe", UTIL, "Run a command pipeline from userspace command launcher.")
                .usage("Usage: pipe <left_cmd> <right_cmd>")
                .doc("Only explains that pipelines are shell-native (`cmd1 | cmd2`).")
                .arg(optional("left_cmd", STRING, "the first command")).arg(optional("right_cmd", STRING, "the second command")).into(out);
        program("ptyspawn", UTIL, "Spawn a child process on a PTY slave and relay its output.")
                .usage("Usage: ptyspawn <path> [args...]").doc("Runs a program on a PTY.")
                .arg(required("path", PATH, "the program")).arg(optional("args", STRING, "its arguments").repeated()).into(out);
        program("random", UTIL, "Generate random numbers.")
                .usage("Usage: random [-s seed] [count] | random [-s seed] [min] [max] [count]")
                .doc("Prints random numbers separated by spaces on one line: one number, `count` numbers (at most 1000), or `count` "
                        + "numbers in [min, max]. `-s seed` first makes the sequence reproducible.")
                .note("EYN-OS seeds from rdtsc when `-s` is not given; the emulator draws that seed from the machine's generator, "
                        + "so a run is reproducible for a given machine seed.")
                .arg(optional("-s seed", STRING, "`-s` followed by the seed"))
                .arg(optional("numbers", COUNT, "count, or min max [count]").repeated()).into(out);
        program("search", UTIL, "Search for text in filenames and file contents.")
                .usage("Usage: search <pattern> [-f|-c|-a] [path]")
                .doc("Walks PATH (default: the cwd) recursively and prints `name: PATH` for names containing the pattern and "
                        + "`text: PATH` for files whose content contains it. `-f` names only, `-c` contents only, `-a` both; "
                        + "`--stdin` filters piped lines; `--no-colour` drops the highlighting.")
                .note("The program prints a 6-line usage; only its first line is known.")
                .note("Highlighted matches (255,120,120) are shown red and the text after them (200,200,200) grey. A PATH "
                        + "that does not exist prints nothing.")
                .arg(required("pattern", STRING, "the text to look for"))
                .arg(optional("mode", WORD, "-f, -c, -a, --stdin or --no-colour").choices("-f", "-c", "-a", "--stdin", "--no-colour"))
                .arg(optional("path", PATH, "where to search")).into(out);
        program("setinstalldrive", UTIL, "Set install binary lookup drive.").example("setinstalldrive 0").doc("Sets the drive `install` uses.")
                .note("The program's source (P-c8280bd) was not read: its usage line is unknown.")
                .arg(required("drive", NUMBER, "the logical drive")).into(out);
        program("settings", UTIL, "Open system settings (video + customization).").example("settings").doc("A GUI settings app.").note(NO_USAGE).into(out);
        program("sha256", UTIL, "Compute SHA-256 digests for files or strings.")
                .usage("Usage: sha256 <file> [file ...]", "       sha256 -s <text>")
                .doc("Prints `<64 hex>  FILE` per file, or `<64 hex>  \"TEXT\"` for `-s TEXT`.")
                .note("`-s` hashes only the next word (the tokeniser has no quoting, so a text is one word).")
                .note("The program prints a 6-line usage; only the first line is known, the second is inferred from the reference.")
                .arg(required("file", PATH, "a file, or -s followed by a text").repeated()).into(out);
        program("snake", UTIL, "Classic snake game with keyboard controls.").usage("Usage: snake").doc("A game.").into(out);
        program("sort", UTIL, "Sort strings alphabetically.")
                .usage("Usage: sort <string1> <string2> ...")
                .doc("Prints its arguments sorted by byte order, one per line.")
                .note("The program prints a 2-line usage; only the first line is known.")
                .arg(required("string", STRING, "a string to sort").repeated()).into(out);
        program("spam", UTIL, "Spam 'EYN-OS' to stdout 100 times.").usage("Usage: spam").doc("Prints EYN-OS 100 times.").into(out);
        program("ssh", UTIL, "SSH client with password auth and interactive shell relay.").example("ssh user@192.168.1.10")
                .doc("An interactive SSH client.").note(NO_USAGE).arg(required("target", STRING, "user@host")).into(out);
        program("tetris", UTIL, "Play classic falling-block puzzle game.").usage("Usage: tetris").doc("A game.").into(out);
        program("tiling", UTIL, "Launch the tiling manager.").usage("Usage: tiling").doc("Starts the GUI.").into(out);
        program("toybox", UTIL, "Run the toybox command.").example("toybox").doc("A multi-call binary (`toybox.uelf`).").note(NO_SOURCE).into(out);
        program("view_backend_bmp", UTIL, "Run the view_backend_bmp command.")
                .usage("Usage: view_backend_bmp <input.bmp> <output.frame>").doc("A viewer backend.")
                .arg(required("input", PATH, "the .bmp")).arg(required("output", PATH, "the .frame")).into(out);
        program("view_backend_builtin", UTIL, "Open an REI, BMP image, REIV video, REIS audio, or WAV audio viewer.")
                .usage("Usage: view <file>").doc("The built-in viewer backend.").arg(required("file", PATH, "the file to view")).into(out);
        program("view_backend_rei", UTIL, "Run the view_backend_rei command.")
                .usage("Usage: view_backend_rei <input.rei> <output.frame>").doc("A viewer backend.")
                .arg(required("input", PATH, "the .rei")).arg(required("output", PATH, "the .frame")).into(out);
        program("view_backend_reis", UTIL, "Play a REIS audio file in a dedicated backend.")
                .usage("Usage: view_backend_reis <input.reis>").doc("An audio backend.").arg(required("input", PATH, "the .reis")).into(out);
        program("view_backend_reiv", UTIL, "Play a REIV video file in a dedicated backend.")
                .usage("Usage: view_backend_reiv <input.reiv>").doc("A video backend.").arg(required("input", PATH, "the .reiv")).into(out);
        program("xeyes", UTIL, "X11 xeyes - eyes that follow the mouse pointer").example("xeyes").doc("A GUI toy.").note(NO_USAGE).into(out);
        program("xeyes_local", UTIL, "Run the xeyes_local command.").example("xeyes_local").doc("A GUI toy.").note(NO_SOURCE).into(out);
        program("zsnes_1_51", UTIL, "Run the zsnes_1_51 command.").example("zsnes_1_51").doc("A SNES emulator.").note(NO_SOURCE).into(out);
    }

    static Builder program(String name, Category category, String summary) {
        return new Builder(name, category, summary);
    }

    /** Builds one spec; {@code usage} lines are exactly what the program prints. */
    static final class Builder {
        private final String name;
        private final Category category;
        private final String summary;
        private String doc = "";
        private final List<String> usage = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private final List<ArgSpec> args = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String name, Category category, String summary) {
            this.name = name;
            this.category = category;
            this.summary = summary;
        }

        Builder usage(String... lines) { usage.addAll(List.of(lines)); return this; }
        Builder doc(String text) { doc = text; return this; }
        Builder example(String... lines) { examples.addAll(List.of(lines)); return this; }
        Builder arg(ArgSpec spec) { args.add(spec); return this; }
        /** Where the emulator differs from the OS for this program, or what is not known about it. */
        Builder note(String text) { notes.add(text); return this; }

        void into(List<CommandSpec> out) {
            String first = usage.isEmpty() ? signature() : usage.get(0).replaceFirst("^Usage:\\s*", "");
            out.add(new CommandSpec(name, category, summary, doc, first, List.copyOf(examples), List.copyOf(args),
                    List.copyOf(usage), List.copyOf(notes), false));
        }

        /** A usage built from the arguments, for programs that print none of their own. */
        private String signature() {
            StringBuilder s = new StringBuilder(name);
            for (ArgSpec a : args) s.append(a.required() ? " <" + a.name() + ">" : " [" + a.name() + "]");
            return s.toString();
        }
    }
}
