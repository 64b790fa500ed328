package eyn.analysis;

import eyn.language.Dialect;
import eyn.language.Script;
import eyn.profile.ProfileChoice;

/**
 * The analysis an editor request at one line needs (completion, hover, signature help), made from
 * the cursor rather than from a pass over the whole file: the flow state before that line comes from
 * the newest whole-file analysis of an earlier version, taken at the last line before the first
 * change that no block spans, and carried forward over the few lines up to the request's line.
 * The answers are the same as from a whole-file analysis of this version (a randomized test checks
 * it); what only a dry run knows (mapping addresses) comes from the earlier version's dry run, and
 * there are no diagnostics: those follow from the whole-file analysis in the background.
 */
public final class CursorAnalysis {
    private CursorAnalysis() {}

    /**
     * @param previous the newest complete analysis of an earlier version of the same document, made
     *                 with the same settings and workspace, or null
     */
    public static Analysis at(Script script, ProfileChoice choice, Analysis previous, int line, String scriptPath,
                              Workspace workspace, AnalysisSettings settings) {
        if (script.dialect() != choice.profile().dialect()) throw new IllegalArgumentException("the script is not in the chosen profile's dialect");
        int target = Math.max(0, Math.min(line, script.size() - 1));
        Continuation continuation = script.dialect() == Dialect.D2 ? Continuation.of(previous, script, choice) : null;
        if (continuation != null) return Analyzer.window(script, scriptPath, workspace, settings, choice, continuation, target);
        int from = 0;
        FlowState start = new FlowState();
        if (previous != null && previous.complete() && previous.profile() == choice.profile()
                && previous.script().dialect() == script.dialect()) {
            int changed = Script.firstDifference(previous.script(), script);
            from = previous.restartLine(Math.min(changed, target));
            start = previous.stateBefore(from);
        }
        if (script.dialect() == Dialect.D3) {
            return new D3Analyzer(script, "", scriptPath, workspace, settings, choice).window(from, start, target);
        }
        return Analyzer.window(script, scriptPath, workspace, settings, choice, from, start, target, previous);
    }
}
