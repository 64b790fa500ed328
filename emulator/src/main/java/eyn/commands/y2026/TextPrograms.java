package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.Invocation;
import eyn.machine.Color;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The text and number programs (reference 3.3 "Text and maths"): echo, calc, random, sort, sha256, search, jsonparse. */
final class TextPrograms {
    private TextPrograms() {}

    static void register(Map<String, Command> m) {
        m.put("echo", TextPrograms::echo);
        m.put("calc", TextPrograms::calc);
        m.put("random", TextPrograms::random);
        m.put("sort", TextPrograms::sort);
        m.put("sha256", TextPrograms::sha256);
        m.put("search", TextPrograms::search);
        m.put("jsonparse", JsonParse::run);
    }

    // ---- echo / calc

    private static void echo(Invocation call) {
        if (Programs2026.help(call)) return;
        boolean newline = call.argv.isEmpty() || !call.argv.get(0).equals("-n");
        String text = String.join(" ", newline ? call.argv : call.argv.subList(1, call.argv.size()));
        call.out().print(Color.WHITE, newline ? text + "\n" : text);
    }

    private static void calc(Invocation call) {
        if (Programs2026.help(call)) return;
        String expr = call.arg(0);
        if (expr == null || expr.isEmpty()) {
            call.usage();
            return;
        }
        int op = -1;
        for (int i = 0; i < expr.length(); i++) {
            if ("+-*/".indexOf(expr.charAt(i)) >= 0) {
                op = i;
                break;
            }
        }
        Long a = op < 0 ? null : Programs2026.unsigned(expr.substring(0, op));
        Long b = op < 0 ? null : Programs2026.unsigned(expr.substring(op + 1));
        if (a == null || b == null) {
            call.failWith("calc: invalid expression");
            return;
        }
        int x = (int) (long) a;
        int y = (int) (long) b;
        int r;
        switch (expr.charAt(op)) {
            case '+' -> r = x + y;
            case '-' -> r = x - y;
            case '*' -> r = x * y;
            default -> {
                if (y == 0) {
                    call.failWith("calc: division by zero");
                    return;
                }
                r = x / y;
            }
        }
        call.out().plain(Integer.toString(r));
    }

    // ---- random

    /** The C library generator random uses: x = x*1103515245 + 12345, output (x>>16) & 0x7FFF. */
    static final class Lcg {
        private int x;
        Lcg(long seed) { x = (int) seed; }
        int rand() {
            x = x * 1103515245 + 12345;
            return (x >>> 16) & 0x7FFF;
        }
        /** Two 15-bit values as (hi<<16) ^ lo: bits 15 and 31 are always 0. */
        long next32() {
            long hi = rand();
            long lo = rand();
            return ((hi << 16) ^ lo) & 0xFFFFFFFFL;
        }
    }

    private static void random(Invocation call) {
        if (Programs2026.help(call)) return;
        List<String> a = new ArrayList<>(call.argv);
        Long seed = null;
        if (!a.isEmpty() && a.get(0).equals("-s")) {
            if (a.size() < 3) {
                call.failWith("random: invalid number");
                return;
            }
            seed = Programs2026.unsigned(a.get(1));
            if (seed == null) {
                call.failWith("random: invalid seed");
                return;
            }
            a = a.subList(2, a.size());
        }
        long min = 0;
        long max = -1;
        long count = 1;
        boolean range = false;
        if (a.size() == 1) {
            Long c = Programs2026.unsigned(a.get(0));
            if (c == null) {
                call.failWith("random: invalid number");
                return;
            }
            count = c;
        } else if (a.size() >= 2) {
            Long lo = Programs2026.unsigned(a.get(0));
            if (lo == null) {
                call.failWith("random: invalid number");
                return;
            }
            Long hi = Programs2026.unsigned(a.get(1));
            if (hi == null || lo > hi) {
                call.failWith("random: invalid range");
                return;
            }
            if (a.size() >= 3) {
                Long c = Programs2026.unsigned(a.get(2));
                if (c == null || c == 0) {
                    call.failWith("random: invalid count");
                    return;
                }
                count = c;
            }
            min = lo;
            max = hi;
            range = true;
        }
        if (count > 1000) {
            call.failWith("random: count too large (max 1000)");
            return;
        }
        // EYN-OS seeds from rdtsc; the emulator draws that seed from the machine's generator (deterministic per machine seed)
        Lcg g = new Lcg(seed != null ? seed : ((long) call.machine.rng().next() << 16) ^ call.machine.rng().next());
        StringBuilder line = new StringBuilder();
        for (long i = 0; i < count; i++) {
            long r = g.next32();
            if (range) r = min + r % (max - min + 1);
            if (i > 0) line.append(' ');
            line.append(r);
        }
        call.out().plain(line.toString());
    }

    // ---- sort

    private static void sort(Invocation call) {
        if (Programs2026.help(call)) return;
        if (call.argv.isEmpty()) {
            call.usage();
            return;
        }
        List<String> words = new ArrayList<>(call.argv);
        words.sort(FilePrograms::compareBytes);
        for (String w : words) call.out().plain(w);
    }

    // ---- sha256

    private static void sha256(Invocation call) {
        if (Programs2026.help(call)) return;
        if (call.argv.isEmpty()) {
            call.usage();
            return;
        }
        if (call.arg(0).equals("-s")) {
            String t = call.arg(1);
            if (t == null) {
                call.failWith("sha256: missing string after -s");
                return;
            }
            call.out().plain(hex(t.getBytes(StandardCharsets.UTF_8)) + "  \"" + t + "\"");
            return;
        }
        for (String f : call.argv) {
            Drive.Entry e = FilePrograms.stat(call, f);
            try {
                if (e == null || e.directory()) throw new DriveException(DriveException.Kind.NOT_FOUND, f, "cannot read");
                call.out().plain(hex(call.machine.readWhole(call.machine.drive(), FilePrograms.abs(call, f))) + "  " + f);
            } catch (DriveException ex) {
                call.failWith("sha256: failed to read " + f);
            }
        }
    }

    static String hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- search

    private static final int SEARCH_MAX_DEPTH = 16;
    private static final int SEARCH_MAX_PATH = 511;

    private record Search(Invocation call, String pattern, boolean names, boolean contents, boolean colour) {}

    private static void search(Invocation call) {
        if (Programs2026.help(call)) return;
        boolean names = true;
        boolean contents = true;
        boolean stdin = false;
        boolean colour = true;
        List<String> words = new ArrayList<>();
        for (String w : call.argv) {
            switch (w) {
                case "-f" -> { names = true; contents = false; }
                case "-c" -> { names = false; contents = true; }
                case "-a" -> { names = true; contents = true; }
                case "--stdin" -> stdin = true;
                case "--no-colour" -> colour = false;
                default -> words.add(w);
            }
        }
        if (words.isEmpty() || words.get(0).isEmpty()) {
            call.usage();
            return;
        }
        Search s = new Search(call, words.get(0), names, contents, colour);
        if (stdin) {
            for (String line : call.stdin.split("\n", -1)) {
                if (line.contains(s.pattern)) highlight(s, "", line, true);
            }
            return;
        }
        String start = words.size() >= 2 ? words.get(words.size() - 1) : "";
        String abs = start.isEmpty() ? call.machine.cwd() : FilePrograms.abs(call, start);
        Drive drive = call.machine.drive();
        Drive.Entry e = abs == null ? null : drive.stat(abs);
        if (e == null) return;
        if (!e.directory()) {
            test(s, drive, abs, start, abs.equals("/") ? "/" : abs.substring(abs.lastIndexOf('/') + 1), false);
            return;
        }
        walk(s, drive, abs, start, 0);
    }

    private static void walk(Search s, Drive drive, String dir, String shown, int depth) {
        List<Drive.Entry> entries;
        try {
            entries = drive.list(dir);
        } catch (DriveException ex) {
            return;
        }
        for (Drive.Entry e : entries) {
            if (e.name().equals(".") || e.name().equals("..")) continue;
            String path = shown.isEmpty() ? e.name() : shown.endsWith("/") ? shown + e.name() : shown + "/" + e.name();
            if (path.length() > SEARCH_MAX_PATH) continue;
            String abs = dir.equals("/") ? "/" + e.name() : dir + "/" + e.name();
            test(s, drive, abs, path, e.name(), e.directory());
            if (e.directory() && depth + 1 < SEARCH_MAX_DEPTH) walk(s, drive, abs, path, depth + 1);
        }
    }

    private static void test(Search s, Drive drive, String abs, String shown, String name, boolean directory) {
        if (s.names && name.contains(s.pattern)) {
            String prefix = shown.substring(0, shown.length() - name.length());
            highlight(s, "name: " + prefix, name + (directory ? "/" : ""), false);
        }
        if (s.contents && !directory) {
            try {
                String body = new String(s.call.machine.readWhole(drive, abs), StandardCharsets.ISO_8859_1);
                String needle = new String(s.pattern.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                if (body.contains(needle)) s.call.out().plain("text: " + shown);
            } catch (DriveException ex) {
                // unreadable files are skipped
            }
        }
    }

    /** Prints lead + text with the pattern's matches in (255,120,120) and the rest after a match in grey (200,200,200). */
    private static void highlight(Search s, String lead, String text, boolean every) {
        if (!s.colour) {
            s.call.out().plain(lead + text);
            return;
        }
        Color after = Color.WHITE;
        StringBuilder plain = new StringBuilder(lead);
        int i = 0;
        boolean done = false;
        while (i <= text.length()) {
            int at = done ? -1 : text.indexOf(s.pattern, i);
            if (at < 0) {
                plain.append(text.substring(i));
                break;
            }
            plain.append(text, i, at);
            if (plain.length() > 0) s.call.out().print(after, plain.toString());
            plain.setLength(0);
            s.call.out().print(Color.RED, s.pattern);
            after = Color.GREY;
            i = at + s.pattern.length();
            if (!every) done = true;
        }
        s.call.out().print(after, plain + "\n");
    }
}
