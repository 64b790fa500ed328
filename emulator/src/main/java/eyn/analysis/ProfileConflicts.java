package eyn.analysis;

import eyn.profile.ProfileChoice;

/** One warning per line that belongs to the other OS generation than the one the script is read as. */
final class ProfileConflicts {
    interface Reporter {
        void report(DiagnosticCode code, int line, int start, int end, String message, String data);
    }

    private ProfileConflicts() {}

    static void report(ProfileChoice choice, Reporter out) {
        for (ProfileChoice.Evidence e : choice.conflicts()) {
            out.report(DiagnosticCode.W330, e.line(), e.start(), e.end(), e.what() + " belongs to " + e.profile().title()
                    + ", but this script is read as " + choice.profile().title() + " (" + choice.source().id() + ": "
                    + choice.reason() + ")", e.profile().id());
        }
    }
}
