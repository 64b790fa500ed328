package eyn.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code run/*.eyn} is run on a fresh machine whose drive 0 is {@code run/disk} (an overlay,
 * so nothing is written) and its transcript compared with the {@code .out} beside it.
 * {@code -Deyn.bless=true} rewrites the expectations; review them with git diff.
 */
class RunFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/run");
    static final boolean BLESS = Boolean.getBoolean("eyn.bless");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(ROOT)) {
            cases = files.filter(p -> p.toString().endsWith(".eyn")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no fixtures found under " + ROOT.toAbsolutePath());
        return cases.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(script)));
    }

    private static void check(Path script) throws IOException {
        String source = Files.readString(script, StandardCharsets.ISO_8859_1);
        String actual = ScriptRunner.run(script.getFileName().toString(), source, ROOT.resolve("disk")).transcript();
        Path expected = Path.of(script.toString().replaceAll("\\.eyn$", ".out"));
        if (BLESS || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!BLESS) throw new AssertionError("wrote missing expectation " + expected + "; review it and run again");
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, script.toString());
    }
}
