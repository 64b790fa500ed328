package eyn.language;

import static org.junit.jupiter.api.Assertions.assertFalse;

import eyn.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each {@code parser/*.eyn} is parsed and its tree dump compared with the {@code .tree} beside it. */
class ParserFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/parser");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        List<Path> cases = Golden.cases(ROOT, ".eyn");
        assertFalse(cases.isEmpty());
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = Files.readString(p, StandardCharsets.ISO_8859_1);
            Golden.check(Golden.beside(p, ".tree"), dump(Parser.parse(p.getFileName().toString(), text)));
        }));
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
