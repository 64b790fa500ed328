package eyn.commands;

import eyn.Golden;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandDocsTest {
    static final Path PAGE = Path.of("../docs/commands.md");

    @Test
    void theCommandPageMatchesTheTable() throws IOException {
        Golden.check(PAGE, CommandDocs.markdown());
    }
}
