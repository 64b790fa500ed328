package eyn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eyn.Golden;
import eyn.interpreter.ScriptRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code analysis/*.eyn} carries its expected diagnostics as comment lines under the line they
 * mark: {@code #     ^^^ error E111 fd 3 is not open} marks columns 6-8 of the line above ('#'
 * itself is the first caret when a caret follows it). The text after the code must appear in the
 * message. Every diagnostic must be expected and every expectation met. The workspace drive is
 * {@code analysis/disk}.
 */
class AnalysisFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/analysis");
    private static final Pattern MARKER = Pattern.compile("^#( *\\^+|\\^+)\\s+(error|warning|info)\\s+(\\w+)\\s*(.*)$");

    record Expected(int line, int start, int end, String severity, String code, String text) {
        @Override
        public String toString() {
            return (line + 1) + ":" + start + "-" + end + " " + severity + " " + code + " " + text;
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        List<Path> cases = new ArrayList<>(Golden.cases(ROOT, ".eyn"));
        cases.addAll(Golden.cases(ROOT, ".shell")); // EYN-OS 2026 scripts (they say so on their first line)
        assertFalse(cases.isEmpty());
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static Analysis analyze(Path file, String text) {
        Workspace ws = Workspace.of(ScriptRunner.folder(ROOT.resolve("disk")));
        return Analyzer.analyze("/" + file.getFileName(), text, ws, AnalysisSettings.defaults());
    }

    private static void check(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (Golden.BLESS) {
            text = bless(file, text);
        }
        Analysis analysis = analyze(file, text);
        List<Expected> expected = expectations(text);
        List<String> unmatched = new ArrayList<>();
        List<Diagnostic> remaining = new ArrayList<>(analysis.diagnostics());
        for (Expected e : expected) {
            Diagnostic match = remaining.stream().filter(d -> d.line() == e.line && d.startColumn() == e.start && d.endColumn() == e.end
                    && d.code().code.equals(e.code) && d.severity().name().equalsIgnoreCase(e.severity)
                    && d.message().contains(e.text)).findFirst().orElse(null);
            if (match == null) unmatched.add("expected " + e);
            else remaining.remove(match);
        }
        for (Diagnostic d : remaining) unmatched.add("unexpected " + d + "  (cols " + d.startColumn() + "-" + d.endColumn() + ")");
        assertEquals("", unmatched.stream().collect(Collectors.joining("\n")), file.toString());
    }

    /** Rewrites the fixture's markers from what the analysis finds now; review with git diff. */
    private static String bless(Path file, String text) throws Exception {
        List<String> clean = new ArrayList<>();
        for (String line : text.split("\n", -1)) if (!MARKER.matcher(line.replace("\r", "")).matches()) clean.add(line);
        String cleanText = String.join("\n", clean);
        Analysis analysis = analyze(file, cleanText);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < clean.size(); i++) {
            out.append(clean.get(i));
            boolean newline = i < clean.size() - 1;
            if (newline) out.append('\n');
            for (Diagnostic d : analysis.diagnostics()) {
                if (d.line() != i) continue;
                if (!newline) {
                    out.append('\n');
                    newline = true;
                }
                int start = d.startColumn();
                String carets = start == 0 ? "#" + "^".repeat(Math.max(1, d.endColumn() - 1))
                        : "#" + " ".repeat(start - 1) + "^".repeat(Math.max(1, d.endColumn() - start));
                String[] words = d.message().split(" ");
                String gist = String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length)));
                out.append(carets).append(' ').append(d.severity().name().toLowerCase()).append(' ').append(d.code().code)
                        .append(' ').append(gist).append('\n');
            }
        }
        String blessed = out.toString();
        Files.writeString(file, blessed, StandardCharsets.ISO_8859_1);
        return blessed;
    }

    static List<Expected> expectations(String text) {
        List<Expected> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int target = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            Matcher m = MARKER.matcher(line);
            if (!m.matches()) {
                target = i;
                continue;
            }
            int first = line.indexOf('^');
            int last = line.lastIndexOf('^', line.indexOf(' ', first) < 0 ? line.length() : line.indexOf(' ', first));
            int start = first == 1 ? 0 : first;
            out.add(new Expected(target, start, last + 1, m.group(2), m.group(3), m.group(4).strip()));
        }
        return out;
    }
}
