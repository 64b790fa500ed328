package eyn.analysis;

import eyn.machine.Fidelity;
import eyn.profile.Profile;
import eyn.profile.Profiles;
import java.util.Set;

/**
 * How to analyse: whether portability warnings are on, codes switched off, the fd limit of the
 * machine the script targets, whether to dry-run the script on the emulator for runtime facts, the
 * profile setting ({@code auto}, {@code r13}, {@code 2026}) with the workspace default that
 * {@code auto} falls back to, and the fidelity the emulator runs with.
 */
public record AnalysisSettings(boolean portability, Set<String> disabled, int fdLimit, boolean dryRun,
                               String profile, Profile defaultProfile, Fidelity fidelity) {
    public AnalysisSettings(boolean portability, Set<String> disabled, int fdLimit, boolean dryRun) {
        this(portability, disabled, fdLimit, dryRun, "auto", Profiles.R13, Fidelity.FIXED);
    }

    public AnalysisSettings {
        if (profile == null) profile = "auto";
        if (defaultProfile == null) defaultProfile = Profiles.R13;
        if (fidelity == null) fidelity = Fidelity.FIXED;
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(true, Set.of(), 16, true);
    }

    public AnalysisSettings withPortability(boolean on) {
        return new AnalysisSettings(on, disabled, fdLimit, dryRun, profile, defaultProfile, fidelity);
    }

    public AnalysisSettings withDisabled(Set<String> codes) {
        return new AnalysisSettings(portability, Set.copyOf(codes), fdLimit, dryRun, profile, defaultProfile, fidelity);
    }

    public AnalysisSettings withDryRun(boolean on) {
        return new AnalysisSettings(portability, disabled, fdLimit, on, profile, defaultProfile, fidelity);
    }

    /** {@code setting}: auto, r13 or 2026 (anything else counts as auto). */
    public AnalysisSettings withProfile(String setting, Profile workspaceDefault) {
        return new AnalysisSettings(portability, disabled, fdLimit, dryRun, setting, workspaceDefault, fidelity);
    }

    public AnalysisSettings withFidelity(Fidelity f) {
        return new AnalysisSettings(portability, disabled, fdLimit, dryRun, profile, defaultProfile, f);
    }
}
