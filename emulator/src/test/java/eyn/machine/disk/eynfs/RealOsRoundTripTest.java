package eyn.machine.disk.eynfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyn.interpreter.Interpreter;
import eyn.interpreter.Options;
import eyn.machine.Machine;
import eyn.machine.MachineConfig;
import eyn.machine.disk.image.BlockStore;
import eyn.machine.disk.image.MemorySource;
import eyn.machine.disk.DriveCopy;
import eyn.machine.disk.HostFolder;
import eyn.machine.disk.TreeDrive;
import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The round trip with the real EYN-OS Release 13, from transcripts recorded in QEMU
 * (eynfs/roundtrip/*.transcript, from the eyn-real-os.py JSON beside them), so no QEMU is needed:
 * the kit image as the OS lists, reads and checks it; and an image our driver wrote (make.eyn run
 * with --persist on a copy of the kit image: files created, grown, deleted, directories made) as
 * the OS then showed it; and an image our mkfs made from the kit's folder, on which the OS also
 * made a directory. The emulator, on the same image, must print the same lines, except where
 * a documented deviation says otherwise (listed below with its id in docs/deviations.md).
 */
class RealOsRoundTripTest {
    /** Commands whose output differs on purpose, with the deviation that says why. */
    static final Map<String, String> DEVIATIONS = Map.of(
            "ls test", "F4: the OS ignores the path and lists the cwd",
            "ls games", "F4: the OS ignores the path and lists the cwd",
            "read newdir/copied.md", "the OS renders markdown; the emulator prints the header and the raw text");

    @Test
    void theKitImageReadsAsOnTheRealOs() throws Exception {
        compare(Images.kitImage(), "kit");
    }

    @Test
    void anImageWeWroteReadsOnTheRealOsAsInTheEmulator() throws Exception {
        EynfsDrive drive = Images.mount(Images.kitImage());
        Machine machine = new Machine(new MachineConfig(64L << 20, 1, Map.of(0, drive)));
        Interpreter make = new Interpreter(machine, (c, t, w) -> { }, Options.defaults());
        make.start("make.eyn", resource("make.eyn"));
        make.run();
        machine.shutdown();
        byte[] written = Images.bytes(((EynfsDrive) machine.drive(0)).fs().store());
        // the image the real OS booted is exactly this one
        assertEquals(resource("rt.img.sha256").trim(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
        compare(written, "rt");
    }

    @Test
    void anImageOurMkfsMadeBootsAndTakesTheOsWrites() throws Exception {
        // eyn mkfs mk.img --size 10 --from r13/testdir: a 10 MiB image, so a free map of 5 blocks (our extension)
        EynfsDrive drive = EynfsDrive.inMemory(EynfsFormat.format(20480), "mk.img", Integer.MAX_VALUE);
        Path testdir = Images.KIT_FILES;
        DriveCopy.copyTree(TreeDrive.overFolder(new HostFolder(testdir), false), drive);
        byte[] made = Images.bytes(drive.fs().store());
        assertEquals(resource("mk.img.sha256").trim(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(made)));
        assertEquals(5, drive.fs().superblock().mapBlocks());
        compare(made, "mk");
    }

    private static void compare(byte[] image, String name) throws Exception {
        Map<String, List<String>> expected = transcript(resource(name + ".transcript"));
        Machine machine = new Machine(new MachineConfig(64L << 20, 1, Map.of(0,
                EynfsDrive.inMemory(new BlockStore(MemorySource.of(image)), name, Integer.MAX_VALUE))));
        StringBuilder differences = new StringBuilder();
        int compared = 0;
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String line = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            List<String> actual = run(machine, line);
            if (DEVIATIONS.containsKey(line)) continue;
            compared++;
            if (!actual.equals(e.getValue())) differences.append("\n$ ").append(line).append("\n  OS:       ").append(e.getValue())
                    .append("\n  emulator: ").append(actual);
        }
        assertEquals("", differences.toString());
        assertEquals(expected.size() - DEVIATIONS.keySet().stream().filter(k -> expected.keySet().stream().anyMatch(x -> x.endsWith(" " + k))).count(),
                compared);
    }

    /** One command line on the machine (state such as the cwd carries over), its output as lines without trailing blanks. */
    private static List<String> run(Machine machine, String line) {
        StringBuilder out = new StringBuilder();
        Interpreter in = new Interpreter(machine, (c, t, w) -> out.append(t), Options.defaults());
        in.start("session.eyn", line);
        in.run();
        List<String> lines = new ArrayList<>();
        for (String l : out.toString().split("\n", -1)) lines.add(l.stripTrailing());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    /** "$ cmd" lines and the output after each, keyed "n cmd" in order. */
    private static Map<String, List<String>> transcript(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        int n = 0;
        for (String l : text.split("\n")) {
            if (l.startsWith("# ")) continue;
            if (l.startsWith("$ ")) {
                current = new ArrayList<>();
                out.put(++n + " " + l.substring(2), current);
            } else if (current != null) {
                current.add(l);
            }
        }
        for (List<String> lines : out.values()) while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = RealOsRoundTripTest.class.getResourceAsStream("/eynfs/roundtrip/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
