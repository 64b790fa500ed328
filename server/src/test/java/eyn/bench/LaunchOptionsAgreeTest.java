package eyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks start eyn.jar with {@link Launch}'s options so that they measure what users run: those
 * options must be the ones the {@code eyn} launcher script and the VS Code extension give, command by
 * command, or a figure would describe a JVM nobody starts.
 */
class LaunchOptionsAgreeTest {
    private static final Path LAUNCHER = Path.of("../eyn");
    private static final Path EXTENSION = Path.of("../vscode-extension/src/java.ts");

    @Test
    void theLauncherScriptGivesEveryCommandTheTuningFlagsAndTheServerAndDebugAdapterTheirJitOptions() throws IOException {
        String script = Files.readString(LAUNCHER);
        Matcher tuning = Pattern.compile("opts=\"\\$\\{EYN_JAVA_OPTS:-([^}]*)}\"").matcher(script);
        assertTrue(tuning.find(), "the launcher's default options");
        assertEquals(Launch.FLAGS, List.of(tuning.group(1).split(" ")));
        assertEquals(Launch.LSP_FLAGS, commandFlags(script, "lsp"));
        assertEquals(Launch.DAP_FLAGS, commandFlags(script, "dap"));
    }

    /** The options the launcher adds for one command (a branch {@code CMD) opts="$opts ..." ;;} of its case). */
    private static List<String> commandFlags(String script, String command) {
        Matcher m = Pattern.compile("\\n\\s*" + command + "\\) opts=\"\\$opts ([^\"]*)\" ;;").matcher(script);
        assertTrue(m.find(), "the launcher adds options for `eyn " + command + "`");
        return List.of(m.group(1).split(" "));
    }

    @Test
    void theExtensionGivesTheSameFlagsAsTheLauncher() throws IOException {
        String source = Files.readString(EXTENSION);
        assertEquals(Launch.FLAGS, stringArray(source, "JVM_OPTIONS"));
        assertEquals(Launch.LSP_FLAGS, stringArray(source, "LSP_JVM_OPTIONS"));
        assertEquals(Launch.DAP_FLAGS, stringArray(source, "DAP_JVM_OPTIONS"));
    }

    private static List<String> stringArray(String source, String constant) {
        Matcher m = Pattern.compile("export const " + constant + ": readonly string\\[] = \\[([^\\]]*)]").matcher(source);
        assertTrue(m.find(), constant + " in " + EXTENSION);
        List<String> values = new ArrayList<>();
        Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        while (s.find()) values.add(s.group(1));
        return values;
    }
}
