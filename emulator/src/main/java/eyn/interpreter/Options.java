package eyn.interpreter;

import eyn.profile.Profile;
import eyn.profile.Profiles;

/**
 * Interpreter settings. {@code maxSteps} bounds the statements one run may execute (0: no bound);
 * {@code profile} is the OS generation whose dialect and commands the scripts use.
 */
public record Options(long maxSteps, Profile profile) {
    public Options(long maxSteps) {
        this(maxSteps, Profiles.R13);
    }

    public Options {
        if (profile == null) profile = Profiles.R13;
    }

    public static Options defaults() {
        return new Options(0);
    }

    public Options withProfile(Profile p) {
        return new Options(maxSteps, p);
    }
}
