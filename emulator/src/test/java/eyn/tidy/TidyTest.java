package eyn.tidy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Architecture rules of the emulator module, checked on its sources. */
class TidyTest {
    private static List<String> offending(String pattern) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains(pattern);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void theEmulatorKnowsNoProtocol() throws IOException {
        assertEquals(List.of(), offending("org.eclipse.lsp4j"));
        assertEquals(List.of(), offending("com.google.gson"));
    }

    @Test
    void theEmulatorNeverPrintsToTheProcessStreams() throws IOException {
        assertEquals(List.of(), offending("System.out"));
        assertEquals(List.of(), offending("System.err"));
        assertEquals(List.of(), offending("printStackTrace"));
    }
}
