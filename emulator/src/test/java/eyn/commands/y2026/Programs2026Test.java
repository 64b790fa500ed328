package eyn.commands.y2026;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eyn.commands.CommandSpec;
import eyn.commands.Invocation;
import eyn.commands.ScriptHost;
import eyn.machine.Color;
import eyn.machine.Console;
import eyn.machine.Fidelity;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.DriveException;
import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cases of src/test/resources/y2026/*.txt. A case starts with {@code === title}. Lines
 * starting with {@code @} set the machine up or check it ({@code @seed N}, {@code @drive N},
 * {@code @fidelity faithful} before anything else; then {@code @file PATH [CONTENT]},
 * {@code @dir PATH}, {@code @cwd PATH}, {@code @stdin TEXT} for the next command,
 * {@code @expect-file PATH CONTENT}, {@code @expect-missing PATH}). {@code $ program args} runs a
 * program; the lines up to the next directive are its expected output. Output in a colour other
 * than white is shown {@code {COLOUR:text}}; output without a final newline ends with {@code %};
 * a failed program adds {@code ! failed}; a nested script shows as {@code {script PATH args}}.
 * CONTENT takes the escapes \n, \t, \\ and \xHH.
 */
class Programs2026Test {
    static final Path DIR = Path.of("src/test/resources/y2026");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".cases")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                int start = -1;
                for (int i = 0; i <= lines.size(); i++) {
                    if (i == lines.size() || lines.get(i).startsWith("=== ")) {
                        if (start >= 0) {
                            List<String> body = lines.subList(start + 1, i);
                            String title = f.getFileName() + ":" + (start + 1) + " " + lines.get(start).substring(4);
                            tests.add(DynamicTest.dynamicTest(title, () -> runCase(title, body)));
                        }
                        start = i;
                    }
                }
            }
        }
        return tests.stream();
    }

    static final class Recorder implements Console, ScriptHost {
        final StringBuilder out = new StringBuilder();

        @Override public void print(Color color, String text) {
            if (color == Color.WHITE) {
                out.append(text);
                return;
            }
            boolean nl = text.endsWith("\n");
            out.append('{').append(color.name()).append(':').append(nl ? text.substring(0, text.length() - 1) : text).append('}');
            if (nl) out.append('\n');
        }

        @Override public void clear() { out.append("{clear}\n"); }
        @Override public void runScript(String path, String source) { runScript(path, source, List.of()); }
        @Override public void runScript(String path, String source, List<String> args) {
            out.append("{script ").append(path).append(args.isEmpty() ? "" : " " + String.join(" ", args)).append("}\n");
        }
        @Override public void halt() { out.append("{halt}\n"); }
    }

    private static void runCase(String title, List<String> body) throws DriveException {
        long seed = 1;
        Fidelity fidelity = Fidelity.FIXED;
        Map<Integer, Drive> drives = new TreeMap<>();
        drives.put(0, TreeDrive.inMemory());
        Machine machine = null;
        Recorder rec = new Recorder();
        String stdin = "";
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (line.isBlank() && machine == null) continue;
            String[] w = line.split(" ", 3);
            if (machine == null && line.startsWith("@seed ")) {
                seed = Long.parseLong(w[1]);
                continue;
            }
            if (machine == null && line.startsWith("@drive ")) {
                drives.put(Integer.parseInt(w[1]), TreeDrive.inMemory());
                continue;
            }
            if (machine == null && line.startsWith("@fidelity ")) {
                fidelity = Fidelity.parse(w[1]);
                continue;
            }
            if (machine == null) {
                machine = new Machine(new MachineConfig(MachineConfig.DEFAULT_RAM, seed, drives, MachineConfig.DEFAULT_RAM, fidelity));
                machine.setConsole(rec);
            }
            if (line.isBlank()) continue;
            switch (w[0]) {
                case "@file" -> machine.drive().write(w[1], ChunkedBytes.of(w.length > 2 ? unescape(w[2]) : new byte[0]));
                case "@dir" -> machine.drive().makeDirectory(w[1]);
                case "@cwd" -> machine.setCwd(w[1]);
                case "@stdin" -> stdin = new String(unescape(line.substring(7)), StandardCharsets.UTF_8);
                case "@expect-file" -> assertEquals(new String(w.length > 2 ? unescape(w[2]) : new byte[0], StandardCharsets.UTF_8),
                        new String(machine.drive().read(w[1]).toByteArray(), StandardCharsets.UTF_8), title + ": " + line);
                case "@expect-missing" -> assertEquals(null, machine.drive().stat(w[1]), title + ": " + line);
                case "$" -> {
                    List<String> words = new ArrayList<>(Arrays.asList(line.substring(2).trim().split("[ \t]+")));
                    String name = words.remove(0);
                    CommandSpec spec = Commands2026.INSTANCE.spec(name);
                    assertNotNull(spec, title + ": no program " + name);
                    int end = i + 1;
                    while (end < body.size() && !body.get(end).startsWith("$ ") && !body.get(end).startsWith("@")) end++;
                    List<String> expected = new ArrayList<>(body.subList(i + 1, end));
                    rec.out.setLength(0);
                    Invocation call = new Invocation(spec, null, machine, rec, words, stdin);
                    Commands2026.INSTANCE.behaviour(name).run(call);
                    stdin = "";
                    if (rec.out.length() > 0 && rec.out.charAt(rec.out.length() - 1) != '\n') rec.out.append("%\n");
                    if (call.failed()) rec.out.append("! failed\n");
                    assertEquals(trim(String.join("\n", expected)), trim(rec.out.toString()), title + ": " + line);
                    i = end - 1;
                }
                default -> throw new IllegalArgumentException(title + ": unknown line " + line);
            }
        }
    }

    private static String trim(String s) {
        return s.replaceAll("\\s+$", "");
    }

    static byte[] unescape(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\\' || i + 1 >= raw.length) {
                b.write(raw[i]);
                continue;
            }
            char c = (char) raw[++i];
            switch (c) {
                case 'n' -> b.write('\n');
                case 't' -> b.write('\t');
                case 'r' -> b.write('\r');
                case 's' -> b.write(' ');
                case 'x' -> {
                    b.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                }
                default -> b.write(c);
            }
        }
        return b.toByteArray();
    }
}
