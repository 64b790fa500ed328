package eyn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live mode's comparison (conformance/record.sh --diff), on a session of the committed corpus. */
class ConformCommandTest {
    static final Path CORPUS = Path.of("../conformance");

    @Test
    void aRecordedSessionIsExplainedInBothModes() {
        String session = CORPUS.resolve("sessions/02-math.txt").toString();
        String recorded = CORPUS.resolve("recorded/02-math.out").toString();
        String drive = CORPUS.resolve("testdir").toString();
        CliRunner.Result fixed = CliRunner.run("conform", session, recorded, "--drive", drive);
        assertEquals(0, fixed.status(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("`calc 2+3*4`: differs [M1]"), fixed.out());
        CliRunner.Result faithful = CliRunner.run("conform", session, recorded, "--drive", drive, "--faithful");
        assertEquals(0, faithful.status(), faithful.out());
        assertTrue(faithful.out().contains(" 0 differ (faithful mode)"), faithful.out());
    }

    @Test
    void anUnexplainedDifferenceFails(@TempDir Path dir) throws Exception {
        Path session = Files.writeString(dir.resolve("s.txt"), "calc 10/4\n");
        Path recorded = Files.writeString(dir.resolve("s.out"), "$ calc 10/4\n|Result: 2\n");
        CliRunner.Result r = CliRunner.run("conform", session.toString(), recorded.toString(), "--drive", dir.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("os  Result: 2") && r.out().contains("emu Result: 2.500"), r.out());
        CliRunner.Result bad = CliRunner.run("conform", session.toString(), dir.resolve("none.out").toString(), "--drive", dir.toString());
        assertEquals(2, bad.status());
    }
}
