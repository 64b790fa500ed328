package eyn.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code parser/*.eyn} is parsed and its tree dump compared with the {@code .tree} beside it.
 * {@code -Deyn.bless=true} rewrites the dumps; review them with git diff.
 */
class ParserFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/parser");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(ROOT)) {
            cases = files.filter(p -> p.toString().endsWith(".eyn")).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path source) throws IOException {
        String text = Files.readString(source, StandardCharsets.ISO_8859_1);
        String actual = dump(Parser.parse(source.getFileName().toString(), text));
        Path expected = Path.of(source.toString().replaceAll("\\.eyn$", ".tree"));
        if (Boolean.getBoolean("eyn.bless") || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("eyn.bless")) throw new AssertionError("wrote missing " + expected + "; review it");
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, source.toString());
    }

    static String dump(Script script) {
        StringBuilder out = new StringBuilder();
        for (ScriptLine line : script.lines()) {
            out.append(line.index() + 1).append(' ').append(line.kind());
            if (line.kind().isStatement()) {
                out.append(' ').append(line.words().stream()
                        .map(w -> w.start() + ".." + w.end() + "'" + w.text() + "'").collect(Collectors.joining(" ")));
            }
            int i = line.index();
            if (script.elseOf(i) >= 0) out.append(" else=").append(script.elseOf(i) + 1);
            if (script.endOf(i) >= 0) out.append(" end=").append(script.endOf(i) + 1);
            if (script.openerOf(i) >= 0) out.append(" opener=").append(script.openerOf(i) + 1);
            out.append('\n');
        }
        for (SyntaxProblem p : script.problems()) out.append(p).append('\n');
        return out.toString();
    }
}
