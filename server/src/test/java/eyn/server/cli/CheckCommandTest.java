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
}
