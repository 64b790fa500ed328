package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Color;
import eyn.machine.Fidelity;
import eyn.machine.Machine;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** drive, ls, cd, read, del, makedir, deldir, copy, move, size, fscheck, search, hexdump. */
final class FileCommands {
    static final int READ_LIMIT = 64 * 1024;
    static final int LS_LIMIT = 128;
    static final int LS_MAX_DEPTH = 10;

    private FileCommands() {}

    static void register(Map<String, Command> commands) {
        commands.put("drive", FileCommands::drive);
        commands.put("ls", FileCommands::ls);
        commands.put("cd", FileCommands::cd);
        commands.put("read", FileCommands::read);
        commands.put("del", FileCommands::del);
        commands.put("makedir", FileCommands::makedir);
        commands.put("deldir", FileCommands::deldir);
        commands.put("copy", call -> copy(call, false));
        commands.put("move", call -> copy(call, true));
        commands.put("size", FileCommands::size);
        commands.put("fscheck", FileCommands::fscheck);
        commands.put("search", FileCommands::search);
        commands.put("hexdump", FileCommands::hexdump);
    }

    private static void drive(Invocation call) {
        String word = call.args.text(0);
        int digits = 0;
        while (digits < word.length() && Character.isDigit(word.charAt(digits))) digits++;
        if (digits == 0) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        long n = 0;
        for (int k = 0; k < digits; k++) n = (n * 10 + (word.charAt(k) - '0')) & 0xFFFFFFFFL;
        if (faithful(call)) {
            // EYN-OS keeps the number modulo 256, checks nothing and keeps the cwd
            call.machine.selectDrive((int) (n & 0xFF));
            call.out().ok("Switched to drive " + (n & 0xFF));
            return;
        }
        if (n > 255 || !call.machine.switchDrive((int) n)) {
            call.error("Error: Drive " + n + " not found (drives: " + String.join(", ",
                    call.machine.drives().keySet().stream().map(String::valueOf).toList()) + ")");
            return;
        }
        call.out().ok("Switched to drive " + n);
    }

    private static void ls(Invocation call) {
        Machine m = call.machine;
        String arg = call.args.text(0);
        int depth = 0;
        String dir = m.cwd();
        if (m.drive() == null) {
            call.error("No supported filesystem found on drive " + m.currentDriveNumber() + ".");
            return;
        }
        if (arg != null && arg.chars().allMatch(Character::isDigit)) {
            depth = (int) Math.min(LS_MAX_DEPTH, arg.length() > 3 ? LS_MAX_DEPTH : Integer.parseInt(arg));
        } else if (arg != null && faithful(call)) {
            // EYN-OS reads the word as a depth (atoi) and lists the current directory
            int k = 0;
            while (k < arg.length() && Character.isDigit(arg.charAt(k))) k++;
            depth = k == 0 ? 0 : (int) Math.min(LS_MAX_DEPTH, k > 3 ? LS_MAX_DEPTH : Integer.parseInt(arg.substring(0, k)));
        } else if (arg != null) {
            dir = Builtins.resolve(call, arg);
            if (dir == null) return;
        }
        Drive drive = m.drive();
        Drive.Entry entry = drive.stat(dir);
        if (entry == null || !entry.directory()) {
            call.error("Directory not found: " + dir);
            return;
        }
        list(call, drive, dir, depth, false);
    }

    private static void list(Invocation call, Drive drive, String dir, int depth, boolean nested) {
        List<Drive.Entry> entries;
        try {
            entries = drive.list(dir);
        } catch (DriveException e) {
            call.error("Directory not found: " + dir);
            return;
        }
        String prefix = nested ? " || " : "";
        int shown = 0;
        for (Drive.Entry e : entries) {
            if (shown++ >= LS_LIMIT) break;
            if (e.directory()) {
                call.out().line(Color.BLUE, prefix + e.name() + "/");
                if (depth > 0) list(call, drive, FsPath.child(dir, e.name()), depth - 1, true);
            } else {
                call.out().plain(prefix + e.name());
            }
        }
    }

    private static void cd(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive.Entry entry = call.machine.drive().stat(abs);
        if (entry == null || !entry.directory()) {
            call.error("Directory not found: " + abs);
            return;
        }
        call.machine.setCwd(abs);
    }

    private static void read(Invocation call) {
        String typed = call.args.text(0);
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        // as on EYN-OS, the line that says how the file is shown comes first, chosen by the typed name
        boolean markdown = lower.endsWith(".md");
        if (markdown) {
            call.out().plain("Detected markdown file, rendering with formatting...");
        } else if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".rei")) {
            call.out().plain("Detected image file, displaying image...");
        } else {
            call.out().plain("Displaying as raw text...");
        }
        String abs = Builtins.resolve(call, typed);
        if (abs == null) return;
        Drive drive = call.machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null) {
            call.error("Error: File not found.");
            return;
        }
        if (entry.directory()) {
            call.error("Error: Path is not a file.");
            return;
        }
        ChunkedBytes content = readOrFail(call, drive, abs, "Error: Failed to read file.");
        if (content == null) return;
        if (content.length() == 0 && faithful(call)) {
            call.error("Error: Failed to read file.");
            return;
        }
        if (!markdown && lower.endsWith(".rei")) {
            reiImage(call, content);
            return;
        }
        if (!markdown && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) return;
        int shown = Math.min(content.length(), READ_LIMIT);
        byte[] bytes = content.read(0, shown);
        if (!heapBuffer(call, bytes, "Error: Failed to read file.")) return;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (markdown) {
            call.out().plain("Rendering markdown file: " + typed + " (" + content.length() + " bytes)");
            StringBuilder rendered = new StringBuilder();
            for (String line : text.split("\n", -1)) rendered.append(markdownLine(line)).append('\n');
            call.out().plain(rendered.toString());
        } else {
            call.out().plain(text);
        }
        if (shown < content.length()) {
            call.out().plain("[File truncated - showing first " + shown + " bytes of " + content.length() + " total]");
        }
    }

    /**
     * What EYN-OS prints around drawing a REI image (the header: magic, then width, height and depth as
     * little-endian 16-bit numbers); the picture itself is not drawn, and nothing waits for Enter.
     */
    private static void reiImage(Invocation call, ChunkedBytes content) {
        byte[] h = content.read(0, Math.min(12, content.length()));
        if (h.length < 12 || h[1] != 'I' || h[2] != 'E' || h[3] != 'R') {
            call.error("Error: Invalid REI image.");
            return;
        }
        int width = (h[4] & 0xFF) | (h[5] & 0xFF) << 8;
        int height = (h[6] & 0xFF) | (h[7] & 0xFF) << 8;
        int depth = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
        call.out().plain("Displaying REI image: " + width + "x" + height + " pixels");
        call.out().plain("=== REI Image Display ===");
        call.out().plain("Size: " + width + "x" + height + " pixels");
        call.out().plain("Depth: " + depth + " bytes per pixel");
        call.out().plain("Data size: " + (long) width * height * depth + " bytes");
        call.out().plain("Rendering at position (" + (640 - width) / 2 + ", " + (480 - height) / 2 + ")...");
        call.out().ok("Image rendered successfully!");
        call.out().plain("Press Enter to return to shell...");
    }

    /** EYN-OS's markdown rendering of one line: code fences become empty lines, heading marks, '*' and '`' go. */
    static String markdownLine(String line) {
        if (line.startsWith("```")) return "";
        String l = line;
        if (l.startsWith("#")) {
            int k = 0;
            while (k < l.length() && l.charAt(k) == '#') k++;
            l = l.substring(k).stripLeading();
        }
        return l.replace("*", "").replace("`", "");
    }

    private static void del(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive drive = call.machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null || entry.directory()) {
            call.error("File not found: " + abs);
            return;
        }
        try {
            drive.deleteFile(abs);
            call.out().ok("File '" + abs + "' deleted successfully.");
        } catch (DriveException e) {
            call.error("Failed to delete file '" + abs + "'.");
        }
    }

    private static void makedir(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive drive = call.machine.drive();
        String parent = FsPath.parent(abs);
        Drive.Entry p = drive.stat(parent);
        if (p == null || !p.directory()) {
            call.error("Parent directory not found: " + parent);
            return;
        }
        String created = faithful(call) ? truncatedName(abs) : abs;
        if (!created.equals(abs) && drive.stat(created) != null && drive.stat(created).directory()) {
            // EYN-OS adds a second entry under the same cut name; the emulator's drive holds one
            call.out().ok("Directory '" + abs + "' created successfully.");
            return;
        }
        if (!validName(call, created)) return;
        try {
            drive.makeDirectory(created);
            call.out().ok("Directory '" + abs + "' created successfully.");
        } catch (DriveException e) {
            call.error("Failed to create directory '" + abs + "'.");
        }
    }

    private static void deldir(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive drive = call.machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null || !entry.directory() || abs.equals("/")) {
            call.error("Directory not found: " + abs);
            return;
        }
        try {
            drive.deleteDirectory(abs);
            call.out().ok("Directory '" + abs + "' deleted successfully.");
        } catch (DriveException e) {
            call.error(e.kind() == DriveException.Kind.NOT_EMPTY ? "Directory not empty: " + abs : "Failed to delete directory '" + abs + "'.");
        }
    }

    private static void copy(Invocation call, boolean move) {
        String src = Builtins.resolve(call, call.args.text(0));
        String dst = src == null ? null : Builtins.resolve(call, call.args.text(1));
        if (dst == null) return;
        Drive drive = call.machine.drive();
        Drive.Entry from = drive.stat(src);
        if (from == null) {
            call.error("Error: Source file not found: " + src);
            return;
        }
        if (from.directory()) {
            call.error("Error: Source is not a file: " + src);
            return;
        }
        Drive.Entry to = drive.stat(dst);
        if (to != null && faithful(call) && !dst.equals(src)) {
            // EYN-OS creates the destination first: an existing file or directory makes that fail (F5)
            call.error("Error: Failed to create destination file.");
            return;
        }
        if (to != null && to.directory()) {
            dst = FsPath.child(dst, FsPath.name(src));
            to = drive.stat(dst);
        }
        if (dst.equals(src)) {
            call.error("Error: Source and destination are the same.");
            return;
        }
        String parent = FsPath.parent(dst);
        Drive.Entry dir = drive.stat(parent);
        if (dir == null) {
            call.error("Error: Destination directory not found: " + parent);
            return;
        }
        if (!dir.directory()) {
            call.error("Error: Destination is not a directory: " + parent);
            return;
        }
        if (to != null) {
            call.error(to.directory() ? "Error: Destination is a directory: " + dst : "Error: Destination file already exists: " + dst);
            return;
        }
        String cut = faithful(call) ? truncatedName(dst) : dst;
        if (!validName(call, cut)) return;
        ChunkedBytes content = readOrFail(call, drive, src, "Error: Failed to read source file.");
        if (content != null && !cut.equals(dst)) {
            // EYN-OS creates the file under the cut name, then cannot find it under the full one (F2)
            try {
                if (drive.stat(cut) == null) drive.write(cut, content);
            } catch (DriveException e) {
                // reported as the same failure
            }
            call.error("Error: Failed to locate created file.");
            return;
        }
        if (content == null || !heapBuffer(call, content, "Error: Failed to read source file.")) return;
        try {
            drive.write(dst, content);
        } catch (DriveException e) {
            call.error("Error: Failed to write destination file.");
            return;
        }
        if (!move) {
            call.out().ok("File copied: " + src + " -> " + dst + " (" + content.length() + " bytes)");
            return;
        }
        try {
            drive.deleteFile(src);
            call.out().ok("File moved: " + src + " -> " + dst + " (" + content.length() + " bytes)");
        } catch (DriveException e) {
            call.out().warn("Warning: File copied but failed to delete source: " + src);
        }
    }

    private static void size(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive.Entry entry = call.machine.drive().stat(abs);
        if (entry == null) call.error("File not found: " + abs);
        else if (entry.directory()) call.error("Not a file: " + abs);
        else call.out().plain(abs + ": " + entry.size() + " bytes");
    }

    /** The OS's three lines around what the drive's own check found (nothing for folders; findings for images). */
    private static void fscheck(Invocation call) {
        call.out().plain("Checking filesystem integrity on drive " + call.machine.currentDriveNumber() + "...");
        if (call.machine.drive() == null) {
            // only in faithful mode, after `drive N` selected a drive that does not exist
            call.error("Error: No supported filesystem found.");
            return;
        }
        List<Drive.Problem> problems;
        try {
            problems = call.machine.drive().check();
        } catch (DriveException e) {
            problems = List.of(new Drive.Problem(true, "error: " + e.getMessage()));
        }
        for (Drive.Problem p : problems) {
            if (p.corrupt()) call.out().line(Color.RED, p.message());
            else call.out().warn(p.message());
        }
        if (problems.stream().noneMatch(Drive.Problem::corrupt)) {
            call.out().ok("Filesystem integrity check passed.");
            call.out().ok("Filesystem is healthy.");
        } else {
            call.error("Filesystem corruption detected!");
            call.out().warn("Recommendation: restore the drive from a backup.");
        }
    }

    private static void search(Invocation call) {
        if (!call.args.has(0)) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        String pattern = call.args.text(0);
        if (pattern.length() > 63) pattern = pattern.substring(0, 63);
        // as on EYN-OS: names and contents unless the option starts with -f or -c; other options are ignored
        String option = call.args.has(1) ? call.args.text(1) : "";
        boolean names = !option.startsWith("-c");
        boolean contents = !option.startsWith("-f");
        call.out().plain("Searching for '" + pattern + "' in entire filesystem...");
        if (call.machine.drive() == null) {
            call.error("Error: No supported filesystem found.");
            return;
        }
        int found = searchIn(call, call.machine.drive(), "/", pattern, names, contents, 0);
        if (found == 0) call.error("No matches found for '" + pattern + "'.");
        else call.out().ok("Found " + found + " match(es) for '" + pattern + "'.");
    }

    private static int searchIn(Invocation call, Drive drive, String dir, String pattern, boolean names, boolean contents, int depth) {
        if (depth > 32) return 0;
        int found = 0;
        List<Drive.Entry> entries;
        try {
            entries = drive.list(dir);
        } catch (DriveException e) {
            return 0;
        }
        for (Drive.Entry e : entries) {
            String path = FsPath.child(dir, e.name());
            if (names && e.name().contains(pattern)) {
                if (e.directory()) call.out().ok("[DIRNAME] " + path + "/");
                else call.out().ok("[FILENAME] " + path);
                found++;
            } else if (contents && !e.directory()) {
                try {
                    if (contains(call, call.machine.readWhole(drive, path), pattern)) {
                        call.out().warn("[CONTENT] " + path);
                        found++;
                    }
                } catch (DriveException ignored) {
                    // unreadable files simply do not match
                }
            }
            if (e.directory()) found += searchIn(call, drive, path, pattern, names, contents, depth + 1);
        }
        return found;
    }

    /**
     * Whether a file's bytes contain the pattern. EYN-OS reads 512-byte pieces and searches each as a C string
     * (so a match across two pieces or after a NUL byte is missed); faithful mode does the same.
     */
    private static boolean contains(Invocation call, byte[] bytes, String pattern) {
        if (!faithful(call)) return new String(bytes, StandardCharsets.ISO_8859_1).contains(pattern);
        for (int off = 0; off < bytes.length; off += 512) {
            String piece = new String(bytes, off, Math.min(512, bytes.length - off), StandardCharsets.ISO_8859_1);
            int nul = piece.indexOf('\0');
            if ((nul < 0 ? piece : piece.substring(0, nul)).contains(pattern)) return true;
        }
        return false;
    }

    /**
     * EYN-OS's hexdump: the whole file, 16 bytes a line. Faithful mode looks where EYN-OS looks (the name as
     * typed, in the root directory of drive 0) and prints its offsets as EYN-OS's printf does (`%04d` comes out
     * as `4d`); fixed mode resolves the path like every other command and prints decimal offsets.
     */
    private static void hexdump(Invocation call) {
        if (!call.args.has(0)) {
            for (String u : call.spec.usageLines()) call.out().plain(u);
            return;
        }
        String typed = call.args.text(0);
        if (typed.length() > 63) typed = typed.substring(0, 63);
        boolean faithful = faithful(call);
        Drive drive = faithful ? call.machine.drive(0) : call.machine.drive();
        String abs = faithful ? "/" + typed : Builtins.resolve(call, typed);
        if (abs == null) return;
        Drive.Entry entry = drive == null || (faithful && typed.contains("/")) ? null : drive.stat(abs);
        if (entry == null) {
            call.error("[hexdump] File not found: " + typed);
            return;
        }
        if (entry.directory() && !faithful) {
            call.error("[hexdump] Not a file: " + abs);
            return;
        }
        ChunkedBytes content = entry.directory() ? ChunkedBytes.empty() : readOrFail(call, drive, abs, "[hexdump] Failed to read file");
        if (content == null) return;
        int n = Math.min(content.length(), READ_LIMIT);
        if (n == 0 && faithful) {
            call.error("[MEMORY] Invalid allocation request: 0 bytes");
            call.error("[hexdump] Out of memory");
            return;
        }
        byte[] bytes = content.read(0, n);
        if (!heapBuffer(call, bytes, "[hexdump] Out of memory")) return;
        call.out().plain("[hexdump] " + typed + " (" + n + " bytes):");
        for (int off = 0; off < n; off += 16) {
            StringBuilder line = new StringBuilder(faithful ? "4d: " : String.format("%04d: ", off));
            for (int i = off; i < Math.min(n, off + 16); i++) line.append(String.format("%02X ", bytes[i] & 0xFF));
            call.out().plain(line.toString().stripTrailing());
        }
    }

    static boolean faithful(Invocation call) {
        return call.machine.config().fidelity() == Fidelity.FAITHFUL;
    }

    /** EYN-OS cuts a new entry's name to 31 characters (F2, faithful mode). */
    private static String truncatedName(String abs) {
        String name = FsPath.name(abs);
        return name.length() <= FsPath.MAX_NAME ? abs : FsPath.child(FsPath.parent(abs), name.substring(0, FsPath.MAX_NAME));
    }

    private static boolean validName(Invocation call, String abs) {
        String why = FsPath.invalidName(FsPath.name(abs));
        if (why == null) return true;
        call.error("Error: Invalid name '" + FsPath.name(abs) + "': " + why);
        return false;
    }

    private static ChunkedBytes readOrFail(Invocation call, Drive drive, String abs, String failure) {
        try {
            return drive.read(abs);
        } catch (DriveException e) {
            call.error(failure);
            return null;
        }
    }

    /** {@link #heapBuffer(Invocation, byte[], String)} of a whole file, allocated before the bytes are copied out of it. */
    private static boolean heapBuffer(Invocation call, ChunkedBytes content, String failure) {
        if (content.length() == 0) return true;
        int buffer = call.machine.allocate(content.length());
        if (buffer == 0) {
            call.error(failure);
            return false;
        }
        call.machine.fillBuffer(buffer, content.toByteArray(), content.length());
        call.machine.free(buffer);
        return true;
    }

    /** EYN-OS reads whole files into one heap buffer; doing the same feeds the predictor and the memory view. */
    private static boolean heapBuffer(Invocation call, byte[] bytes, String failure) {
        if (bytes.length == 0) return true;
        int buffer = call.machine.allocate(bytes.length);
        if (buffer == 0) {
            call.error(failure);
            return false;
        }
        call.machine.fillBuffer(buffer, bytes, bytes.length);
        call.machine.free(buffer);
        return true;
    }
}
