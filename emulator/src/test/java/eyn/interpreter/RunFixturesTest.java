package eyn.interpreter;

import static org.junit.jupiter.api.Assertions.assertFalse;

import eyn.Golden;
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
 */
class RunFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/run");
    static final Path ROOT_2026 = Path.of("src/test/resources/run2026");

    @TestFactory
    Stream<DynamicTest> release13() {
        return fixtures(ROOT, ".eyn", "");
    }

    /** EYN-OS 2026 scripts: run under the 2026 profile unless their header says otherwise. */
    @TestFactory
    Stream<DynamicTest> eynOs2026() {
        return fixtures(ROOT_2026, ".shell", "#! profile=2026");
    }

    private static Stream<DynamicTest> fixtures(Path root, String extension, String defaults) {
        List<Path> cases = Golden.cases(root, extension);
        assertFalse(cases.isEmpty(), "no fixtures found under " + root.toAbsolutePath());
        return cases.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String source = Files.readString(script, StandardCharsets.ISO_8859_1);
            String transcript = ScriptRunner.run(script.getFileName().toString(), source, root.resolve("disk"), defaults)
                    .transcript();
            Golden.check(Golden.beside(script, ".out"), transcript);
        }));
    }
}
