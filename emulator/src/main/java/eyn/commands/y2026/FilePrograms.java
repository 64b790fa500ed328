package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Color;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.FsPath;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file programs (reference 3.3 "Files and directories"): list, ls, read/cat, create, delete,
 * del, deldir, makedir, copy, move, size, head, tail, hexdump, pwd, cd, metadata. Paths resolve
 * against the machine's one cwd on the current drive; a typed path longer than 127 characters
 * cannot be opened (EYN-OS path buffers hold 128 bytes).
 */
final class FilePrograms {
    private FilePrograms() {}

    static final int MAX_PATH = 127;
    static final int LIST_MAX_ENTRIES = 256;
    static final int LIST_NAME_CHARS = 55;

    static void register(Map<String, Command> m) {
        m.put("list", call -> list(call, "list", true));
        m.put("ls", call -> list(call, "ls", false));
        m.put("cat", FilePrograms::read);
        m.put("read", FilePrograms::read);
        m.put("create", FilePrograms::create);
        m.put("delete", FilePrograms::delete);
        m.put("del", call -> removeOne(call, "del", false));
        m.put("deldir", call -> removeOne(call, "deldir", true));
        m.put("makedir", FilePrograms::makedir);
        m.put("copy", call -> copy(call, false));
        m.put("move", call -> copy(call, true));
        m.put("size", FilePrograms::size);
        m.put("head", call -> headTail(call, true));
        m.put("tail", call -> headTail(call, false));
        m.put("hexdump", FilePrograms::hexdump);
        m.put("pwd", FilePrograms::pwd);
        m.put("cd", FilePrograms::cd);
        m.put("metadata", FilePrograms::metadata);
    }

    /** The absolute path for a typed one, or null when EYN-OS could not take it (too long). */
    static String abs(Invocation call, String typed) {
        if (typed.length() > MAX_PATH) return null;
        return call.machine.resolve(typed);
    }

    /** What is at a typed path on the current drive, or null. */
    static Drive.Entry stat(Invocation call, String typed) {
        String a = abs(call, typed);
        return a == null ? null : call.machine.drive().stat(a);
    }

    /** The first word, or null after printing the usage (a missing or empty required argument). */
    private static String required(Invocation call) {
        String a = call.arg(0);
        if (a == null || a.isEmpty()) {
            call.usage();
            return null;
        }
        return a;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---- list / ls

    private static void list(Invocation call, String prog, boolean sorted) {
        if (Programs2026.help(call)) return;
        String typed = call.arg(0);
        if (typed != null && typed.isEmpty()) {
            call.usage();
            return;
        }
        String shown = typed == null ? (sorted ? call.machine.cwd() : ".") : typed;
        String dir = typed == null ? call.machine.cwd() : abs(call, typed);
        Drive drive = call.machine.drive();
        Drive.Entry e = dir == null ? null : drive.stat(dir);
        if ((e == null || !e.directory()) && sorted && ".".equals(typed)) {
            dir = "/";
            e = drive.stat(dir);
        }
        List<Drive.Entry> entries;
        try {
            if (e == null || !e.directory()) throw new DriveException(DriveException.Kind.NOT_FOUND, shown, "not a directory");
            entries = new ArrayList<>(drive.list(dir));
        } catch (DriveException ex) {
            call.error(prog + ": failed to open: " + shown);
            return;
        }
        List<String[]> lines = new ArrayList<>();
        for (Drive.Entry entry : entries) {
            if (sorted && lines.size() >= LIST_MAX_ENTRIES) break;
            String name = sorted && entry.name().length() > LIST_NAME_CHARS ? entry.name().substring(0, LIST_NAME_CHARS) : entry.name();
            lines.add(new String[] {name, entry.directory() ? "/" : ""});
        }
        if (sorted) lines.sort((a, b) -> compareBytes(a[0], b[0]));
        for (String[] l : lines) {
            if (l[1].isEmpty()) call.out().plain("  " + l[0]);
            else call.out().line(Color.BLUE, "  " + l[0] + "/");
        }
    }

    /** strcmp order: unsigned bytes of the UTF-8 text. */
    static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    // ---- read / cat

    private static void read(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        Drive.Entry e = stat(call, typed);
        if (e == null) {
            call.failWith("read: failed to open: " + typed);
            return;
        }
        if (e.directory()) {
            call.failWith("read: read error");
            return;
        }
        try {
            byte[] bytes = call.machine.readWhole(call.machine.drive(), abs(call, typed));
            if (bytes.length > 0) call.out().print(Color.WHITE, text(bytes));
        } catch (DriveException ex) {
            call.failWith("read: read error");
        }
    }

    // ---- create / delete / del / deldir / makedir

    private static void create(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        String a = abs(call, typed);
        if (typed.endsWith("/")) {
            if (!makeDirectory(call, a)) call.failWith("create: failed to create directory: " + typed);
            return;
        }
        try {
            if (a == null) throw new DriveException(DriveException.Kind.BAD_NAME, typed, "too long");
            call.machine.drive().write(a, ChunkedBytes.empty());
        } catch (DriveException ex) {
            call.failWith("create: failed to create file: " + typed);
        }
    }

    private static boolean makeDirectory(Invocation call, String a) {
        if (a == null) return false;
        try {
            call.machine.drive().makeDirectory(a);
            return true;
        } catch (DriveException ex) {
            return false;
        }
    }

    private static boolean remove(Invocation call, String a, boolean directory) {
        if (a == null) return false;
        try {
            if (directory) call.machine.drive().deleteDirectory(a);
            else call.machine.drive().deleteFile(a);
            return true;
        } catch (DriveException ex) {
            return false;
        }
    }

    private static void delete(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        boolean directory = typed.endsWith("/");
        if (!remove(call, abs(call, typed), directory)) {
            call.failWith("delete: failed to delete " + (directory ? "directory: " : "file: ") + typed);
        }
    }

    private static void removeOne(Invocation call, String prog, boolean directory) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        if (!remove(call, abs(call, typed), directory)) {
            call.failWith(prog + ": failed to delete " + (directory ? "directory: " : "file: ") + typed);
        }
    }

    private static void makedir(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        if (!makeDirectory(call, abs(call, typed))) call.failWith("makedir: failed to create directory: " + typed);
    }

    // ---- copy / move

    private static void copy(Invocation call, boolean move) {
        String prog = move ? "move" : "copy";
        String src = call.arg(0);
        String dst = call.arg(1);
        if (src == null || dst == null || src.isEmpty() || dst.isEmpty()) {
            // `-h` alone lands here too, and fails like any missing argument (reference 3.3)
            call.usage();
            return;
        }
        Drive drive = call.machine.drive();
        String srcAbs = abs(call, src);
        Drive.Entry s = srcAbs == null ? null : drive.stat(srcAbs);
        if (s == null) {
            call.failWith(prog + ": source file not found: " + src);
            return;
        }
        if (s.directory()) {
            call.failWith(prog + ": source is a directory: " + src);
            return;
        }
        String target = dst;
        Drive.Entry d = stat(call, dst);
        if (d != null && d.directory()) {
            String base = src.substring(src.lastIndexOf('/') + 1);
            if (base.isEmpty()) {
                call.failWith(prog + ": invalid source filename");
                return;
            }
            target = dst.endsWith("/") ? dst + base : dst + "/" + base;
            if (target.length() >= MAX_PATH + 1) {
                call.failWith(prog + ": destination path too long");
                return;
            }
        }
        String targetAbs = abs(call, target);
        ChunkedBytes content;
        try {
            content = drive.read(srcAbs);
        } catch (DriveException ex) {
            call.failWith(prog + ": failed to read source file");
            return;
        }
        try {
            if (targetAbs == null) throw new DriveException(DriveException.Kind.BAD_NAME, target, "too long");
            drive.write(targetAbs, content.share());
        } catch (DriveException ex) {
            call.failWith(prog + ": " + (content.length() == 0 ? "failed to create destination file" : "failed to write destination file"));
            return;
        }
        if (move && !targetAbs.equals(srcAbs)) {
            try {
                drive.deleteFile(srcAbs);
            } catch (DriveException ex) {
                call.failWith("move: warning: file copied but failed to delete source: " + src);
                return;
            }
        }
        call.out().plain("File " + (move ? "moved" : "copied") + ": " + src + " -> " + target + " (" + content.length() + " bytes)");
    }

    // ---- size / head / tail / hexdump

    private static void size(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        Drive.Entry e = stat(call, typed);
        if (e == null) call.failWith("size: file not found: " + typed);
        else if (e.directory()) call.failWith("size: not a file: " + typed);
        else call.out().plain(typed + ": " + e.size() + " bytes");
    }

    private static void headTail(Invocation call, boolean head) {
        String prog = head ? "head" : "tail";
        if (Programs2026.help(call)) return;
        long n = 10;
        String file;
        if (call.argv.size() >= 3 && call.arg(0).equals("-n")) {
            Long v = Programs2026.unsigned(call.arg(1));
            if (v == null || v == 0) {
                call.failWith(prog + ": invalid line count");
                return;
            }
            n = v;
            file = call.arg(2);
        } else {
            file = required(call);
            if (file == null) return;
        }
        Drive.Entry e = stat(call, file);
        if (e == null) {
            call.failWith(prog + ": failed to open: " + file);
            return;
        }
        byte[] b;
        try {
            if (e.directory()) throw new DriveException(DriveException.Kind.NOT_A_FILE, file, "directory");
            b = call.machine.readWhole(call.machine.drive(), abs(call, file));
        } catch (DriveException ex) {
            call.failWith(prog + ": read error");
            return;
        }
        int from = 0;
        int to = b.length;
        if (head) {
            long seen = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' && ++seen == n) {
                    to = i + 1;
                    break;
                }
            }
        } else {
            boolean quirk = call.machine.config().fidelity() == eyn.machine.Fidelity.FAITHFUL;
            long need = quirk || (b.length > 0 && b[b.length - 1] == '\n') ? n + 1 : n;
            long seen = 0;
            for (int i = b.length - 1; i >= 0; i--) {
                if (b[i] == '\n' && ++seen == need) {
                    from = i + 1;
                    break;
                }
            }
        }
        if (to > from) call.out().print(Color.WHITE, text(java.util.Arrays.copyOfRange(b, from, to)));
    }

    private static void hexdump(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        Drive.Entry e = stat(call, typed);
        byte[] b;
        try {
            if (e == null || e.directory()) throw new DriveException(DriveException.Kind.NOT_FOUND, typed, "cannot open");
            b = call.machine.readWhole(call.machine.drive(), abs(call, typed));
        } catch (DriveException ex) {
            call.failWith("hexdump: cannot open " + typed);
            return;
        }
        Long max = call.arg(1) == null ? null : Programs2026.unsigned(call.arg(1));
        int len = max == null || max == 0 || max >= b.length ? b.length : (int) (long) max;
        for (int off = 0; off < len; off += 16) call.out().plain(hexRow(b, off, Math.min(16, len - off)));
    }

    /** One hexdump row: offset, 16 cells (an extra space after the 8th), then |ASCII| of the bytes read. */
    static String hexRow(byte[] b, int off, int n) {
        StringBuilder row = new StringBuilder(String.format("%08x  ", off));
        StringBuilder ascii = new StringBuilder();
        for (int j = 0; j < 16; j++) {
            if (j < n) {
                int v = b[off + j] & 0xFF;
                row.append(String.format("%02x ", v));
                ascii.append(v >= 32 && v <= 126 ? (char) v : '.');
            } else {
                row.append("   ");
            }
            if (j == 7) row.append(' ');
        }
        return row.append(" |").append(ascii).append('|').toString();
    }

    // ---- pwd / cd

    private static void pwd(Invocation call) {
        if (Programs2026.help(call)) return;
        call.out().plain(call.machine.cwd());
    }

    private static void cd(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        Drive drive = call.machine.drive();
        String path = typed;
        boolean prefixed = false;
        java.util.regex.Matcher prefix = java.util.regex.Pattern.compile("^([0-9]+|RAM):(/.*)$").matcher(typed);
        if (prefix.matches()) {
            // an explicit drive is checked there, but only the path is kept and the drive stays (reference 3.3)
            drive = prefix.group(1).equals("RAM") ? null : driveNumbered(call, prefix.group(1));
            path = prefix.group(2);
            prefixed = true;
        }
        String a = abs(call, path);
        Drive.Entry e = drive == null || a == null ? null : drive.stat(a);
        if ((prefixed || !"/".equals(path)) && (e == null || !e.directory())) {
            call.failWith("cd: directory not found: " + typed);
            return;
        }
        call.machine.setCwd(a == null ? "/" : a);
    }

    private static Drive driveNumbered(Invocation call, String digits) {
        Long n = Programs2026.unsigned(digits);
        return n == null || n > Integer.MAX_VALUE ? null : call.machine.drive((int) (long) n);
    }

    // ---- metadata

    private static void metadata(Invocation call) {
        if (Programs2026.help(call)) return;
        String typed = required(call);
        if (typed == null) return;
        String a = abs(call, typed);
        Drive.Entry e = a == null ? null : call.machine.drive().stat(a);
        if (e == null) {
            call.failWith("metadata: not found: " + typed);
            return;
        }
        call.out().plain("Path:   " + a);
        call.out().plain("Name:   " + (a.equals("/") ? "/" : FsPath.name(a)));
        String type = "Directory";
        if (!e.directory()) {
            type = "File";
            try {
                byte[] head = call.machine.drive().read(a).read(0, Math.min(4, e.size()));
                if (head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') type = "Executable (ELF)";
            } catch (DriveException ex) {
                // the type stays File
            }
        }
        call.out().plain("Type:   " + type);
        if (e.directory()) {
            call.out().plain("Size:   (unavailable)");
        } else {
            long blocks = (e.size() + 511L) / 512;
            call.out().plain("Size:   " + e.size() + " bytes (" + blocks + (blocks == 1 ? " block)" : " blocks)"));
        }
    }
}
