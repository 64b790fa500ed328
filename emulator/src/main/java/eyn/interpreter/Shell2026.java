package eyn.interpreter;

import eyn.commands.Args;
import eyn.commands.Command;
import eyn.commands.CommandSet;
import eyn.commands.CommandSpec;
import eyn.commands.Invocation;
import eyn.language.D3Limits;
import eyn.machine.Color;
import eyn.machine.Machine;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2026 shell's {@code handle_shell_command} (reference 1.2-1.5): tokenise, expand aliases (4
 * rounds), hand lines with {@code | < > &} to the pipeline module, else look the program up in
 * /binaries on the current drive. A file there whose first byte is '#' runs as a script; otherwise
 * the emulator's own program of that name stands for the installed one.
 */
final class Shell2026 implements Shell {
    static final String ALIAS_FILE = "/config/aliases.cfg";
    private static final int ALIAS_FILE_BYTES = 4095;
    private static final int FAKE_PID = 12345;
    private static final int INPUT_REDIRECT_BYTES = 8191;

    private final Interpreter in;
    private final CommandSet commands;
    /** Read from /config/aliases.cfg at first use, once per run, as the OS does once per boot. */
    private Map<String, String> aliases;
    /** What the next program reads as stdin (a pipeline stage's input). */
    private String stdin = "";

    Shell2026(Interpreter in, CommandSet commands) {
        this.in = in;
        this.commands = commands;
    }

    @Override
    public void dispatch(String line) {
        String text = line;
        for (int round = 0; round < D3Limits.ALIAS_ROUNDS; round++) {
            List<String> tokens = tokenise(text);
            if (tokens == null) {
                in.machine().console().error("Error: too many arguments or command line too long");
                return;
            }
            if (tokens.isEmpty()) return;
            String template = aliases().get(tokens.get(0));
            if (template == null) break;
            String expanded = expandAlias(template, tokens);
            if (expanded == null) {
                in.machine().console().error("Error: alias expansion failed");
                return;
            }
            text = expanded;
        }
        if (text.indexOf('|') >= 0 || text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.indexOf('&') >= 0) {
            pipeline(text);
            return;
        }
        List<String> tokens = tokenise(text);
        if (tokens == null || tokens.isEmpty()) return;
        run(tokens.get(0), tokens.subList(1, Math.min(tokens.size(), 32)));
    }

    /** Splits on space, tab, CR and LF; null beyond 32 tokens or 512 bytes of token storage. */
    static List<String> tokenise(String line) {
        List<String> out = new ArrayList<>();
        int bytes = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) i++;
            if (i >= n) break;
            int s = i;
            while (i < n && !isSeparator(line.charAt(i))) i++;
            String t = line.substring(s, i);
            bytes += t.getBytes(StandardCharsets.UTF_8).length + 1;
            out.add(t);
            if (out.size() > D3Limits.TOKENS || bytes > D3Limits.TOKEN_BYTES) return null;
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    // ---- aliases -----------------------------------------------------------------------------

    /** The alias table as loaded (or null before its first use): all the shell keeps between lines. */
    @Override
    public Object saveState() {
        return aliases;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreState(Object state) {
        aliases = (Map<String, String>) state;
        stdin = "";
    }

    private Map<String, String> aliases() {
        if (aliases == null) aliases = loadAliases();
        return aliases;
    }

    /** The drive's /config/aliases.cfg; the shipped table when the drive has none (a deviation: the OS would have none). */
    private Map<String, String> loadAliases() {
        Drive drive = in.machine().drive();
        Drive.Entry e = drive.stat(ALIAS_FILE);
        if (e == null || e.directory()) return commands.aliases();
        String text;
        try {
            ChunkedBytes file = drive.read(ALIAS_FILE);
            byte[] all = file.read(0, Math.min(file.length(), ALIAS_FILE_BYTES)); // only what the OS reads
            text = new String(all, StandardCharsets.ISO_8859_1);
        } catch (DriveException | RuntimeException ex) {
            return Map.of();
        }
        return parseAliases(text);
    }

    /** The alias file's rules (reference 1.3): name of [A-Za-z0-9_] up to 31, template without | < > &, 32 at most. */
    static Map<String, String> parseAliases(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int sp = 0;
            while (sp < line.length() && line.charAt(sp) != ' ' && line.charAt(sp) != '\t') sp++;
            String name = line.substring(0, sp);
            String template = line.substring(sp).strip();
            if (name.isEmpty() || name.length() > 31 || !name.matches("[A-Za-z0-9_]+")) continue;
            if (template.length() >= 200 || template.matches(".*[|<>&].*") || out.containsKey(name)) continue;
            if (out.size() >= 32) break;
            out.put(name, template);
        }
        return out;
    }

    /** Expands a template with the invocation's arguments; null when expansion fails. */
    static String expandAlias(String template, List<String> tokens) {
        List<String> args = tokens.subList(1, Math.min(tokens.size(), 17));
        List<String> out = new ArrayList<>();
        for (String t : template.split("[ \t]+")) {
            if (t.isEmpty()) continue;
            if (t.equals("[args]")) {
                out.addAll(args);
            } else if (t.matches("\\[arg[1-9][0-9]?]")) {
                int k = Integer.parseInt(t.substring(4, t.length() - 1));
                if (k > args.size()) return null;
                out.add(args.get(k - 1));
            } else {
                out.add(t.length() > 63 ? t.substring(0, 63) : t);
            }
        }
        String result = String.join(" ", out);
        if (result.isEmpty() || result.length() > D3Limits.ALIAS_RESULT || result.matches("(?s).*[|<>&].*")) return null;
        return result;
    }

    // ---- programs ----------------------------------------------------------------------------

    /** Looks a program up as the dispatcher does and runs it. */
    void run(String name, List<String> args) {
        Machine m = in.machine();
        Drive drive = m.drive();
        String found = null;
        if (name.indexOf('/') >= 0) {
            String path = m.resolve(name);
            found = fileAt(drive, path);
            if (found == null && !path.endsWith(".uelf")) found = fileAt(drive, path + ".uelf");
        } else {
            found = fileAt(drive, "/binaries/" + name);
            if (found == null && !name.endsWith(".uelf")) found = fileAt(drive, "/binaries/" + name + ".uelf");
        }
        if (found != null) {
            byte[] head = firstBytes(drive, found);
            if (head.length > 0 && head[0] == '#') {
                in.startScript(found, new String(readAll(drive, found), StandardCharsets.ISO_8859_1), args);
                return;
            }
        }
        String program = name.indexOf('/') >= 0 ? baseName(name) : name;
        if (program.endsWith(".uelf")) program = program.substring(0, program.length() - 5);
        CommandSpec spec = commands.spec(program);
        Command behaviour = commands.behaviour(program);
        // the emulator's programs stand for the files of /binaries, by name or by their path there
        boolean standsFor = name.indexOf('/') < 0 || m.resolve(name).equals("/binaries/" + baseName(name));
        if (behaviour != null && (found != null || standsFor)) {
            Invocation call = new Invocation(spec, Args.none(), m, in, args, stdin);
            stdin = "";
            in.countCommand();
            behaviour.run(call);
            if (call.failed()) {
                in.markFailed();
                in.commandFailed(program, call.lastLine());
            }
            return;
        }
        String message = found != null
                ? name + ": cannot run in the emulator: not a script (its first byte is not '#') and not one of the emulated programs"
                : commands.notFound(name);
        m.console().error(message);
        in.commandFailed(name, message);
    }

    private static String fileAt(Drive drive, String path) {
        Drive.Entry e = drive.stat(path);
        return e != null && !e.directory() ? path : null;
    }

    /** The first four bytes (fewer for a shorter file; none when it cannot be read), without copying the rest. */
    private static byte[] firstBytes(Drive drive, String path) {
        try {
            ChunkedBytes b = drive.read(path);
            return b.read(0, Math.min(4, b.length()));
        } catch (DriveException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** A whole file, within the host memory budget; empty when it cannot be read. */
    private byte[] readAll(Drive drive, String path) {
        try {
            return in.machine().readWhole(drive, path);
        } catch (DriveException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    // ---- pipelines and redirection (reference 1.5) ------------------------------------------

    private void pipeline(String line) {
        List<String> segments = new ArrayList<>();
        for (String s : line.split("\\|")) if (!s.isBlank()) segments.add(s);
        if (segments.size() > 1) {
            in.deferPipeline(segments);
            return;
        }
        Segment seg = segments.isEmpty() ? null : Segment.parse(segments.get(0));
        if (seg == null) {
            in.machine().console().plain("Failed to parse pipeline command");
            return;
        }
        Console out = new Console(in.machine());
        if (seg.background) out.plain("Running command in background: " + seg.command);
        if (seg.input != null) inputRedirect(seg.input);
        if (seg.output != null) {
            String captured = in.captureCommand(seg.command);
            writeRedirect(seg.output, seg.append, captured == null ? "" : captured);
        } else {
            dispatch(seg.command);
        }
        if (seg.background) out.plain("Background process started with PID " + FAKE_PID);
    }

    /** Runs a deferred multi-stage pipeline: each stage's output is the next one's stdin. */
    void runStages(List<String> segments) {
        String input = "";
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = Segment.parse(segments.get(i));
            if (seg == null) {
                in.machine().console().plain("Failed to parse pipeline command");
                return;
            }
            String command = seg.command;
            if (i > 0 && (command.equals("search") || command.startsWith("search "))) command += " --stdin";
            if (i == segments.size() - 1) {
                stdin = input;
                dispatch(command);
                stdin = "";
            } else {
                stdin = input;
                String captured = in.captureCommand(command);
                stdin = "";
                input = captured == null ? "" : captured;
            }
        }
    }

    private void inputRedirect(String file) {
        Drive drive = in.machine().drive();
        String path = in.machine().resolve(file);
        Drive.Entry e = drive.stat(path);
        if (e == null || e.directory()) {
            in.machine().console().plain("Error: Cannot open file '" + file + "' for input redirection.");
        } else if (firstBytes(drive, path).length == 0 && e.size() > 0) {
            in.machine().console().plain("Error: Cannot read file '" + file + "' for input redirection.");
        }
        // the bytes (at most 8191) go to a buffer that no 2026 program reads
        assert INPUT_REDIRECT_BYTES > 0;
    }

    /** {@code > F}: the output goes to a file named F in the root of drive 0 (a bare name; '/' is part of it). */
    private void writeRedirect(String file, boolean append, String captured) {
        Drive drive0 = in.machine().drive(0);
        Console out = new Console(in.machine());
        if (drive0 == null) {
            out.plain("No supported filesystem found.");
            return;
        }
        String path = "/" + file;
        if (file.indexOf('/') >= 0 || file.isEmpty() || file.length() > 31) {
            out.plain("Failed to create file: " + file);
            return;
        }
        byte[] text = captured.getBytes(StandardCharsets.ISO_8859_1);
        byte[] previous = new byte[0];
        try {
            Drive.Entry existing = drive0.stat(path);
            if (append && existing != null && !existing.directory()) previous = drive0.read(path).toByteArray();
        } catch (DriveException | RuntimeException e) {
            // the file is kept as it was: appending to what could not be read would lose it
            out.plain("Error appending to file '" + file + "'.");
            return;
        }
        // the new contents are held as a whole: the host memory budget must allow them (its [MEMORY] line says why not)
        if (!in.machine().budget().fits((long) previous.length + text.length)) {
            out.plain(append ? "Error appending to file '" + file + "'." : "Error writing to file '" + file + "'.");
            return;
        }
        byte[] all = java.util.Arrays.copyOf(previous, previous.length + text.length);
        System.arraycopy(text, 0, all, previous.length, text.length);
        try {
            drive0.write(path, ChunkedBytes.of(all));
            out.plain(append ? "Output appended to '" + file + "' successfully." : "Output written to '" + file + "' successfully.");
        } catch (DriveException | RuntimeException e) {
            out.plain(append ? "Error appending to file '" + file + "'." : "Error writing to file '" + file + "'.");
        }
    }

    /** Prints through the machine's console in the default colour (the pipeline module uses no colour code). */
    private record Console(Machine machine) {
        void plain(String line) {
            machine.console().print(Color.WHITE, line + "\n");
        }
    }

    /** One pipeline segment: its command words, a trailing '&', the first '<' and the first '>'/'>>'. */
    record Segment(String command, boolean background, String input, String output, boolean append) {
        static Segment parse(String text) {
            String t = text.strip();
            boolean background = t.endsWith("&");
            if (background) t = t.substring(0, t.length() - 1).strip();
            String input = null;
            String output = null;
            boolean append = false;
            int lt = t.indexOf('<');
            if (lt >= 0) {
                int[] w = wordAfter(t, lt + 1, "> |");
                input = t.substring(w[0], w[1]);
                t = t.substring(0, lt) + " " + t.substring(w[1]);
            }
            int gt = t.indexOf('>');
            if (gt >= 0) {
                append = gt + 1 < t.length() && t.charAt(gt + 1) == '>';
                int[] w = wordAfter(t, gt + (append ? 2 : 1), "< |");
                output = t.substring(w[0], w[1]);
                t = t.substring(0, gt) + " " + t.substring(w[1]);
            }
            t = t.replace('&', ' ');
            List<String> words = tokenise(t);
            if (words == null || words.isEmpty()) return null;
            return new Segment(String.join(" ", words), background, input, output, append);
        }

        private static int[] wordAfter(String t, int from, String stops) {
            int s = from;
            while (s < t.length() && (t.charAt(s) == ' ' || t.charAt(s) == '\t')) s++;
            int e = s;
            while (e < t.length() && t.charAt(e) != '\t' && stops.indexOf(t.charAt(e)) < 0) e++;
            return new int[] {s, e};
        }
    }
}
