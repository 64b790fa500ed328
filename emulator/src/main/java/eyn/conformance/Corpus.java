package eyn.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The conformance corpus: sessions of lines typed at EYN-OS's prompt ({@code sessions/NAME.txt}) and
 * what the real OS printed for each ({@code recorded/NAME.out}).
 *
 * <p>Session files are what the real-OS driver reads (blank lines and {@code #} comments skipped,
 * {@code @keys:} lines are key presses). A comment {@code #@ ID ID ...} annotates the next line: the
 * ids of the deviations ({@code docs/deviations.md}) that explain why the emulator's default (fixed)
 * mode prints something else, and the tags that say why faithful mode does not print the same either:
 * {@code uninit} (the OS prints uninitialised memory), {@code interactive} (a full-screen program),
 * {@code dirorder} (the image's directory order, which a host folder does not have) and {@code heap}
 * (heap counters that include the OS's boot-time and internal allocations and its allocator's limits).
 *
 * <p>Transcripts hold {@code $ LINE} per case, then each output line prefixed by {@code |}, and
 * {@code ! no prompt} when no prompt came back.
 */
public final class Corpus {
    public static final Set<String> TAGS = Set.of("uninit", "interactive", "dirorder", "heap");

    /** One typed line with its annotations and what the OS printed. */
    public record Case(String session, int number, String line, Set<String> deviations, Set<String> tags,
                       List<String> recorded, boolean noPrompt) {
        public boolean keys() {
            return line.startsWith("@keys:");
        }

        /** Faithful mode cannot reproduce this case (uninitialised memory, a full-screen program). */
        public boolean unreproducible() {
            return !tags.isEmpty();
        }

        public String where() {
            return session + ":" + number;
        }
    }

    /** {@code recorded} is false when the session has no transcript yet (its cases then record nothing). */
    public record Session(String name, List<Case> cases, boolean recorded) {}

    private Corpus() {}

    /** Every session under {@code root/sessions} with its transcript under {@code root/recorded}, by name. */
    public static List<Session> load(Path root) throws IOException {
        List<Session> sessions = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("sessions"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString().replaceFirst("\\.txt$", "");
                Path out = root.resolve("recorded").resolve(name + ".out");
                sessions.add(session(name, Files.readString(p, StandardCharsets.UTF_8),
                        Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null));
            }
        }
        return sessions;
    }

    /** Parses one session; {@code transcript} may be null (not recorded yet: every case records nothing). */
    public static Session session(String name, String text, String transcript) {
        List<String> lines = new ArrayList<>();
        List<Set<String>> ids = new ArrayList<>();
        List<Set<String>> tags = new ArrayList<>();
        Set<String> pendingIds = new LinkedHashSet<>();
        Set<String> pendingTags = new LinkedHashSet<>();
        for (String raw : text.split("\n", -1)) {
            String l = raw.replaceAll("[\r\n]+$", "");
            String t = l.strip();
            if (t.startsWith("#@")) {
                for (String word : t.substring(2).trim().split("\\s+")) {
                    if (word.isEmpty()) continue;
                    if (TAGS.contains(word)) pendingTags.add(word);
                    else pendingIds.add(word);
                }
                continue;
            }
            if (t.isEmpty() || t.startsWith("#")) continue;
            lines.add(l);
            ids.add(Set.copyOf(pendingIds));
            tags.add(Set.copyOf(pendingTags));
            pendingIds.clear();
            pendingTags.clear();
        }
        List<Recorded> recorded = transcript == null ? List.of() : transcript(transcript);
        if (transcript != null && recorded.size() != lines.size()) {
            throw new IllegalArgumentException(name + ": the session has " + lines.size() + " lines, its transcript "
                    + recorded.size() + " cases: record it again");
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Recorded r = recorded.isEmpty() ? new Recorded(lines.get(i), List.of(), false) : recorded.get(i);
            if (!r.line.equals(lines.get(i))) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": the session says '" + lines.get(i)
                        + "', its transcript '" + r.line + "': record it again");
            }
            cases.add(new Case(name, i + 1, lines.get(i), ids.get(i), tags.get(i), r.output, r.noPrompt));
        }
        return new Session(name, cases, transcript != null);
    }

    private record Recorded(String line, List<String> output, boolean noPrompt) {}

    private static List<Recorded> transcript(String text) {
        List<Recorded> cases = new ArrayList<>();
        String line = null;
        List<String> output = null;
        boolean noPrompt = false;
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("$ ")) {
                if (line != null) cases.add(new Recorded(line, List.copyOf(output), noPrompt));
                line = l.substring(2);
                output = new ArrayList<>();
                noPrompt = false;
            } else if (l.startsWith("|") && output != null) {
                output.add(l.substring(1));
            } else if (l.startsWith("! ") && output != null) {
                noPrompt = true;
            }
        }
        if (line != null) cases.add(new Recorded(line, List.copyOf(output), noPrompt));
        return cases;
    }
}
