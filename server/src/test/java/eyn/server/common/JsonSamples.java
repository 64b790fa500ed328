package eyn.server.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the tests of the servers' own JSON writers feed them: every example script, and text with every kind of character. */
public final class JsonSamples {
    private JsonSamples() {}

    /** Every character below 0x100, the two JSON-unsafe line separators, and non-Latin-1 text with a surrogate pair. */
    public static String everyCharacter() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) every.append(c);
        return every.append("\u2028\u2029\u00e9\u4e2d\ud83d\ude00").toString();
    }

    /** Texts a name, value or message can hold: every character, the HTML-escaped ones with quotes, and nothing. */
    public static List<String> texts() {
        return List.of(everyCharacter(), "a <b> & c = d \\ e 'q' \"w\"", "");
    }

    /** The scripts in the repository's examples folder (Release 13 and 2026), in name order. */
    public static List<Path> examples() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".eyn") || p.toString().endsWith(".shell")).sorted().toList();
        }
        assertTrue(examples.size() >= 5, "examples found: " + examples);
        return examples;
    }
}
