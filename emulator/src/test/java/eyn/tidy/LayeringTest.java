package eyn.tidy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator's layers (docs/architecture.md): language and machine at the bottom, then commands,
 * profile, interpreter, analysis and debug. A package may use only the layers listed for it, by
 * import or by a qualified name; the test names every use that crosses the line.
 */
class LayeringTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "language", Set.of(),
            "machine", Set.of(),
            "commands", Set.of("language", "machine"),
            "profile", Set.of("language", "commands"),
            "interpreter", Set.of("language", "commands", "machine", "profile"),
            "analysis", Set.of("language", "commands", "machine", "profile", "interpreter"),
            "debug", Set.of("language", "commands", "machine", "profile", "interpreter", "analysis"),
            "conformance", Set.of("language", "commands", "machine", "profile", "interpreter"));
    private static final Pattern USE = Pattern.compile("\\beyn\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
        Path root = Path.of("src/main/java/eyn");
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                String layer = root.relativize(file).getName(0).toString();
                Set<String> allowed = ALLOWED.get(layer);
                if (allowed == null) {
                    crossings.add(file + ": package eyn." + layer + " has no place in the layering");
                    return;
                }
                try {
                    Matcher m = USE.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(layer) && ALLOWED.containsKey(used) && !allowed.contains(used)) {
                            crossings.add(file + " uses eyn." + used);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertEquals(List.of(), crossings);
    }
}
