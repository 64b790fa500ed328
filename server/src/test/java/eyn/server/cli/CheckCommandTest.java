package eyn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void textFormatIsFileLineColumnSeverityMessageCode() throws IOException {
        Path s = script("a.eyn", "echo ok\nzopne x\n");
        CliRunner.Result r = CliRunner.run("check", s.toString());
        assertEquals(1, r.status());
        assertEquals(s + ":2:1: error: Unknown command 'zopne'; did you mean 'zopen'? [E101]\n", r.out());
        assertTrue(r.err().contains("1 error(s), 0 warning(s) in 1 script(s)"), r.err());
    }

    @Test
    void foldersAreWalkedAndCleanScriptsExitZero() throws IOException {
        script("sub/one.eyn", "echo one\n");
        script("sub/two.shell", "set A=1\necho $A\n");
        script("sub/notes.txt", "zopne is not a script\n");
        CliRunner.Result r = CliRunner.run("check", dir.toString());
        assertEquals(0, r.status(), r.out());
        assertEquals("", r.out());
        assertTrue(r.err().contains("in 2 script(s)"), r.err());
    }

    @Test
    void severityFilterDisableAndPortabilitySwitch() throws IOException {
        Path s = script("w.eyn", "echo \"x\" $NOPE\n");
        assertEquals(2, CliRunner.run("check", s.toString()).out().lines().count());
        assertEquals("", CliRunner.run("check", s.toString(), "--severity", "error").out());
        String noPortability = CliRunner.run("check", s.toString(), "--no-portability").out();
        assertFalse(noPortability.contains("P201"), noPortability);
        assertTrue(noPortability.contains("W110"), noPortability);
        assertEquals("", CliRunner.run("check", s.toString(), "--no-portability", "--disable", "W110").out());
    }

    @Test
    void jsonAndSarifAreWellFormed() throws IOException {
        Path s = script("j.eyn", "zread 3 10\n");
        CliRunner.Result json = CliRunner.run("check", s.toString(), "--format", "json");
        var array = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals("E111", array.get(0).getAsJsonObject().get("code").getAsString());
        assertEquals(7, array.get(0).getAsJsonObject().get("column").getAsInt());
        CliRunner.Result sarif = CliRunner.run("check", s.toString(), "--format", "sarif");
        var log = JsonParser.parseString(sarif.out()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        var result = log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("E111", result.get("ruleId").getAsString());
        assertEquals("error", result.get("level").getAsString());
        assertEquals(1, sarif.status());
    }

    @Test
    void missingPathsAreUsageErrors() {
        assertEquals(2, CliRunner.run("check", dir.resolve("missing").toString()).status());
        assertEquals(2, CliRunner.run("check", "--format", "xml").status());
    }

    @Test
    void binarySpecialAndUnreadableEntriesAreFindingsAndTheRunCompletes() throws Exception {
        script("dir/good.eyn", "zopne x\n");
        Files.write(dir.resolve("dir/blob.eyn"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, (byte) 0xff, (byte) 0xfe, 0, 1});
        boolean fifo = new ProcessBuilder("mkfifo", dir.resolve("dir/pipe.eyn").toString()).start().waitFor() == 0;
        Path locked = Files.createDirectories(dir.resolve("dir/locked"));
        script("dir/locked/inner.eyn", "echo hidden\n");
        locked.toFile().setReadable(false, false);
        locked.toFile().setExecutable(false, false);
        boolean unreadable = !Files.isReadable(locked); // root reads everything
        try {
            CliRunner.Result r = CliRunner.run("check", dir.resolve("dir").toString(), "--format", "sarif");
            assertEquals(1, r.status(), r.err());
            var results = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
            String all = results.toString();
            assertTrue(all.contains("E101"), "good.eyn is still checked: " + all);
            assertTrue(all.contains("blob.eyn") && all.contains("a binary file"), all);
            if (fifo) assertTrue(all.contains("pipe.eyn") && all.contains("not a regular file"), all);
            if (unreadable) assertTrue(all.contains("locked") && all.contains("permission denied"), all);
            assertFalse(r.err().contains("\tat "), r.err());
            CliRunner.Result text = CliRunner.run("check", dir.resolve("dir").toString());
            assertTrue(text.out().contains("blob.eyn:1:1: warning: not checked: a binary file (it holds NUL bytes), not a script [unchecked]"), text.out());
        } finally {
            locked.toFile().setReadable(true, false);
            locked.toFile().setExecutable(true, false);
        }
    }

    @Test
    void namesAreEscapedOneFindingPerLineAndSarifUrisAreUris() throws IOException {
        Path evil = script("odd dir/evil\nx.eyn:1:1: error: fake [E999] #%.eyn", "zopne x\n");
        CliRunner.Result r = CliRunner.run("check", evil.toString());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("evil\\nx.eyn"), r.out());
        CliRunner.Result sarif = CliRunner.run("check", evil.toString(), "--format", "sarif");
        String uri = JsonParser.parseString(sarif.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
                .getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString();
        assertTrue(uri.startsWith("file:/"), uri);
        assertEquals(evil.toUri(), java.net.URI.create(uri), "a proper URI that names the file");
        assertEquals("odd%20dir/a%23b%25c.eyn", CheckCommand.uri(Path.of("odd dir/a#b%c.eyn")));
        assertEquals("c%3Ad.eyn", CheckCommand.uri(Path.of("c:d.eyn")));
    }
}
