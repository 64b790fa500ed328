package eyn.server.cli;

import eyn.conformance.Corpus;
import eyn.conformance.Replay;
import eyn.conformance.Verdict;
import eyn.machine.Fidelity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Replays a conformance session (lines typed at EYN-OS's prompt) on the emulator and compares each
 * command's output with a transcript recorded on the real OS ({@code conformance/record.sh --diff}).
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Compare the emulator with a session recorded on the real EYN-OS (see conformance/README.md).")
public final class ConformCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SESSION", description = "the session: one typed line per line, #@ annotations")
    Path session;

    @Parameters(index = "1", paramLabel = "RECORDED", description = "the OS's transcript of it ($ line, |output)")
    Path recorded;

    @Option(names = "--drive", paramLabel = "FOLDER", required = true, description = "the files of the OS's disk (drive 0)")
    Path drive;

    @Option(names = "--faithful", description = "compare faithful mode (EYN-OS's bugs included) instead of fixed mode")
    boolean faithful;

    @Option(names = "--all", description = "also list the cases that are identical")
    boolean all;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Corpus.Session s;
        List<List<String>> replay;
        try {
            String name = session.getFileName().toString().replaceFirst("\\.txt$", "");
            s = Corpus.session(name, Files.readString(session, StandardCharsets.UTF_8), Files.readString(recorded, StandardCharsets.UTF_8));
            if (!Files.isDirectory(drive)) throw new IOException("not a folder: " + drive);
            replay = Replay.run(s, drive, faithful ? Fidelity.FAITHFUL : Fidelity.FIXED);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("eyn: " + e.getMessage());
            return 2;
        }
        Set<String> ids = new TreeSet<>();
        for (Corpus.Case c : s.cases()) ids.addAll(c.deviations());
        Verdict v = faithful ? Verdict.faithful(List.of(s), List.of(replay)) : Verdict.fixed(List.of(s), List.of(replay), ids);
        int differ = 0;
        for (int i = 0; i < s.cases().size(); i++) {
            Corpus.Case c = s.cases().get(i);
            List<String> got = replay.get(i);
            if (got.equals(c.recorded())) {
                if (all) out.println("same   " + c.where() + " `" + c.line() + "`");
                continue;
            }
            differ++;
            String why = faithful ? (c.tags().isEmpty() ? "" : " " + c.tags()) : (c.deviations().isEmpty() ? "" : " " + c.deviations());
            out.print(Verdict.diff(c, got, "differs" + why));
        }
        out.println(s.cases().size() + " cases, " + (s.cases().size() - differ) + " identical, " + differ + " differ ("
                + (faithful ? "faithful" : "fixed") + " mode); " + v.problems.size() + " not explained by an annotation");
        out.flush();
        return v.problems.isEmpty() ? 0 : 1;
    }
}
