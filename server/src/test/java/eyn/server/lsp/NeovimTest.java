package eyn.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Neovim (Debian's 0.7.2, `nvim --headless`) runs `eyn lsp` with its built-in client, as
 * `docs/editors.md` tells users to, and must receive a diagnostic. `./test-all` installs Neovim;
 * elsewhere the test is skipped when `nvim` is missing.
 */
class NeovimTest {
    @TempDir
    Path dir;

    @Test
    void neovimsBuiltInClientReceivesDiagnostics() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v nvim").start().waitFor() == 0, "nvim is not installed");
        Path script = dir.resolve("probe.eyn");
        Files.writeString(script, "echo fine\nzopne data.txt\n");
        Path out = dir.resolve("result.txt");
        Path probe = Path.of("src/test/resources/editors/nvim-probe.lua").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "--clean", "-i", "NONE", "-n", "-c", "luafile " + probe)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("EYN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("EYN_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("EYN_SCRIPT", script.toString());
        pb.environment().put("EYN_PROBE_OUT", out.toString());
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done, "nvim did not finish: " + new String(p.getInputStream().readNBytes(4000), StandardCharsets.UTF_8));
        String result = Files.readString(out);
        assertEquals("OK 2:1 Unknown command 'zopne'; did you mean 'zopen'?", result.strip());
    }
}
