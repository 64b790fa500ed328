package eyn.debug;

import eyn.analysis.AnalysisSettings;
import eyn.analysis.Analyzer;
import eyn.analysis.Diagnostic;
import eyn.analysis.Workspace;
import eyn.interpreter.Location;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines the "Portability warning" exception filter stops before: those the analyzer marks with
 * a portability diagnostic, per script, computed once. {@code text} reads a script's text by its
 * path on the drive (null when it cannot be read).
 */
public final class PortabilityStops implements Function<Location, String> {
    private final Function<String, String> text;
    private final boolean enabled;
    private final Map<String, Set<Integer>> lines = new HashMap<>();

    public PortabilityStops(Function<String, String> text, boolean enabled) {
        this.text = text;
        this.enabled = enabled;
    }

    @Override
    public synchronized String apply(Location at) {
        Set<Integer> found = lines.computeIfAbsent(at.path(), this::scan);
        return found.contains(at.line()) ? "behaves differently on the real EYN-OS (see the portability warning)" : null;
    }

    private Set<Integer> scan(String path) {
        Set<Integer> found = new HashSet<>();
        if (!enabled) return found;
        try {
            String source = text.apply(path);
            if (source == null) return found;
            var analysis = Analyzer.analyze(path.startsWith("/") ? path : null, source, Workspace.NONE,
                    AnalysisSettings.defaults().withDryRun(false));
            for (Diagnostic d : analysis.diagnostics()) if (d.code().portability()) found.add(d.line());
        } catch (RuntimeException e) {
            // a script that cannot be analysed has no portability warnings to stop on
        }
        return found;
    }
}
