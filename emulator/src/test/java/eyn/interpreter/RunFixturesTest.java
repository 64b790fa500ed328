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

    @TestFactory
    Stream<DynamicTest> fixtures() {
        List<Path> cases = Golden.cases(ROOT, ".eyn");
        assertFalse(cases.isEmpty(), "no fixtures found under " + ROOT.toAbsolutePath());
        return cases.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String source = Files.readString(script, StandardCharsets.ISO_8859_1);
            String transcript = ScriptRunner.run(script.getFileName().toString(), source, ROOT.resolve("disk")).transcript();
            Golden.check(Golden.beside(script, ".out"), transcript);
        }));
    }
}
