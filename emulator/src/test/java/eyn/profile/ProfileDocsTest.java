package eyn.profile;

import eyn.Golden;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileDocsTest {
    @Test
    void the2026PageMatchesTheTables() throws IOException {
        Golden.check(Path.of("../docs/profile-2026.md"), ProfileDocs.markdown(Profiles.Y2026));
    }
}
