package eyn.analysis;

import eyn.machine.Fidelity;
import java.util.Set;

/**
 * How to analyse: whether portability warnings are on, codes switched off, the fd limit of the
 * machine the script targets, whether to dry-run the script on the emulator for runtime facts, and
 * the fidelity of that dry run's machine.
 */
public record AnalysisSettings(boolean portability, Set<String> disabled, int fdLimit, boolean dryRun, Fidelity fidelity) {
    public AnalysisSettings {
        if (fidelity == null) fidelity = Fidelity.FIXED;
    }

    public AnalysisSettings(boolean portability, Set<String> disabled, int fdLimit, boolean dryRun) {
        this(portability, disabled, fdLimit, dryRun, Fidelity.FIXED);
    }

    public AnalysisSettings withFidelity(Fidelity f) {
        return new AnalysisSettings(portability, disabled, fdLimit, dryRun, f);
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(true, Set.of(), 16, true);
    }

    public AnalysisSettings withPortability(boolean on) {
        return new AnalysisSettings(on, disabled, fdLimit, dryRun, fidelity);
    }

    public AnalysisSettings withDisabled(Set<String> codes) {
        return new AnalysisSettings(portability, Set.copyOf(codes), fdLimit, dryRun, fidelity);
    }

    public AnalysisSettings withDryRun(boolean on) {
        return new AnalysisSettings(portability, disabled, fdLimit, on, fidelity);
    }
}
