package eyn.conformance;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Fidelity;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.ZeroCopy;
import eyn.machine.disk.Drive;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a corpus session on a fresh emulated machine set up as the recording OS was: 64 MiB of RAM,
 * seed 1, drive 0 an overlay of the image's files (nothing is written), each line typed at the prompt.
 */
public final class Replay {
    public static final long RAM = 64L * 1024 * 1024;

    private Replay() {}

    /** What the emulator prints for each case of the session, as lines with trailing blanks cut (as the driver cuts them). */
    public static List<List<String>> run(Corpus.Session session, Path imageFiles, Fidelity fidelity) throws IOException {
        Drive drive = TreeDrive.overFolder(new HostFolder(imageFiles), false);
        Machine machine = new Machine(new MachineConfig(RAM, 1, Map.of(0, drive)).withFidelity(fidelity));
        StringBuilder out = new StringBuilder();
        Interpreter interpreter = new Interpreter(machine, (color, text, where) -> out.append(text), Options.defaults());
        List<List<String>> results = new ArrayList<>();
        List<Long> mapped = new ArrayList<>();
        for (Corpus.Case c : session.cases()) {
            out.setLength(0);
            List<Long> before = machine.mappings().stream().map(m -> m.address).toList();
            if (!c.keys() && !interpreter.halted()) interpreter.typed(withAddresses(c.line(), mapped));
            for (var m : machine.mappings()) if (!before.contains(m.address)) mapped.add(m.address);
            results.add(lines(out.toString()));
        }
        return results;
    }

    private static final Pattern MAPPING = Pattern.compile("@mmap(\\d+)");

    /**
     * {@code @mmapN} stands for the address of the session's N-th mapping (EYN-OS prints no addresses, so
     * {@code conformance/record-mmap.py} finds them in its heap; here they are the emulator's own).
     */
    static String withAddresses(String line, List<Long> mapped) {
        Matcher m = MAPPING.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            m.appendReplacement(b, n >= 1 && n <= mapped.size() ? ZeroCopy.hex(mapped.get(n - 1)) : "0x0");
        }
        return m.appendTail(b).toString();
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.stream(t.split("\n", -1)).map(String::stripTrailing).toList();
    }
}
