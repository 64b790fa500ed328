package eyn.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.Fidelity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays every session of the conformance corpus ({@code conformance/}: lines typed at the real
 * EYN-OS Release 13 and what it printed) on the emulator, in both fidelity modes. No QEMU needed.
 */
class ConformanceTest {
    static final Path ROOT = Path.of("../conformance");
    static final Path DEVIATIONS = Path.of("../docs/deviations.md");
    static List<Corpus.Session> sessions;

    @BeforeAll
    static void load() throws IOException {
        List<Corpus.Session> all = Corpus.load(ROOT);
        assertFalse(all.isEmpty(), "no sessions under " + ROOT.toAbsolutePath());
        sessions = all.stream().filter(Corpus.Session::recorded).toList();
    }

    @Test
    void everySessionIsRecorded() throws IOException {
        List<String> missing = Corpus.load(ROOT).stream().filter(s -> !s.recorded()).map(Corpus.Session::name).toList();
        assertTrue(missing.isEmpty(), "sessions without a recording (run conformance/record.sh " + String.join(" ", missing) + "): " + missing);
    }

    static List<List<List<String>>> replay(Fidelity fidelity) throws IOException {
        List<List<List<String>>> all = new ArrayList<>();
        for (Corpus.Session s : sessions) all.add(Replay.run(s, ROOT.resolve("testdir"), fidelity));
        return all;
    }

    static Set<String> documentedIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| ([A-Z]\\d+) \\|").matcher(Files.readString(DEVIATIONS, StandardCharsets.UTF_8));
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    @Test
    void everyCommandOfTheTableIsInTheCorpus() {
        Set<String> typed = new TreeSet<>();
        for (Corpus.Session s : sessions) for (Corpus.Case c : s.cases()) typed.add(c.line().strip().split(" ")[0]);
        List<String> missing = eyn.commands.CommandTable.names().stream().filter(n -> !typed.contains(n)).toList();
        assertTrue(missing.isEmpty(), "commands no session types: " + missing);
    }

    @Test
    void fixedModeDiffersOnlyWhereADeviationSaysSo() throws IOException {
        Verdict v = Verdict.fixed(sessions, replay(Fidelity.FIXED), documentedIds());
        String summary = "fixed: " + v.cases + " cases, " + v.identical + " identical, deviations " + v.byDeviation;
        write("fixed", summary, v);
        assertTrue(v.problems.isEmpty(), summary + "\n" + v.problems.size() + " problems:\n" + String.join("\n", v.problems));
    }

    @Test
    void faithfulModeIsIdenticalExceptUnreproducibleCases() throws IOException {
        Verdict v = Verdict.faithful(sessions, replay(Fidelity.FAITHFUL));
        String summary = "faithful: " + v.cases + " cases, " + v.identical + " identical, unreproducible " + v.unreproducible;
        write("faithful", summary, v);
        assertTrue(v.problems.isEmpty(), summary + "\n" + v.problems.size() + " problems:\n" + String.join("\n", v.problems));
    }

    private static void write(String mode, String summary, Verdict v) throws IOException {
        Path out = Path.of("target/conformance-" + mode + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary + "\n" + String.join("\n", v.problems) + "\n", StandardCharsets.UTF_8);
        System.out.println("[conformance] " + summary);
    }
}
