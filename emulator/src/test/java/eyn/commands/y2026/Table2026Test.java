package eyn.commands.y2026;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.commands.ArgSpec;
import eyn.commands.Category;
import eyn.commands.CommandSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Table2026Test {
    @Test
    void theTableHasTheReferencesHundredAndTenProgramsInItsCategories() {
        List<CommandSpec> specs = Table2026.specs();
        assertEquals(110, specs.size());
        Set<String> names = new HashSet<>();
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (CommandSpec s : specs) {
            assertTrue(names.add(s.name()), "twice: " + s.name());
            counts.merge(s.category(), 1, Integer::sum);
        }
        assertEquals(Map.of(Category.FILESYSTEM, 16, Category.SYSTEM, 9, Category.NETWORK, 6, Category.MEMORY, 7, Category.GUI, 12,
                Category.DEVELOPMENT, 9, Category.UTILITY, 51), counts);
        assertEquals(110, Commands2026.INSTANCE.all().size());
    }

    @Test
    void everyProgramHasABehaviourADescriptionAndDocumentedArguments() {
        for (CommandSpec s : Table2026.specs()) {
            assertNotNull(Commands2026.INSTANCE.behaviour(s.name()), "no behaviour for " + s.name());
            assertFalse(s.summary().isBlank(), s.name());
            assertFalse(s.doc().isBlank(), s.name());
            assertFalse(s.parsesArgs(), s.name());
            assertTrue(s.usage().startsWith(s.name()) || s.name().equals("cat") || s.name().equals("view_backend_builtin"),
                    s.name() + " usage starts with its name: " + s.usage());
            assertFalse(s.usageLines().isEmpty(), s.name());
            for (ArgSpec a : s.args()) assertFalse(a.doc().isBlank(), s.name() + " " + a.name());
        }
    }

    @Test
    void theImplementedAndTheUnavailableProgramsDoNotOverlap() {
        Map<String, eyn.commands.Command> implemented = new HashMap<>();
        FilePrograms.register(implemented);
        TextPrograms.register(implemented);
        SystemPrograms.register(implemented);
        MemoryPrograms.register(implemented);
        Set<String> unavailable = new HashSet<>();
        for (List<String> names : Unavailable.BY_KIND.values()) {
            for (String n : names) {
                assertTrue(unavailable.add(n), "twice: " + n);
                assertFalse(implemented.containsKey(n), n + " is both implemented and unavailable");
                assertNotNull(Commands2026.INSTANCE.spec(n), n + " is not in the table");
            }
        }
        for (String n : implemented.keySet()) assertNotNull(Commands2026.INSTANCE.spec(n), n + " is not in the table");
        assertEquals(110, implemented.size() + unavailable.size());
    }

    /** The first usage line of every program is the one its P-69dcb7a source prints (drive comes from the newer P-c8280bd). */
    @Test
    void usageLinesMatchThePackageSources() throws IOException {
        Path file = Path.of("src/test/resources/y2026/usage-lines-P69dcb7a.txt");
        int checked = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\\|", 2);
            CommandSpec s = Commands2026.INSTANCE.spec(parts[0]);
            if (s == null || !parts[1].startsWith("Usage:") || parts[0].equals("drive")) continue;
            assertEquals(parts[1], s.usageLines().get(0), parts[0]);
            checked++;
        }
        assertTrue(checked > 80, "checked " + checked);
        assertEquals("Usage: drive <logical-drive|label|RAM>", Commands2026.INSTANCE.spec("drive").usageLines().get(0));
    }
}
