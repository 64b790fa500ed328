package eyn.commands.builtin;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Color;
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
        long n = call.args.number(0);
        if (n < 0 || n > 255 || !call.machine.switchDrive((int) n)) {
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
        if (arg != null && arg.chars().allMatch(Character::isDigit)) {
            depth = (int) Math.min(LS_MAX_DEPTH, arg.length() > 3 ? LS_MAX_DEPTH : Integer.parseInt(arg));
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
        String abs = Builtins.resolve(call, call.args.text(0));
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
        String lower = abs.toLowerCase();
        if (lower.endsWith(".md")) {
            call.out().plain("Detected markdown file, rendering with formatting...");
        } else if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".rei")) {
            call.out().plain("Detected image file, displaying image...");
            return;
        } else {
            call.out().plain("Displaying as raw text...");
        }
        int shown = Math.min(content.length(), READ_LIMIT);
        byte[] bytes = content.read(0, shown);
        if (!heapBuffer(call, bytes, "Error: Failed to read file.")) return;
        call.out().plain(new String(bytes, StandardCharsets.UTF_8));
        if (shown < content.length()) {
            call.out().plain("[File truncated - showing first " + shown + " bytes of " + content.length() + " total]");
        }
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
        if (!validName(call, abs)) return;
        try {
            drive.makeDirectory(abs);
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
        if (!validName(call, dst)) return;
        ChunkedBytes content = readOrFail(call, drive, src, "Error: Failed to read source file.");
        if (content == null || !heapBuffer(call, content.toByteArray(), "Error: Failed to read source file.")) return;
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
        String pattern = call.args.text(0);
        String where = call.args.has(1) ? call.args.text(1) : "-f";
        call.out().plain("Searching for '" + pattern + "'...");
        int found = searchIn(call, call.machine.drive(), "/", pattern, !where.equals("-c"), !where.equals("-f"), 0);
        if (found == 0) call.out().plain("No matches found.");
        else call.out().plain("Found " + found + (found == 1 ? " match." : " matches."));
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
                call.out().plain(path + (e.directory() ? "/" : ""));
                found++;
            } else if (contents && !e.directory()) {
                try {
                    String text = new String(drive.read(path).toByteArray(), StandardCharsets.ISO_8859_1);
                    if (text.contains(pattern)) {
                        call.out().plain(path + " (content)");
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

    private static void hexdump(Invocation call) {
        String abs = Builtins.resolve(call, call.args.text(0));
        if (abs == null) return;
        Drive drive = call.machine.drive();
        Drive.Entry entry = drive.stat(abs);
        if (entry == null) {
            call.error("Error: File not found: " + abs);
            return;
        }
        if (entry.directory()) {
            call.error("Error: Not a file: " + abs);
            return;
        }
        ChunkedBytes content = readOrFail(call, drive, abs, "Error: Failed to read file.");
        if (content == null) return;
        long want = call.args.has(1) ? call.args.number(1) : 64;
        int n = (int) Math.min(want, Math.min(content.length(), READ_LIMIT));
        byte[] bytes = content.read(0, n);
        if (!heapBuffer(call, bytes, "Error: Failed to read file.")) return;
        for (int off = 0; off < n; off += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = off; i < off + 16; i++) {
                if (i < n) {
                    int b = bytes[i] & 0xFF;
                    hex.append(String.format("%02X ", b));
                    ascii.append(b >= 32 && b < 127 ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
            }
            call.out().plain(String.format("%08X  %s |%s|", off, hex, ascii));
        }
        call.out().plain(n + " of " + content.length() + " bytes shown");
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
