package eyn.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandDocsTest {
    static final Path PAGE = Path.of("../docs/commands.md");

    @Test
    void theCommandPageMatchesTheTable() throws IOException {
        String actual = CommandDocs.markdown();
        if (Boolean.getBoolean("eyn.bless") || !Files.exists(PAGE)) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(PAGE, StandardCharsets.UTF_8), actual, "docs/commands.md is stale: rerun with -Deyn.bless=true");
    }
}
