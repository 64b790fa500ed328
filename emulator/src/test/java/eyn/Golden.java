package eyn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expected-output files: compare, or with {@code -Deyn.bless=true} (or when the file is missing)
 * write the actual text, to be reviewed with git diff.
 */
public final class Golden {
    public static final boolean BLESS = Boolean.getBoolean("eyn.bless");

    private Golden() {}

    public static void check(Path expected, String actual) throws IOException {
        if (BLESS || !Files.exists(expected)) {
            Files.createDirectories(expected.toAbsolutePath().getParent());
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!BLESS) throw new AssertionError("wrote missing expectation " + expected + "; review it and run again");
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, expected.toString());
    }

    /** The files in a folder ending with {@code suffix}, sorted. */
    public static List<Path> cases(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expectation beside a case: same name, other extension. */
    public static Path beside(Path source, String extension) {
        String name = source.getFileName().toString();
        return source.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }
}
