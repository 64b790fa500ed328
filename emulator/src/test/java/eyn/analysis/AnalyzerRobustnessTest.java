package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.machine.disk.TreeDrive;
import eyn.machine.files.ChunkedBytes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random scripts built from the language's own pieces: the analysis never throws and keeps ranges sane. */
class AnalyzerRobustnessTest {
    private static final String[] PIECES = {
        "zopen", "zclose", "zread", "zwrite", "zseek", "zsplice", "ztee", "mmap", "munmap", "msync", "run", "cd", "copy",
        "move", "del", "ls", "drive", "set", "ifeq", "ifneq", "else", "endif", "loop", "endloop", "echo", "predict",
        "a.txt", "sub", "..", "/", "0", "1", "2", "-1", "99999999999", "r", "w", "rw", "x", "end", "0x01000000",
        "$X", "${Y}", "$(", ")", "$(zopen a.txt r)", "$(run s.eyn)", "\"", "#", "=", "X=1", "\t", "s.eyn", "",
    };

    @Test
    void randomScriptsNeverBreakTheAnalysis() throws Exception {
        var drive = TreeDrive.inMemory();
        drive.write("/a.txt", ChunkedBytes.of("abc".getBytes(StandardCharsets.UTF_8)));
        drive.makeDirectory("/sub");
        drive.write("/s.eyn", ChunkedBytes.of("run s.eyn\nzopen a.txt\n".getBytes(StandardCharsets.UTF_8)));
        Workspace ws = Workspace.of(drive);
        Random random = new Random(42);
        for (int n = 0; n < 1500; n++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(25);
            for (int l = 0; l < lines; l++) {
                int words = random.nextInt(5);
                for (int w = 0; w < words; w++) {
                    if (w > 0) text.append(random.nextInt(4) == 0 ? "  " : " ");
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            String source = random.nextBoolean() ? text.toString() : text.toString().strip();
            Analysis a = Analyzer.analyze("/t.eyn", source, ws, AnalysisSettings.defaults());
            for (Diagnostic d : a.diagnostics()) {
                assertTrue(d.line() >= 0 && d.line() < Math.max(1, a.script().size()), source + "\n" + d);
                assertTrue(d.startColumn() >= 0 && d.endColumn() > d.startColumn(), source + "\n" + d);
                assertTrue(d.startColumn() <= a.script().line(d.line()).raw().length() + 1, source + "\n" + d);
            }
        }
    }
}
