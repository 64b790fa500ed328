package eyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the language-server benchmark working between its runs: a short run of it (1,000 lines, both
 * profiles, no bash-language-server, a few rounds of each kind) against {@code eyn lsp} started from
 * this module's class path must get every answer: diagnostics after the open and after every edit and
 * undo (of that version), completion offering {@code echo} at each new line, hover and signature help
 * on {@code echo} after each edit. Times are printed, never asserted.
 */
class LspBenchmarkSmokeTest {
    @Test
    void everyRequestOfTheBenchmarkIsAnswered() throws Exception {
        LspBenchmark.Options options = LspBenchmark.Options.parse(new String[] {
            "--sizes=1000", "--profiles=r13,2026", "--no-bash-ls", "--rounds=20", "--settle=0", "--hover-rounds=5", "--edit-rounds=5", "--smoke"});
        options.eynCommand = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "eyn.server.Main", "lsp");
        assertEquals(0, new LspBenchmark(options).run(), "the smoke run printed SMOKE FAILED lines above");
    }
}
