package eyn.commands.y2026;

import eyn.commands.Invocation;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alias program (reference 3.3, P-e5f3a48): adds or removes an alias and rewrites
 * /config/aliases.cfg on the current drive with only the entries it keeps. A missing file counts as
 * the shipped table. A single-word name that is a program (one of the 110, or a file in /binaries)
 * cannot be an alias, and such entries are dropped when the file is rewritten, as on the OS.
 */
final class AliasProgram {
    private AliasProgram() {}

    static final String FILE = "/config/aliases.cfg";
    static final int MAX_ALIASES = 32;
    static final int MAX_NAME = 63;
    static final int MAX_TEMPLATE = 199;

    record Entry(String name, String template) {}

    static void run(Invocation call) {
        if (Programs2026.help(call)) return;
        List<String> a = call.argv;
        if (a.isEmpty() || (a.get(0).equals("remove") && a.size() == 1)) {
            call.usage();
            return;
        }
        List<Entry> table = load(call);
        if (table == null) {
            call.failWith("alias: failed to load aliases");
            return;
        }
        if (a.get(0).equals("remove")) {
            String name = String.join(" ", a.subList(1, a.size()));
            Entry found = null;
            for (Entry e : table) if (e.name.equals(name)) found = e;
            if (found == null) {
                call.failWith("alias: not found: " + name);
                return;
            }
            table.remove(found);
            if (save(call, table)) call.out().plain("Alias removed: " + name);
            return;
        }
        int eq = a.indexOf("=");
        String name;
        String template;
        if (eq >= 1) {
            name = String.join(" ", a.subList(0, eq));
            template = String.join(" ", a.subList(eq + 1, a.size()));
        } else {
            name = a.get(0);
            template = String.join(" ", a.subList(1, a.size()));
        }
        if (!validName(name)) {
            call.failWith("alias: invalid alias name");
            return;
        }
        if (template.length() > MAX_TEMPLATE) {
            call.failWith("alias: template too long");
            return;
        }
        if (!name.contains(" ") && installed(call, name)) {
            call.failWith("alias: cannot override existing command");
            return;
        }
        for (Entry e : table) {
            if (e.name.equals(name)) {
                call.failWith("alias: alias already exists");
                return;
            }
        }
        if (template.isEmpty() || template.chars().anyMatch(c -> "|<>&".indexOf(c) >= 0)) {
            call.failWith("alias: invalid template");
            return;
        }
        if (table.size() >= MAX_ALIASES) {
            call.failWith("alias: alias table full");
            return;
        }
        table.add(new Entry(name, template));
        if (save(call, table)) call.out().plain("Alias set: " + name);
    }

    /** Words of [A-Za-z0-9_] separated by single spaces, shorter than 64 characters. */
    static boolean validName(String name) {
        return name.length() <= MAX_NAME && name.matches("[A-Za-z0-9_]+( [A-Za-z0-9_]+)*");
    }

    static boolean installed(Invocation call, String name) {
        if (Commands2026.INSTANCE.spec(name) != null) return true;
        Drive d = call.machine.drive();
        Drive.Entry e = d.stat("/binaries/" + name);
        Drive.Entry u = d.stat("/binaries/" + name + ".uelf");
        return (e != null && !e.directory()) || (u != null && !u.directory());
    }

    /** The table as the file holds it; the shipped table when there is no file; null when it cannot be read. */
    static List<Entry> load(Invocation call) {
        Drive d = call.machine.drive();
        Drive.Entry f = d.stat(FILE);
        List<Entry> table = new ArrayList<>();
        if (f == null) {
            for (Map.Entry<String, String> e : Commands2026.INSTANCE.aliases().entrySet()) table.add(new Entry(e.getKey(), e.getValue()));
            return table;
        }
        String text;
        try {
            if (f.directory()) return null;
            text = new String(d.read(FILE).toByteArray(), StandardCharsets.UTF_8);
        } catch (DriveException ex) {
            return null;
        }
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String name;
            String template;
            if (line.startsWith("\"") && line.indexOf('"', 1) > 0) {
                int close = line.indexOf('"', 1);
                name = line.substring(1, close);
                template = line.substring(close + 1).strip();
            } else if (line.contains(" = ")) {
                name = line.substring(0, line.indexOf(" = ")).strip();
                template = line.substring(line.indexOf(" = ") + 3).strip();
            } else {
                int sp = line.indexOf(' ');
                name = sp < 0 ? line : line.substring(0, sp);
                template = sp < 0 ? "" : line.substring(sp + 1).strip();
            }
            String clean = String.join(" ", name.strip().split("\\s+"));
            if (!validName(clean) || template.isEmpty() || template.length() > MAX_TEMPLATE) continue;
            if (template.chars().anyMatch(c -> "|<>&".indexOf(c) >= 0)) continue;
            if (table.stream().anyMatch(e -> e.name.equals(clean)) || table.size() >= MAX_ALIASES) continue;
            table.add(new Entry(clean, template));
        }
        return table;
    }

    /** Rewrites the file with the entries kept: single-word names of programs are dropped, multi-word names quoted. */
    static boolean save(Invocation call, List<Entry> table) {
        StringBuilder text = new StringBuilder();
        for (Entry e : table) {
            if (!e.name.contains(" ") && installed(call, e.name)) continue;
            text.append(e.name.contains(" ") ? "\"" + e.name + "\"" : e.name).append(' ').append(e.template).append('\n');
        }
        Drive d = call.machine.drive();
        try {
            Drive.Entry dir = d.stat("/config");
            if (dir == null) d.makeDirectory("/config");
            d.write(FILE, ChunkedBytes.of(text.toString().getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (DriveException ex) {
            call.failWith("alias: failed to save aliases");
            return false;
        }
    }
}
