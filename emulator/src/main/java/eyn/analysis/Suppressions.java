package eyn.analysis;

import eyn.language.LineKind;
import eyn.language.Script;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes switched off by settings or by comment directives in the script:
 * {@code # eyn-disable CODE[,CODE...]} for the whole file, {@code # eyn-disable-next-line CODE...}
 * for the next statement. {@code all} and {@code portability} stand for every code and every P code.
 */
final class Suppressions {
    static final String FILE = "eyn-disable";
    static final String NEXT_LINE = "eyn-disable-next-line";

    private final Set<String> fileWide = new HashSet<>();
    private final Map<Integer, Set<String>> perLine = new HashMap<>();
    /** Whether a comment of the script mentions a directive (false: only the settings switch codes off). */
    private boolean directives;

    /** Only the codes the settings switch off. */
    private Suppressions(AnalysisSettings settings) {
        fileWide.addAll(settings.disabled());
    }

    /**
     * The suppressions of a script whose analysis continues {@code from} (null when it does not): when the
     * earlier version had no directive and no line the edit brought in mentions one, the settings' alone,
     * without going through every line of the script.
     */
    static Suppressions of(Script script, AnalysisSettings settings, Continuation from) {
        if (from != null && !from.previous().mayHaveDirectives() && !from.changedLinesContain(FILE)) return new Suppressions(settings);
        return of(script, settings);
    }

    /** The suppressions of the script an analysis was made of (its dry run's findings are filtered by them). */
    static Suppressions of(Analysis found, AnalysisSettings settings) {
        return found.mayHaveDirectives() ? of(found.script(), settings) : new Suppressions(settings);
    }

    static Suppressions of(Script script, AnalysisSettings settings) {
        Suppressions s = new Suppressions(settings);
        Set<String> pending = null;
        for (int i = 0; i < script.size(); i++) {
            LineKind kind = script.kindOf(i); // lines are read only where they matter: most are neither
            if (kind == LineKind.COMMENT) {
                String text = script.line(i).text();
                if (!text.contains(FILE)) continue; // both directives start with it
                s.directives = true;
                String body = text.substring(1).strip();
                if (body.startsWith(NEXT_LINE)) {
                    pending = codes(body.substring(NEXT_LINE.length()));
                } else if (body.startsWith(FILE)) {
                    s.fileWide.addAll(codes(body.substring(FILE.length())));
                }
            } else if (kind.isStatement() && pending != null) {
                s.perLine.put(i, pending);
                pending = null;
            }
        }
        return s;
    }

    /** Whether a comment of the script mentions a directive. */
    boolean directives() {
        return directives;
    }

    private static Set<String> codes(String list) {
        Set<String> codes = new HashSet<>();
        for (String c : list.split("[,\\s]+")) if (!c.isBlank()) codes.add(c.strip());
        if (codes.isEmpty()) codes.add("all");
        return codes;
    }

    List<Diagnostic> filter(List<Diagnostic> all) {
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : all) {
            if (off(fileWide, d) || off(perLine.getOrDefault(d.line(), Set.of()), d)) continue;
            kept.add(d);
        }
        return kept;
    }

    private static boolean off(Set<String> codes, Diagnostic d) {
        return codes.contains(d.code().code) || codes.contains("all") || (d.code().portability() && codes.contains("portability"));
    }
}
