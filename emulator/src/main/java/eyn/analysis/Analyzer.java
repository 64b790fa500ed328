package eyn.analysis;

import eyn.commands.ArgChecker;
import eyn.commands.ArgKind;
import eyn.commands.ArgSpec;
import eyn.commands.CommandSpec;
import eyn.commands.CommandTable;
import eyn.language.Expander;
import eyn.language.Limits;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.LineShift;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.Severity;
import eyn.language.SyntaxProblem;
import eyn.language.Word;
import eyn.machine.MachineConfig;
import eyn.machine.disk.Drive;
import eyn.machine.disk.FsPath;
import eyn.machine.files.Mode;
import eyn.profile.ProfileChoice;
import eyn.profile.ProfileChooser;
import eyn.profile.Profiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static analysis of a script: syntax, command arguments checked against the command table, limits,
 * variables, and a flow analysis through ifs and loops of fds, mappings, the current directory and
 * files; then portability warnings and, optionally, facts from a dry run on the emulator.
 */
public final class Analyzer {
    private static final Set<String> DIRECTIVE_WORDS = Set.of("set", "ifeq", "ifneq", "loop", "else", "endif", "endloop");

    private final Script script;
    private final String scriptPath;
    private final Workspace workspace;
    private final AnalysisSettings settings;
    /** The flow diagnostics, line by line: taken over from an earlier analysis or found here. */
    private final MovedList.Builder<Diagnostic> flowOut = new MovedList.Builder<>(Continuation::moved);
    /** The diagnostics of the whole (after the lines): reported once the flow is done. */
    private List<Diagnostic> out;
    private FlowState[] before;
    /** The first line {@code before} holds (non-zero when analysing a window for one request). */
    private int base;
    private final java.util.BitSet topLevel = new java.util.BitSet();
    private FlowState state = new FlowState();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final MovedList.Builder<Analysis.Occurrence> variables = new MovedList.Builder<>(Analysis.Occurrence::moved);
    private final MovedList.Builder<Analysis.FdOccurrence> fdOccurrences = new MovedList.Builder<>(Analysis.FdOccurrence::moved);
    private final MovedList.Builder<Analysis.FdHint> fdHints = new MovedList.Builder<>(Analysis.FdHint::moved);
    private final Map<String, Integer> firstDefinition = new LinkedHashMap<>();

    private static final class Block {
        final int line;
        final boolean loop;
        final FlowState entry;
        FlowState thenEnd;
        Boolean truth;
        Long count;
        int netOpens;

        Block(int line, boolean loop, FlowState entry) {
            this.line = line;
            this.loop = loop;
            this.entry = entry;
        }
    }

    private final ProfileChoice choice;

    private Analyzer(Script script, String scriptPath, Workspace workspace, AnalysisSettings settings,
                     ProfileChoice choice) {
        this.choice = choice;
        this.script = script;
        this.scriptPath = scriptPath;
        this.workspace = workspace;
        this.settings = settings;
    }

    /** Analyses a script. {@code scriptPath} is where it is on the workspace drive (null when it is not). */
    public static Analysis analyze(String scriptPath, String text, Workspace workspace, AnalysisSettings settings) {
        String name = scriptPath == null ? "script.eyn" : scriptPath;
        ProfileChoice choice = choose(text, settings);
        return analyze(Parser.parse(name, text, choice.profile().dialect()), text, scriptPath, workspace, settings, choice);
    }

    /** The profile a text is analysed under with these settings. */
    public static ProfileChoice choose(String text, AnalysisSettings settings) {
        return ProfileChooser.choose(text, settings.profile(), settings.defaultProfile());
    }

    /** The same for a text given as its lines. */
    public static ProfileChoice choose(List<String> lines, AnalysisSettings settings) {
        return ProfileChooser.choose(lines, settings.profile(), settings.defaultProfile());
    }

    /** Analyses a script parsed in the dialect of {@code choice}'s profile. */
    public static Analysis analyze(Script script, String text, String scriptPath, Workspace workspace, AnalysisSettings settings,
                                   ProfileChoice choice) {
        Analysis found = analyzeWithoutDryRun(script, text, scriptPath, workspace, settings, choice);
        return wantsDryRun(found, text, workspace, settings) ? withDryRun(found, text, scriptPath, workspace, settings) : found;
    }

    /**
     * Everything but the dry run: what the language server publishes first, while the dry run (which
     * executes the script and may take up to its time budget) goes on beside it.
     */
    public static Analysis analyzeWithoutDryRun(Script script, String text, String scriptPath, Workspace workspace,
                                                AnalysisSettings settings, ProfileChoice choice) {
        return analyzeWithoutDryRun(script, text, scriptPath, workspace, settings, choice, null);
    }

    /**
     * The same, for a new version of a document whose earlier version's complete analysis is
     * {@code previous} (made with the same settings and workspace; null when there is none): the
     * lines before the first change and after the last are not analysed again where their flow
     * state is the same as before (see {@link Continuation}), so the cost follows the edit rather
     * than the file's length. The result is the same as without {@code previous}.
     */
    public static Analysis analyzeWithoutDryRun(Script script, String text, String scriptPath, Workspace workspace,
                                                AnalysisSettings settings, ProfileChoice choice, Analysis previous) {
        return analyzeWithoutDryRun(script, () -> text, scriptPath, workspace, settings, choice, previous);
    }

    /**
     * The same with the text made only if it is needed (a Release 13 analysis reads the parse alone, and
     * a document's text is its lines joined: at 200,000 lines, 5 MB per version).
     */
    public static Analysis analyzeWithoutDryRun(Script script, java.util.function.Supplier<String> text, String scriptPath,
                                                Workspace workspace, AnalysisSettings settings, ProfileChoice choice, Analysis previous) {
        if (script.dialect() != choice.profile().dialect()) {
            script = Parser.parse(script.name(), text.get(), choice.profile().dialect());
        }
        // the one place the profile picks the analysis: the D3 dialect has its own line checks
        if (script.dialect() == eyn.language.Dialect.D3) {
            return new D3Analyzer(script, text.get(), scriptPath, workspace, settings, choice).run();
        }
        return new Analyzer(script, scriptPath, workspace, settings, choice).run(Continuation.of(previous, script, choice));
    }

    /**
     * How many lines of {@code script} differ from those {@code earlier} was made of, counted in the regions
     * they differ in: at least what a continuation of {@code earlier} has to analyse again (a caller
     * holding several earlier analyses continues the closest).
     */
    public static int differingLines(Analysis earlier, Script script) {
        int lines = 0;
        for (eyn.language.LineDiff.Region r : eyn.language.LineDiff.of(earlier.script(), script, Continuation.MAX_EDITS)) {
            lines += Math.max(r.oldEnd() - r.oldStart(), r.newEnd() - r.newStart());
        }
        return lines;
    }

    /** Whether a dry run could add anything: a Release 13 script that opens or maps files, on a known drive. */
    public static boolean wantsDryRun(Analysis analysis, String text, Workspace workspace, AnalysisSettings settings) {
        return wantsDryRun(analysis, () -> text, workspace, settings);
    }

    /** The same, reading the text (made on demand) only for a script short enough to be run. */
    public static boolean wantsDryRun(Analysis analysis, java.util.function.Supplier<String> source, Workspace workspace,
                                      AnalysisSettings settings) {
        if (!settings.dryRun() || workspace.drive() == null || !analysis.complete()) return false;
        if (analysis.script().dialect() != eyn.language.Dialect.D2 || analysis.script().size() > DryRun.MAX_LINES) return false;
        String text = source.get();
        return text.contains("zopen") || text.contains("mmap") || text.contains("msync") || text.contains("munmap");
    }

    /**
     * The analysis with the dry run's facts added: fds and addresses the emulator returned, mappings,
     * and msync/munmap of addresses that are not mapped when the line runs.
     */
    public static Analysis withDryRun(Analysis found, String text, String scriptPath, Workspace workspace, AnalysisSettings settings) {
        Script script = found.script();
        DryRun run = DryRun.of(scriptPath == null ? "/script.eyn" : scriptPath, text, workspace.drive(), MachineConfig.DEFAULT_RAM,
                settings.fidelity());
        // the flow's hints stand; the dry run adds the lines where it saw one fd
        java.util.TreeMap<Integer, Integer> hints = new java.util.TreeMap<>();
        run.fds.forEach((line, values) -> {
            if (values.size() == 1) hints.put(line, values.iterator().next());
        });
        for (Analysis.FdHint h : found.fdHints()) hints.put(h.line(), h.fd());
        List<Analysis.FdHint> fdHints = new ArrayList<>(hints.size());
        hints.forEach((line, fd) -> fdHints.add(new Analysis.FdHint(line, fd)));
        Map<Integer, Long> addressHints = new HashMap<>();
        run.addresses.forEach((line, values) -> {
            if (values.size() == 1) addressHints.put(line, values.iterator().next());
        });
        List<Diagnostic> added = new ArrayList<>();
        run.notMapped.forEach((line, address) -> {
            if (found.diagnostics().stream().anyMatch(d -> d.line() == line && d.code() == DiagnosticCode.E117)) return;
            Word arg = argumentOrHead(script.line(line));
            added.add(new Diagnostic(DiagnosticCode.E117, DiagnosticCode.E117.severity, line, arg.start(), Math.max(arg.start() + 1, arg.end()),
                    "No mapping starts at " + address + " when this line runs on the emulator"
                            + (run.mappings.isEmpty() ? "" : " (mmap returned " + addresses(run.mappings) + ")"), null));
        });
        for (int line : run.readOnlySync) {
            Word arg = argumentOrHead(script.line(line));
            added.add(new Diagnostic(DiagnosticCode.E126, DiagnosticCode.E126.severity, line, arg.start(), Math.max(arg.start() + 1, arg.end()),
                    "The mapping at this address is read-only: msync fails", null));
        }
        List<Diagnostic> all = new ArrayList<>(found.diagnostics());
        all.addAll(Suppressions.of(found, settings).filter(added));
        all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::startColumn));
        return found.withDryRunFacts(all, fdHints, addressHints, run.mappings);
    }

    private static Word argumentOrHead(ScriptLine l) {
        return l.words().size() > 1 ? l.words().get(1) : l.head();
    }

    /** Documents longer than this many characters get their syntax checked only (no flow analysis, no dry run). */
    public static final int FULL_ANALYSIS_LIMIT = 16 << 20;

    /** The parser's problems as diagnostics (those with a diagnostic code), in a list the caller may add to. */
    static List<Diagnostic> syntaxDiagnostics(Script script) {
        List<Diagnostic> out = new ArrayList<>();
        for (SyntaxProblem p : script.problems()) {
            DiagnosticCode code = DiagnosticCode.of(p.code());
            if (code != null) out.add(new Diagnostic(code, p.severity(), p.line(), p.startColumn(), p.endColumn(), p.message(), null));
        }
        return out;
    }

    /**
     * The degraded analysis of a document over {@link #FULL_ANALYSIS_LIMIT}: the parser's problems and
     * one note that says so, so that an editor stays responsive on a huge file and tells the user why.
     */
    public static Analysis syntaxOnly(Script script, int length, ProfileChoice choice) {
        List<Diagnostic> out = syntaxDiagnostics(script);
        int end = script.size() == 0 ? 1 : Math.max(1, Math.min(script.line(0).raw().length(), 200));
        out.add(new Diagnostic(DiagnosticCode.I332, Severity.INFO, 0, 0, end, "This document has " + length + " characters: over "
                + (FULL_ANALYSIS_LIMIT >> 20) + " MiB the language server checks its syntax only (no flow analysis, no dry run)", null));
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::startColumn));
        return new Analysis(choice, script, out, new FlowState[0], List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    public static Analysis analyze(Script script, String text, String scriptPath, Workspace workspace, AnalysisSettings settings) {
        return analyze(script, text, scriptPath, workspace, settings, choose(text, settings));
    }

    private Analysis run(Continuation from) {
        int n = script.size();
        before = new FlowState[n + 1];
        int i = from == null ? 0 : adoptPrefix(from);
        int analysed = 0;
        boolean joined = false;
        while (i < n) {
            if ((i & 1023) == 0) Cancel.stopIfRequested();
            if (blocks.isEmpty()) {
                topLevel.set(i);
                // the earlier version's findings hold up to the next changed region (to the end after the last)
                int next = from == null ? -1 : from.joinUntil(i, state, firstDefinition.keySet());
                if (next > i) {
                    adopt(from, i, next);
                    i = next;
                    if (i == n) {
                        joined = true;
                        break;
                    }
                    topLevel.set(i);
                }
            }
            before[i] = state.freeze();
            visit(script.line(i));
            analysed++;
            i++;
        }
        if (!joined) before[n] = state.freeze();
        MovedList<Diagnostic> flow = flowOut.build();
        MovedList<Analysis.Occurrence> vars = variables.build();
        out = new ArrayList<>();
        finish(vars);
        ProfileConflicts.report(choice, this::report);
        List<Diagnostic> all = syntaxDiagnostics(script);
        all.addAll(flow);
        all.addAll(out);
        Suppressions suppressions = Suppressions.of(script, settings, from);
        List<Diagnostic> kept = suppressions.filter(all);
        kept.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::startColumn));
        return new Analysis(choice, script, kept, before, shifts, 0, topLevel, flow, vars, fdOccurrences.build(), fdHints.build(), Map.of(), List.of())
                .counting(analysed).defining(firstDefinition).directives(suppressions.directives());
    }

    /** How the states of {@code before} name lines, where they were reused from an earlier version (null until one is). */
    private LineShift[] shifts;

    /** Takes everything before the earlier version's restart line; returns the line to go on from. */
    private int adoptPrefix(Continuation from) {
        Analysis previous = from.previous();
        int r = from.restart();
        for (int k = 0; k < r; k++) {
            before[k] = previous.storedState(k);
            LineShift shift = previous.storedShift(k);
            if (shift != null) shiftsForWrite()[k] = shift;
        }
        topLevel.or(previous.topLevelLines().get(0, r));
        state = previous.stateBefore(r);
        takeFindings(from, 0, r, 0, LineShift.NONE); // before the first change nothing has moved
        return r;
    }

    /**
     * Takes the earlier version's findings for lines [i, end) (and the state before {@code end}), where the
     * analysis has joined it: states, top-level lines, diagnostics and occurrences, with their lines moved.
     */
    private void adopt(Continuation from, int i, int end) {
        Analysis previous = from.previous();
        int j = from.oldLine(i);
        int delta = i - j;
        int oldEnd = end - delta;
        java.util.IdentityHashMap<LineShift, LineShift> composed = new java.util.IdentityHashMap<>();
        FlowState lastState = null;
        FlowState lastShifted = null;
        // neighbouring lines mostly share their shift: the map is asked only when it changes (a lookup per line
        // showed in profiles of continued analyses at 50,000 lines)
        LineShift lastWas = null;
        LineShift now = null;
        for (int k = i; k <= end; k++) {
            FlowState stored = previous.storedState(k - delta);
            LineShift was = previous.storedShift(k - delta);
            if (was == null) was = LineShift.NONE;
            if (was != lastWas) {
                lastWas = was;
                now = composed.computeIfAbsent(was, w -> w.then(from.edit()));
            }
            if (now.steps() > LineShift.MAX_STEPS) {
                // a state moved by many edits is translated once here rather than on every read
                if (stored != lastState) {
                    lastState = stored;
                    lastShifted = stored.shifted(now);
                }
                before[k] = lastShifted;
            } else {
                before[k] = stored;
                if (!now.identity()) shiftsForWrite()[k] = now;
            }
        }
        java.util.BitSet old = previous.topLevelLines();
        for (int b = old.nextSetBit(j); b >= 0 && b < oldEnd; b = old.nextSetBit(b + 1)) topLevel.set(b + delta);
        takeFindings(from, j, oldEnd, delta, from.edit());
        state = stateBefore(end);
        // short of the end, line `end` is analysed next and stores its own state, in this version's numbering
        if (end < script.size() && shifts != null) shifts[end] = null;
    }

    /**
     * The earlier version's findings on its lines [oldStart, oldEnd), which are this version's lines moved by
     * {@code delta}: diagnostics, occurrences and fd hints as stretches read through {@code shift} (see
     * {@link MovedList}), first sets with their lines moved.
     */
    private void takeFindings(Continuation from, int oldStart, int oldEnd, int delta, LineShift shift) {
        Analysis previous = from.previous();
        take(flowOut, previous.flowDiagnostics(), Diagnostic::line, oldStart, oldEnd, shift);
        take(variables, previous.variables(), Analysis.Occurrence::line, oldStart, oldEnd, shift);
        take(fdOccurrences, previous.fdOccurrences(), Analysis.FdOccurrence::line, oldStart, oldEnd, shift);
        take(fdHints, previous.fdHints(), Analysis.FdHint::line, oldStart, oldEnd, shift);
        takeDefinitions(from, oldStart + delta, oldEnd + delta, delta);
    }

    /** The items of a line-ordered list of the earlier version on its lines [oldStart, oldEnd), moved by {@code shift}. */
    private static <T> void take(MovedList.Builder<T> into, List<T> earlier, java.util.function.ToIntFunction<T> lineOf, int oldStart,
                                 int oldEnd, LineShift shift) {
        into.addFrom(earlier, Continuation.firstAtOrAfter(earlier, oldStart, lineOf), Continuation.firstAtOrAfter(earlier, oldEnd, lineOf), shift);
    }

    private FlowState stateBefore(int k) {
        return before[k].shifted(shifts == null ? null : shifts[k]);
    }

    private LineShift[] shiftsForWrite() {
        if (shifts == null) shifts = new LineShift[before.length];
        return shifts;
    }

    /**
     * The facts for a request at line {@code to}: lines {@code from..to} analysed from {@code start}, the
     * state before a line no block spans (so nothing before it is needed), with no diagnostics.
     */
    static Analysis window(Script script, String scriptPath, Workspace workspace, AnalysisSettings settings, ProfileChoice choice,
                           int from, FlowState start, int to, Analysis previous) {
        return new Analyzer(script, scriptPath, workspace, settings, choice).window(from, start, to, previous);
    }

    /**
     * The same, continuing the newest complete analysis of an earlier version ({@code from}) the way the
     * whole-file analysis does: the lines near each changed region before the request's line are analysed,
     * the stretches between them taken over from the earlier version where the states join again, and the
     * lines from the last place taken over to {@code to} analysed. A keystroke and the undo of another far
     * before it (the earlier analysis made in the middle of a burst) then cost the lines near both edits,
     * not every line between them.
     */
    static Analysis window(Script script, String scriptPath, Workspace workspace, AnalysisSettings settings, ProfileChoice choice,
                           Continuation from, int to) {
        return new Analyzer(script, scriptPath, workspace, settings, choice).window(from, to);
    }

    private Analysis window(Continuation from, int to) {
        Analysis previous = from.previous();
        int last = Math.min(to, script.size() - 1);
        // lines before the first change are the earlier version's: start at the last line before both it and the request's that no block spans
        int i = Math.min(from.restart(), previous.restartLine(last));
        state = previous.stateBefore(i);
        takeDefinitions(from, 0, i, 0);
        int start = i;
        List<FlowState> states = new ArrayList<>();
        int analysed = 0;
        while (i <= last) {
            if (blocks.isEmpty()) {
                int next = from.joinUntil(i, state, firstDefinition.keySet());
                if (next > i) {
                    // the earlier findings hold for [i, next): go on from there, or from the last line before the request's
                    // that no block spans when the request's line lies among them
                    int delta = i - from.oldLine(i);
                    int resume = next <= last ? next : Math.max(i, previous.restartLine(last - delta) + delta);
                    takeDefinitions(from, i, resume, delta);
                    state = earlierState(from, resume, delta);
                    i = start = resume;
                    states.clear();
                    // line `resume` is analysed next, as in run(): asking to join there again would give the same stretch
                }
            }
            states.add(state.freeze());
            visit(script.line(i));
            analysed++;
            i++;
        }
        states.add(state.freeze());
        base = start;
        before = states.toArray(new FlowState[0]);
        return new Analysis(choice, script, before, start, () -> definitions(script), fdOccurrences.build(), fdHints.build(), previous.addressHints(),
                previous.mappings()).counting(analysed);
    }

    /** The variables the earlier version set on lines [i, end) of this version (its lines moved by {@code delta}), as {@link #adopt} takes them. */
    private void takeDefinitions(Continuation from, int i, int end, int delta) {
        // a variable set in the stretch and not before it is first set where the earlier version first set it
        from.previous().firstDefinitions().forEach((name, line) -> {
            if (line >= i - delta && line < end - delta) firstDefinition.putIfAbsent(name, line + delta);
        });
    }

    /** The earlier version's state before this version's line {@code line} (its lines moved by {@code delta}), in this version's numbering. */
    private static FlowState earlierState(Continuation from, int line, int delta) {
        Analysis previous = from.previous();
        LineShift was = previous.storedShift(line - delta);
        return previous.storedState(line - delta).shifted((was == null ? LineShift.NONE : was).then(from.edit()));
    }

    private Analysis window(int from, FlowState start, int to, Analysis previous) {
        int last = Math.min(to, script.size() - 1);
        base = from;
        before = new FlowState[Math.max(1, last + 2 - from)];
        state = start;
        for (int i = from; i <= last; i++) {
            before[i - from] = state.freeze();
            visit(script.line(i));
        }
        before[before.length - 1] = state.freeze();
        return new Analysis(choice, script, before, from, () -> definitions(script), fdOccurrences.build(), fdHints.build(),
                previous == null ? Map.of() : previous.addressHints(), previous == null ? List.of() : previous.mappings())
                .counting(Math.max(0, last + 1 - from));
    }

    /** Every {@code set} of the script, as the full analysis records them. */
    static List<Analysis.Occurrence> definitions(Script script) {
        List<Analysis.Occurrence> out = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (script.kindOf(i) != LineKind.SET) continue;
            ScriptLine line = script.line(i);
            Analysis.Occurrence d = definition(line, LineParts.assignment(line));
            if (d != null) out.add(d);
        }
        return out;
    }

    /** The variable a {@code set} line defines, or null when it defines none. */
    private static Analysis.Occurrence definition(ScriptLine line, LineParts.Assignment a) {
        if (!a.hasEquals() || a.key().isEmpty()) return null;
        String key = a.key().length() > Limits.NAME ? a.key().substring(0, Limits.NAME) : a.key();
        return new Analysis.Occurrence(key, line.index(), a.keyStart(), a.keyStart() + a.key().length(), true);
    }

    // ---- lines -------------------------------------------------------------------------------

    private void visit(ScriptLine line) {
        int i = line.index();
        switch (line.kind()) {
            case SET -> assignment(line);
            case IFEQ, IFNEQ -> {
                uses(line, line.restStart());
                if (line.rest().contains("$(")) {
                    report(DiagnosticCode.W125, i, line.restStart(), line.textEnd(),
                            "$(...) is not substituted in '" + line.kind().keyword() + "': it is compared as written", null);
                }
                Block b = new Block(i, false, state);
                b.truth = constantTruth(line);
                blocks.push(b);
            }
            case ELSE -> {
                Block b = find(script.openerOf(i), false);
                if (b != null) {
                    b.thenEnd = state;
                    state = b.entry;
                }
            }
            case ENDIF -> close(script.openerOf(i), false);
            case LOOP -> loop(line);
            case ENDLOOP -> close(script.openerOf(i), true);
            case COMMAND -> command(line, line.words(), 0, line.raw());
            default -> { }
        }
        if (line.kind().isDirective() && i == script.size() - 1 && !script.trailingNewline()) {
            report(DiagnosticCode.P206, i, line.textStart(), line.textEnd(),
                    "On EYN-OS a '" + line.kind().keyword() + "' on the last line is ignored when the file does not end with a newline", null);
        }
    }

    private void assignment(ScriptLine line) {
        LineParts.Assignment a = LineParts.assignment(line);
        Analysis.Occurrence d = definition(line, a);
        if (d == null) return;
        String key = d.name();
        int i = line.index();
        variables.add(d);
        if (!firstDefinition.containsKey(key)) {
            firstDefinition.put(key, i);
            if (firstDefinition.size() == Limits.VARIABLES + 1) {
                report(DiagnosticCode.W107, i, a.keyStart(), a.keyStart() + a.key().length(),
                        "'" + key + "' is the 17th variable: a script holds at most 16, so it is not stored", null);
            }
        }
        uses(line, a.valueStart());
        substitutions(line, a.valueStart());
        if (!state.vars.contains(key)) {
            state = state.edit();
            state.varsForWrite().add(key);
        }
    }

    private void loop(ScriptLine line) {
        int i = line.index();
        String count = LineParts.loopCount(line);
        uses(line, line.restStart());
        Block b = new Block(i, true, state);
        if (count.contains("$(")) {
            report(DiagnosticCode.W125, i, line.restStart(), line.textEnd(),
                    "$(...) is not substituted in 'loop': the count is not a number", null);
        }
        if (!count.contains("$")) {
            b.count = LineParts.loopCountValue(count);
            if (b.count == null) {
                if (!count.isEmpty()) report(DiagnosticCode.E108, i, line.restStart(), line.textEnd(), "loop count is not a number: '" + count + "'", null);
            } else if (b.count <= 0) {
                report(DiagnosticCode.W109, i, line.restStart(), line.textEnd(), "loop " + count + " never runs its body", null);
                report(DiagnosticCode.P205, i, line.restStart(), line.textEnd(),
                        "On EYN-OS 'loop " + count + "' runs its body once, and its endloop acts on the enclosing loop", null);
            } else if (b.count > Integer.MAX_VALUE) {
                report(DiagnosticCode.E108, i, line.restStart(), line.textEnd(), "loop count " + count + " is larger than 2147483647", null);
            }
        }
        LoopBody body = LoopBody.scan(script, i);
        b.netOpens = body.opens() - body.closes().size();
        blocks.push(b);
        if (b.count == null || b.count > 1) {
            // on a second pass through the body, what the body closes may already be closed
            state = state.edit();
            for (int fd : body.closes()) {
                FlowState.FdFact f = state.fds.get(fd);
                if (f != null) state.fdsForWrite().put(fd, new FlowState.FdFact(fd, f.line(), f.path(), f.mode(), true));
            }
        }
    }

    private Block find(int opener, boolean loop) {
        for (Block b : blocks) if (b.line == opener && b.loop == loop) return b;
        return null;
    }

    private void close(int opener, boolean loop) {
        if (find(opener, loop) == null) return;
        while (true) {
            Block b = blocks.pop();
            if (b.line != opener || b.loop != loop) {
                state = FlowState.join(state, b.entry);
                continue;
            }
            if (loop) {
                if (b.count != null && b.count <= 0) state = b.entry;
                else if (b.count == null) state = FlowState.join(b.entry, state);
                if (b.netOpens > 0 && (b.count == null || b.count > 1)) {
                    state = state.edit();
                    state.fdsUnknown = true;
                }
            } else {
                FlowState thenEnd = b.thenEnd != null ? b.thenEnd : state;
                FlowState elseEnd = b.thenEnd != null ? state : b.entry;
                if (Boolean.TRUE.equals(b.truth)) state = thenEnd;
                else if (Boolean.FALSE.equals(b.truth)) state = elseEnd;
                else state = FlowState.join(thenEnd, elseEnd);
            }
            return;
        }
    }

    private static Boolean constantTruth(ScriptLine line) {
        LineParts.Condition c = LineParts.condition(line);
        if (!c.hasRight()) return Boolean.FALSE;
        if (c.left().contains("$") || c.right().contains("$")) return null;
        boolean equal = c.left().equals(c.right());
        return line.kind() == LineKind.IFEQ ? equal : !equal;
    }

    // ---- commands ----------------------------------------------------------------------------

    /**
     * Checks one command. {@code words} hold columns relative to {@code raw}; {@code shift} moves
     * them to the script line (non-zero for a command inside {@code $(...)}).
     */
    private void command(ScriptLine line, List<Word> words, int shift, String raw) {
        int i = line.index();
        if (shift == 0) {
            uses(line, line.textStart());
            substitutions(line, line.textStart());
        }
        if (words.isEmpty()) return;
        Word head = words.get(0);
        String name = head.text();
        if (name.contains("$")) return;
        CommandSpec spec = CommandTable.get(name);
        if (spec == null) {
            if (DIRECTIVE_WORDS.contains(name) && shift == 0) return; // the parser explains these
            if (shift == 0 && Profiles.Y2026.dialect().isKeyword(name) && !choice.conflicts().isEmpty()) return; // W330 explains it
            String suggestion = Suggestions.closest(name, CommandTable.names());
            report(DiagnosticCode.E101, i, head.start() + shift, head.end() + shift, "Unknown command '" + name + "'"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"), suggestion);
            // one root cause, one error: a mistyped zopen leaves the fds unknown, not "not open" on every later line
            if ("zopen".equals(suggestion)) editState().fdsUnknown = true;
            return;
        }
        Word last = words.get(words.size() - 1);
        if (shift == 0 && !raw.contains("$") && last.end() - head.start() > Limits.COMMAND_LINE) {
            report(DiagnosticCode.E105, i, head.start(), last.end(), "This command line is " + (last.end() - head.start())
                    + " characters long; EYN-OS refuses more than 200 ([SAFETY] Invalid command arguments)", null);
        }
        List<Word> args = words.subList(1, words.size());
        checkArguments(spec, i, args, shift, raw, head);
        portability(spec, i, args, shift, raw, head);
        new CommandFlow(this, spec, i, args, shift).apply();
    }

    private void checkArguments(CommandSpec spec, int i, List<Word> args, int shift, String raw, Word head) {
        if (!spec.parsesArgs()) {
            if (!args.isEmpty()) {
                report(DiagnosticCode.W104, i, args.get(0).start() + shift, args.get(args.size() - 1).end() + shift,
                        "'" + spec.name() + "' takes no arguments; these are ignored", null);
            }
            return;
        }
        int w = 0;
        for (ArgSpec arg : spec.args()) {
            if (w >= args.size()) {
                if (arg.required()) {
                    int end = (args.isEmpty() ? head.end() : args.get(args.size() - 1).end()) + shift;
                    report(DiagnosticCode.E102, i, head.start() + shift, end, "Missing " + arg.name() + ": usage is '"
                            + spec.usage() + "'", arg.name());
                }
                return;
            }
            if (arg.kind() == ArgKind.TEXT) return;
            if (arg.variadic()) {
                for (; w < args.size(); w++) checkWord(arg, i, args.get(w), shift);
                return;
            }
            checkWord(arg, i, args.get(w), shift);
            w++;
        }
        if (w < args.size()) {
            report(DiagnosticCode.W104, i, args.get(w).start() + shift, args.get(args.size() - 1).end() + shift,
                    "Extra arguments are ignored: usage is '" + spec.usage() + "'", null);
        }
    }

    private void checkWord(ArgSpec arg, int i, Word word, int shift) {
        if (word.text().contains("$")) return;
        Object v = ArgChecker.convert(arg, word.text());
        if (v instanceof ArgChecker.Problem p) {
            String message = p.message() != null ? p.message().replaceFirst("^Error: ", "") : "invalid " + arg.name();
            if (arg.invalid() != null) message = "Invalid " + arg.name() + ": " + word.text();
            List<String> words = arg.words();
            report(DiagnosticCode.E103, i, word.start() + shift, word.end() + shift, message, words.isEmpty() ? null : String.join(",", words));
        }
    }

    private void portability(CommandSpec spec, int i, List<Word> args, int shift, String raw, Word head) {
        int restStart = args.isEmpty() ? head.end() : args.get(0).start();
        String rest = raw.substring(Math.min(raw.length(), restStart));
        int quote = firstQuote(rest);
        if (quote >= 0) {
            report(DiagnosticCode.P201, i, restStart + quote + shift, restStart + quote + 1 + shift,
                    "Quotes are ordinary characters on EYN-OS: '" + spec.name() + "' sees them as part of the text", null);
        }
        for (Word w : args) {
            if (w.text().startsWith("#")) {
                report(DiagnosticCode.P202, i, w.start() + shift, args.get(args.size() - 1).end() + shift,
                        "'#' after a command is not a comment: it is passed to '" + spec.name() + "'", null);
                break;
            }
        }
        if (spec.name().equals("zopen") && args.size() == 1 && !args.get(0).text().contains("$")) {
            report(DiagnosticCode.P204, i, args.get(0).start() + shift, args.get(0).end() + shift,
                    "Without a mode EYN-OS opens read-only, the emulator read-write: write the mode", "rw");
        }
        if (spec.name().equals("drive")) {
            report(DiagnosticCode.P211, i, head.start() + shift, head.end() + shift,
                    "EYN-OS keeps the current directory when switching drives; the emulator goes to '/'", null);
        }
        if (spec.name().equals("ls") && !args.isEmpty() && !args.get(0).text().chars().allMatch(Character::isDigit)) {
            report(DiagnosticCode.P210, i, args.get(0).start() + shift, args.get(0).end() + shift,
                    "EYN-OS Release 13 reads 'ls <path>' as a depth and lists the current directory", null);
        }
        if (spec.name().equals("run") && !args.isEmpty() && args.get(0).text().endsWith(".eyn")) {
            report(DiagnosticCode.P207, i, args.get(0).start() + shift, args.get(0).end() + shift,
                    "EYN-OS runs only '.shell' files as scripts; it would run a '.eyn' file as a native program", null);
        }
    }

    private static int firstQuote(String s) {
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) == '"' || s.charAt(k) == '\'') return k;
        return -1;
    }

    /** Commands inside {@code $(...)} are checked like lines of their own. */
    private void substitutions(ScriptLine line, int from) {
        String raw = line.raw();
        for (Expander.Substitution sub : Expander.substitutions(raw.substring(Math.min(from, raw.length())))) {
            String inner = sub.inner();
            int innerStart = from + sub.start() + 2;
            if (inner.strip().startsWith("zopen")) {
                report(DiagnosticCode.P203, line.index(), from + sub.start(), from + sub.end(),
                        "$(zopen ...) captures the last number of zopen's output, which is the file size, not the fd", null);
            }
            ScriptLine innerLine = Parser.line(inner);
            command(line, innerLine.words(), innerStart, inner);
        }
    }

    private void uses(ScriptLine line, int from) {
        String raw = line.raw();
        for (Expander.VariableRef ref : Expander.references(raw.substring(Math.min(from, raw.length())))) {
            variables.add(new Analysis.Occurrence(ref.name(), line.index(), from + ref.start(), from + ref.end(), false));
        }
    }

    // ---- the end -----------------------------------------------------------------------------

    private void finish(List<Analysis.Occurrence> vars) {
        for (Analysis.Occurrence use : vars) {
            if (!use.definition() && !firstDefinition.containsKey(use.name())) {
                report(DiagnosticCode.W110, use.line(), use.start(), use.end(),
                        "'" + use.name() + "' is never set in this script: it expands to nothing", use.name());
            }
        }
        for (FlowState.FdFact f : state.fds.values()) {
            if (!f.maybe()) {
                ScriptLine opened = script.line(f.line());
                report(DiagnosticCode.I122, f.line(), opened.textStart(), opened.textEnd(),
                        "fd " + f.fd() + " is never closed (the emulator writes it back at shutdown; EYN-OS keeps it open)",
                        String.valueOf(f.fd()));
            }
        }
    }

    private static String addresses(List<Analysis.MappingFact> mappings) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        for (Analysis.MappingFact m : mappings) if (m.address() >= 0) seen.add(String.format("0x%08X", m.address()));
        return String.join(", ", seen);
    }

    // ---- for CommandFlow ---------------------------------------------------------------------

    FlowState state() { return state; }
    FlowState editState() { return state = state.edit(); }
    Workspace workspace() { return workspace; }
    AnalysisSettings settings() { return settings; }
    String scriptPath() { return scriptPath; }
    Script script() { return script; }
    void fdOccurrence(Analysis.FdOccurrence o) { fdOccurrences.add(o); }
    /** Called once per zopen line, as the lines are gone through in order, so the hints stay in line order. */
    void fdHint(int line, int fd) { fdHints.add(new Analysis.FdHint(line, fd)); }
    Set<String> runStack() { return runStack; }

    private final Set<String> runStack = new HashSet<>();

    void report(DiagnosticCode code, int line, int start, int end, String message, String data) {
        if (code.portability() && !settings.portability()) return;
        Diagnostic d = new Diagnostic(code, code.severity, line, start, Math.max(start + 1, end), message, data);
        // findings on the lines while they are gone through, in line order; the whole file's after
        if (out == null) flowOut.add(d);
        else out.add(d);
    }
}
