package eyn.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyn.commands.builtin.Builtins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    static final List<String> REQUIRED = List.of("predict", "memory_stats", "zopen", "zclose", "zread", "zwrite", "zseek",
            "zsplice", "ztee", "zstats", "mmap", "munmap", "msync", "echo", "ver", "help", "clear", "exit", "memory", "drive",
            "ls", "cd", "read", "del", "makedir", "deldir", "copy", "move", "size", "fscheck", "random", "calc", "sort",
            "search", "hexdump", "run", "write");

    @Test
    void everyCommandTheIssueNamesIsDescribedAndImplemented() {
        for (String name : REQUIRED) {
            CommandSpec spec = CommandTable.get(name);
            assertNotNull(spec, name);
            assertNotNull(Builtins.get(name), "no behaviour for " + name);
        }
        for (CommandSpec spec : CommandTable.all()) {
            assertNotNull(Builtins.get(spec.name()), "no behaviour for " + spec.name());
            assertFalse(spec.summary().isBlank(), spec.name());
            assertTrue(spec.usage().startsWith(spec.name()), spec.name() + " usage starts with its name");
            assertFalse(spec.usageLines().isEmpty(), spec.name());
            for (ArgSpec a : spec.args()) assertFalse(a.doc().isBlank(), spec.name() + " " + a.name());
        }
    }

    @Test
    void everyCommandRunsInAtLeastOneFixture() throws IOException {
        String all;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/run"))) {
            all = files.filter(p -> p.toString().endsWith(".eyn")).map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        Set<String> used = all.lines().map(String::strip).map(l -> l.split(" ")[0]).collect(Collectors.toSet());
        for (CommandSpec spec : CommandTable.all()) assertTrue(used.contains(spec.name()), spec.name() + " has no run fixture");
    }

    @Test
    void theCheckerReportsWhichArgumentIsWrong() {
        CommandSpec zseek = CommandTable.get("zseek");
        String line = "zseek 0 12 sideways";
        var result = ArgChecker.check(zseek, line, ArgChecker.split(line).subList(1, 4));
        assertFalse(result.ok());
        assertEquals(2, result.problem().wordIndex());
        assertTrue(result.problem().message().contains("sideways"));
        String good = "zseek 3 -4 end";
        var ok = ArgChecker.check(zseek, good, ArgChecker.split(good).subList(1, 4));
        assertTrue(ok.ok());
        assertEquals(3L, ok.args().number(0));
        assertEquals(-4L, ok.args().number(1));
    }
}
