package eyn.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The language server chooses from a document's lines (it never joins them); the result must be the text's. */
class ProfileChooserTest {
    @Test
    void choosingFromTheLinesGivesWhatChoosingFromTheTextGives() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "\n", "echo hi", "echo hi\n", "# eyn: profile=2026\nset A=1\n",
                "  # eyn: profile=r13\r\nif $A == 1\r\nendif\r\n", "echo $1\nifeq a b\nendif\n", "zopen a r\nwhile true\nendwhile",
                "set A=1\n".repeat(10) + "loop 2\nendloop\n".repeat(40) + "if $A == 1\nendif\n".repeat(40)));
        try (Stream<Path> examples = Files.walk(Path.of("..", "examples"))) {
            for (Path p : examples.filter(Files::isRegularFile).toList()) texts.add(Files.readString(p));
        }
        assertTrue(texts.size() > 15, "the examples were read");
        for (String text : texts) {
            List<String> lines = Arrays.asList(text.split("\n", -1)); // as an editor holds them: a final '\n' ends with an empty line
            for (String setting : new String[] {"auto", "r13", "2026"}) {
                for (Profile fallback : Profiles.all()) {
                    assertEquals(ProfileChooser.choose(text, setting, fallback), ProfileChooser.choose(lines, setting, fallback), text);
                }
            }
        }
    }
}
