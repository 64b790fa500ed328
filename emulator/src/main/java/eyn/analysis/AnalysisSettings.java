package eyn.analysis;

import java.util.Set;

/**
 * How to analyse: whether portability warnings are on, codes switched off, the fd limit of the
 * machine the script targets, and whether to dry-run the script on the emulator for runtime facts.
 */
public record AnalysisSettings(boolean portability, Set<String> disabled, int fdLimit, boolean dryRun) {
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(true, Set.of(), 16, true);
    }

    public AnalysisSettings withPortability(boolean on) {
        return new AnalysisSettings(on, disabled, fdLimit, dryRun);
    }

    public AnalysisSettings withDisabled(Set<String> codes) {
        return new AnalysisSettings(portability, Set.copyOf(codes), fdLimit, dryRun);
    }

    public AnalysisSettings withDryRun(boolean on) {
        return new AnalysisSettings(portability, disabled, fdLimit, on);
    }
}
