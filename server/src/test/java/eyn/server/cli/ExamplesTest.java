package eyn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code examples/*.eyn} through {@code eyn run --no-color} and compares its output and
 * exit status with {@code src/test/resources/examples/NAME.out}. {@code -Deyn.bless=true} rewrites them.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../examples");
    static final Path EXPECTED = Path.of("src/test/resources/examples");

    @TestFactory
    Stream<DynamicTest> examplesPrintWhatTheyShould() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            scripts = files.filter(p -> p.toString().endsWith(".eyn") || p.toString().endsWith(".shell")).sorted().toList();
        }
        assertTrue(scripts.stream().filter(p -> p.toString().endsWith(".eyn")).count() >= 6, "at least six Release 13 examples");
        assertTrue(scripts.stream().filter(p -> p.toString().endsWith(".shell")).count() >= 3, "at least three EYN-OS 2026 examples");
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
    }

    @org.junit.jupiter.api.Test
    void examplesPassTheCheckerWithoutErrors() {
        CliRunner.Result r = CliRunner.run("check", EXAMPLES.toString(), "--severity", "error");
        assertEquals(0, r.status(), r.out());
        assertEquals("", r.out());
    }

    /** The words after the script in a "# run with: eyn run examples/NAME ARGS..." line, as a reader would type them. */
    static List<String> argumentsFromHeader(String text, Path script) {
        String marker = "# run with: eyn run examples/" + script.getFileName();
        for (String line : text.split("\n")) {
            if (line.startsWith(marker)) {
                String rest = line.substring(marker.length()).strip();
                return rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            }
        }
        return List.of();
    }

    private static void check(Path script) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("run", script.toString(), "--no-color"));
        command.addAll(argumentsFromHeader(Files.readString(script, StandardCharsets.UTF_8), script));
        CliRunner.Result r = CliRunner.run(command.toArray(new String[0]));
        String actual = r.out() + "--- exit " + r.status() + "\n";
        Path expected = EXPECTED.resolve(script.getFileName().toString().replaceAll("\\.(eyn|shell)$", ".out"));
        if (Boolean.getBoolean("eyn.bless") || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("eyn.bless")) throw new AssertionError("wrote missing " + expected + "; review it");
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, script.toString());
        assertEquals("", r.err(), "nothing on stderr without --summary");
    }

    /**
     * The examples check clean (no error, no warning) under the settings the VS Code extension ships:
     * P207 is off unless eyn.shellOnlyProject says the project is for a real EYN-OS.
     */
    @org.junit.jupiter.api.Test
    void examplesCheckCleanUnderTheExtensionsShippedSettings() {
        CliRunner.Result r = CliRunner.run("check", EXAMPLES.toString(), "--severity", "warning", "--disable", "P207");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("0 error(s), 0 warning(s)") || r.err().contains("0 error(s), 0 warning(s)"), r.out() + r.err());
    }
}
