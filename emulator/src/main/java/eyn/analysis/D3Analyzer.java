package eyn.analysis;

import eyn.commands.ArgSpec;
import eyn.commands.CommandSet;
import eyn.commands.CommandSpec;
import eyn.language.D3Expansion;
import eyn.language.D3Limits;
import eyn.language.D3Syntax;
import eyn.language.LineKind;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.Severity;
import eyn.language.Word;
import eyn.machine.Fidelity;
import eyn.machine.disk.Drive;
import eyn.machine.disk.FsPath;
import eyn.profile.ProfileChoice;
import eyn.profile.Profiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static analysis of an EYN-OS 2026 script (D3): the parser's structure problems, variables through
 * if/elif/else and while (a while may run zero or many times), arguments, file tests against the
 * workspace drive, programs against the 2026 set, the aliases and the workspace's /binaries, and
 * the engine's traps (reference 2.15), plus Release 13 constructs that the 2026 engine rejects.
 */
final class D3Analyzer {
    private static final Set<String> D2_KEYWORDS = Set.of("ifeq", "ifneq", "loop", "endloop");

    private final Script script;
    private final String text;
    private final String scriptPath;
    private final Workspace workspace;
    private final AnalysisSettings settings;
    private final ProfileChoice choice;
    private final CommandSet commands;
    private final List<Diagnostic> out = new ArrayList<>();
    private FlowState[] before;
    private final java.util.BitSet topLevel = new java.util.BitSet();
    private FlowState state = new FlowState();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final List<Analysis.Occurrence> variables = new ArrayList<>();
    private final Map<String, Integer> firstDefinition = new LinkedHashMap<>();
    /** Variables last set to an empty value (in text order): comparing them is the engine's trap. */
    private final java.util.Set<String> emptyValues = new java.util.HashSet<>();
    /** The block bug's portability note is shown once per script, on its first block. */
    private boolean blockBugShown;

    /** An open block: the state on entry and, for an if, the states where its branches ended. */
    private static final class Block {
        final int line;
        final boolean loop;
        final FlowState entry;
        final List<FlowState> branchEnds = new ArrayList<>();
        boolean hasElse;

        Block(int line, boolean loop, FlowState entry) {
            this.line = line;
            this.loop = loop;
            this.entry = entry;
        }
    }

    D3Analyzer(Script script, String text, String scriptPath, Workspace workspace, AnalysisSettings settings, ProfileChoice choice) {
        this.script = script;
        this.text = text;
        this.scriptPath = scriptPath;
        this.workspace = workspace;
        this.settings = settings;
        this.choice = choice;
        this.commands = choice.profile().commands();
    }

    Analysis run() {
        before = new FlowState[script.size() + 1];
        out.addAll(Analyzer.syntaxDiagnostics(script));
        fileChecks();
        for (int i = 0; i < script.size(); i++) {
            if ((i & 1023) == 0) Cancel.stopIfRequested();
            if (blocks.isEmpty()) topLevel.set(i);
            before[i] = state.freeze();
            if (i < D3Limits.LINES) visit(script.line(i));
        }
        before[script.size()] = state.freeze();
        for (Analysis.Occurrence use : variables) {
            if (!use.definition() && !use.name().isEmpty() && !isArgument(use.name()) && !firstDefinition.containsKey(use.name())) {
                report(DiagnosticCode.W110, use.line(), use.start(), use.end(),
                        "'" + use.name() + "' is never set in this script: it expands to nothing", use.name());
            }
        }
        arguments();
        List<Diagnostic> kept = Suppressions.of(script, settings).filter(out);
        kept.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::startColumn));
        return new Analysis(choice, script, kept, before, null, 0, topLevel, null, variables, List.of(), List.of(), Map.of(), List.of());
    }

    /** The facts for a request at line {@code to}, as {@link Analyzer}'s window: lines {@code from..to} from {@code start}. */
    Analysis window(int from, FlowState start, int to) {
        // the engine reads no line past its limit: the state there is the state at the limit, however long the file
        int last = Math.min(Math.min(to, script.size() - 1), Math.max(from, D3Limits.LINES));
        before = new FlowState[Math.max(1, last + 2 - from)];
        state = start;
        for (int i = from; i <= last; i++) {
            before[i - from] = state.freeze();
            if (i < D3Limits.LINES) visit(script.line(i));
        }
        before[before.length - 1] = state.freeze();
        return new Analysis(choice, script, before, from, () -> definitions(script), List.of(), List.of(), Map.of(), List.of());
    }

    /** Every valid {@code set} the engine reads (the first 2,048 lines), as the full analysis records them. */
    static List<Analysis.Occurrence> definitions(Script script) {
        List<Analysis.Occurrence> out = new ArrayList<>();
        for (int i = 0; i < Math.min(script.size(), D3Limits.LINES); i++) {
            if (script.kindOf(i) != LineKind.SET) continue;
            ScriptLine line = script.line(i);
            Analysis.Occurrence d = definition(line, D3Syntax.assignment(line.text().substring(3)));
            if (d != null) out.add(d);
        }
        return out;
    }

    /** The variable a {@code set} line defines, or null when its syntax is invalid. */
    private static Analysis.Occurrence definition(ScriptLine line, D3Syntax.Assignment a) {
        int base = line.textStart() + 3;
        if (!a.valid()) return null;
        String name = a.name().length() > D3Limits.NAME ? a.name().substring(0, D3Limits.NAME) : a.name();
        return new Analysis.Occurrence(name, line.index(), base + a.nameStart(), base + a.nameStart() + a.name().length(), true);
    }

    /** {@code $N} against what the workspace's callers pass: beyond the most any caller passes, it is always empty. */
    private void arguments() {
        if (scriptPath == null) return;
        List<CallSite> calls = workspace.callers(scriptPath);
        if (calls.isEmpty()) return;
        CallSite most = calls.get(0);
        for (CallSite c : calls) if (c.arguments() > most.arguments()) most = c;
        for (Analysis.Occurrence use : variables) {
            if (use.definition() || !isArgument(use.name())) continue;
            int n = use.name().charAt(0) - '0';
            if (n == 0 || n <= most.arguments()) continue;
            report(DiagnosticCode.W331, use.line(), use.start(), use.end(), "$" + n + " is always empty: the " + calls.size()
                    + " caller(s) in the workspace pass at most " + most.arguments() + " argument(s) (" + most.caller() + ":"
                    + (most.line() + 1) + ")", null);
        }
    }

    private void fileChecks() {
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > D3Limits.SCRIPT_BYTES && script.size() > 0) {
            report(DiagnosticCode.E313, 0, 0, script.line(0).raw().length(), "This script is " + bytes
                    + " bytes; EYN-OS 2026 refuses scripts over " + D3Limits.SCRIPT_BYTES + " bytes (script too large)", null);
        }
        if (scriptPath != null && scriptPath.startsWith("/binaries/") && !text.startsWith("#") && script.size() > 0) {
            report(DiagnosticCode.E329, 0, 0, Math.max(1, script.line(0).raw().length()),
                    "EYN-OS 2026 runs a file in /binaries as a script only when its first byte is '#': start with a comment line", null);
        }
    }

    // ---- lines -------------------------------------------------------------------------------

    private void visit(ScriptLine line) {
        int i = line.index();
        switch (line.kind()) {
            case SET -> assignment(line);
            case IF, WHILE -> {
                condition(line);
                if (settings.fidelity() == Fidelity.FAITHFUL) {
                    report(DiagnosticCode.I326, i, line.head().start(), line.head().end(), "On EYN-OS a3fa943 block bodies never "
                            + "execute (engine bug): this " + line.kind().keyword() + "'s body is skipped in faithful mode", null);
                } else if (!blockBugShown) {
                    blockBugShown = true;
                    report(DiagnosticCode.P212, i, line.head().start(), line.head().end(), "EYN-OS a3fa943 skips every if and while "
                            + "body (an engine bug); the emulator runs them as meant. Set eyn.fidelity to faithful to reproduce the OS", null);
                }
                blocks.push(new Block(i, line.kind() == LineKind.WHILE, state));
            }
            case ELIF, ELSE -> {
                Block b = blocks.peek();
                if (b == null || b.loop) return;
                b.branchEnds.add(state);
                state = b.entry;
                if (line.kind() == LineKind.ELSE) b.hasElse = true;
                else condition(line);
            }
            case ENDIF, ENDWHILE -> {
                Block b = blocks.peek();
                if (b == null || b.loop != (line.kind() == LineKind.ENDWHILE)) return;
                blocks.pop();
                if (b.loop) {
                    state = FlowState.join(b.entry, state);
                } else {
                    FlowState joined = b.hasElse ? state : FlowState.join(state, b.entry);
                    for (FlowState end : b.branchEnds) joined = FlowState.join(joined, end);
                    state = joined;
                }
            }
            case COMMAND -> command(line);
            default -> { }
        }
        if (line.raw().length() > D3Limits.EXPANDED_LINE) {
            report(DiagnosticCode.W327, i, D3Limits.EXPANDED_LINE, line.raw().length(),
                    "This line is longer than " + D3Limits.EXPANDED_LINE + " characters: EYN-OS 2026 cuts it after expansion", null);
        }
    }

    private void assignment(ScriptLine line) {
        int base = line.textStart() + 3;
        D3Syntax.Assignment a = D3Syntax.assignment(line.text().substring(3));
        uses(line, base + a.valueStart(), a.value());
        Analysis.Occurrence d = definition(line, a);
        if (d == null) return;
        String name = d.name();
        int i = line.index();
        variables.add(d);
        if (!firstDefinition.containsKey(name)) {
            firstDefinition.put(name, i);
            if (firstDefinition.size() == D3Limits.VARIABLES + 1) {
                report(DiagnosticCode.W314, i, base + a.nameStart(), base + a.nameStart() + a.name().length(),
                        "'" + name + "' is the 65th variable: EYN-OS 2026 holds 64 and prints 'too many variables'", null);
            }
        }
        if (isArgument(name)) {
            report(DiagnosticCode.W325, i, base + a.nameStart(), base + a.nameStart() + a.name().length(),
                    "$" + name + " always reads argument " + name + ", never this variable", null);
        }
        if (a.value().isEmpty()) emptyValues.add(name);
        else if (!a.value().contains("$")) emptyValues.remove(name);
        if (!state.vars.contains(name)) {
            state = state.edit();
            state.varsForWrite().add(name);
        }
    }

    private void condition(ScriptLine line) {
        int i = line.index();
        String rest = line.rest();
        uses(line, line.restStart(), rest);
        D3Syntax.Condition c = D3Syntax.condition(rest);
        switch (c.test()) {
            case EXISTS, IS_FILE -> {
                if (!c.left().contains("$") && workspace.known() && state.cwd != null) {
                    String path = FsPath.resolve(state.cwd, c.left());
                    Drive.Entry e = workspace.stat(path);
                    if (e == null && !state.created.contains(path)) {
                        report(DiagnosticCode.W118, i, line.restStart() + c.leftStart(), line.restStart() + c.leftStart() + c.left().length(),
                                "'" + c.left() + "' is not on the workspace drive: the test is false there", null);
                    }
                }
            }
            case EQUALS, DIFFERS -> {
                if (mayBeEmpty(c.left())) {
                    report(DiagnosticCode.W315, i, line.restStart() + c.leftStart(), line.restStart() + c.leftStart() + c.left().length(),
                            "If " + c.left() + " is empty the condition reads '" + rest.substring(c.left().length()).strip()
                                    + "', which is always true: write x" + c.left() + " " + (c.test() == D3Syntax.Test.EQUALS ? "==" : "!=")
                                    + " x" + c.right(), null);
                }
            }
            default -> { }
        }
    }

    private void command(ScriptLine line) {
        int i = line.index();
        uses(line, line.textStart(), line.text());
        Word head = line.head();
        String name = head.text();
        if (name.contains("$")) return;
        List<Word> args = line.words().subList(1, line.words().size());
        switch (name) {
            case "echo" -> {
                for (Word w : args) {
                    if (w.text().equals(">") || w.text().equals(">>") || w.text().equals("|") || w.text().startsWith(">")) {
                        report(DiagnosticCode.W316, i, w.start(), w.end(), "The script's built-in echo prints '" + w.text()
                                + "' literally; to write a file call the program: /binaries/echo TEXT > FILE", null);
                        break;
                    }
                }
                return;
            }
            case "exit" -> {
                if (!args.isEmpty()) {
                    report(DiagnosticCode.I317, i, args.get(0).start(), args.get(args.size() - 1).end(),
                            "exit ignores its argument: EYN-OS scripts have no exit status", null);
                }
                return;
            }
            default -> { }
        }
        comment(line, args);
        if (D2_KEYWORDS.contains(name)) {
            report(DiagnosticCode.E318, i, head.start(), head.end(), "'" + name + "' is Release 13 syntax: EYN-OS 2026 runs it as a "
                    + "program and prints 'Command not found in /binaries: " + name + "'" + Conversions.hint(name), name);
            return;
        }
        List<String> segments = segments(line.text());
        if (segments.size() > 1) {
            report(DiagnosticCode.I324, i, line.textStart(), line.raw().length(),
                    "EYN-OS runs a pipeline inside a script only after the whole script has finished", null);
        }
        String template = commands.aliases().get(name);
        if (template != null) {
            alias(line, head, args, template);
            return;
        }
        redirections(args);
        if (name.contains("/")) {
            if (workspace.known() && state.cwd != null) {
                String path = FsPath.resolve(state.cwd, name);
                boolean emulated = path.equals("/binaries/" + baseName(name)) && commands.spec(baseName(name)) != null;
                if (!emulated && workspace.stat(path) == null && workspace.stat(path + ".uelf") == null) {
                    report(DiagnosticCode.W118, i, head.start(), head.end(), "'" + name + "' is not on the workspace drive", null);
                }
            }
            return;
        }
        CommandSpec spec = commands.spec(name);
        if (spec == null) {
            if (workspace.known() && (workspace.stat("/binaries/" + name) != null || workspace.stat("/binaries/" + name + ".uelf") != null)) return;
            if (Profiles.R13.commands().spec(name) != null) {
                report(DiagnosticCode.E319, i, head.start(), head.end(), "'" + name + "' was removed from EYN-OS in 2026: it prints "
                        + "'Command not found in /binaries: " + name + "'" + Conversions.hint(name), name);
                return;
            }
            List<String> known = new ArrayList<>();
            for (CommandSpec s : commands.all()) known.add(s.name());
            known.addAll(commands.aliases().keySet());
            String suggestion = Suggestions.closest(name, known);
            report(DiagnosticCode.W323, i, head.start(), head.end(), "'" + name + "' is not one of the EYN-OS 2026 programs nor in "
                    + "the workspace's /binaries: EYN-OS prints 'Command not found in /binaries: " + name + "'"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"), suggestion);
            return;
        }
        arity(spec, line, head, argsOfFirstSegment(args));
        if (name.equals("create") && !args.isEmpty() && !args.get(0).text().contains("$") && state.cwd != null) {
            state = state.edit();
            state.createdForWrite().add(FsPath.resolve(state.cwd, args.get(0).text()));
        }
        if (name.equals("run") && !args.isEmpty()) runTarget(line, args.get(0));
    }

    private void alias(ScriptLine line, Word head, List<Word> args, String template) {
        int i = line.index();
        String text = line.text();
        if (text.indexOf('|') >= 0 || text.indexOf('>') >= 0 || text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
            String target = template.split(" ")[0];
            report(DiagnosticCode.W322, i, head.start(), head.end(), "'" + head.text() + "' is an alias of '" + target
                    + "': with | < > or & the expansion fails ('Error: alias expansion failed'); write '" + target + "'", target);
            return;
        }
        int needed = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[arg([1-9][0-9]?)]").matcher(template);
        while (m.find()) needed = Math.max(needed, Integer.parseInt(m.group(1)));
        if (args.size() < needed) {
            report(DiagnosticCode.E321, i, head.start(), line.raw().length(), "'" + head.text() + "' expands to '" + template
                    + "' and needs " + needed + " argument(s): EYN-OS prints 'Error: alias expansion failed'", null);
        }
    }

    private void arity(CommandSpec spec, ScriptLine line, Word head, List<Word> args) {
        if (!args.isEmpty() && args.get(0).text().equals("-h")) return;
        int required = 0;
        for (ArgSpec a : spec.args()) if (a.required()) required++;
        if (args.size() < required) {
            report(DiagnosticCode.W320, line.index(), head.start(), args.isEmpty() ? head.end() : args.get(args.size() - 1).end(),
                    "'" + spec.name() + "' needs " + required + " argument(s): it prints '" + String.join(" / ", spec.usageLines()) + "'",
                    null);
        }
    }

    private void runTarget(ScriptLine line, Word target) {
        if (target.text().contains("$") || !workspace.known() || state.cwd == null) return;
        String path = FsPath.resolve(state.cwd, target.text());
        if (workspace.stat(path) == null) {
            report(DiagnosticCode.W118, line.index(), target.start(), target.end(), "'" + target.text()
                    + "' is not on the workspace drive: EYN-OS prints '[script] Error: file not found: " + path + "'", null);
        }
    }

    private void comment(ScriptLine line, List<Word> args) {
        for (Word w : args) {
            if (w.text().startsWith("#")) {
                report(DiagnosticCode.W328, line.index(), w.start(), args.get(args.size() - 1).end(),
                        "'#' after a command is not a comment: the words are passed to '" + line.name() + "'", null);
                return;
            }
        }
    }

    /** {@code > F} and {@code >> F} create F in the root of drive 0: later file tests may find it. */
    private void redirections(List<Word> args) {
        for (int k = 0; k < args.size(); k++) {
            String w = args.get(k).text();
            String file = null;
            if ((w.equals(">") || w.equals(">>")) && k + 1 < args.size()) file = args.get(k + 1).text();
            else if (w.startsWith(">>") && w.length() > 2) file = w.substring(2);
            else if (w.startsWith(">") && w.length() > 1) file = w.substring(1);
            if (file != null && !file.contains("$")) {
                state = state.edit();
                state.createdForWrite().add("/" + file);
            }
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The words up to the first pipeline or redirection operator. */
    private static List<Word> argsOfFirstSegment(List<Word> args) {
        List<Word> out = new ArrayList<>();
        for (Word w : args) {
            char c = w.text().isEmpty() ? ' ' : w.text().charAt(0);
            if (c == '|' || c == '<' || c == '>' || c == '&') break;
            out.add(w);
        }
        return out;
    }

    private static List<String> segments(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("\\|")) if (!s.isBlank()) out.add(s);
        return out;
    }

    /** Records the variables a piece of a line reads; {@code from} is where {@code piece} starts in the raw line. */
    private void uses(ScriptLine line, int from, String piece) {
        for (D3Expansion.Variable v : D3Expansion.references(piece)) {
            variables.add(new Analysis.Occurrence(v.name(), line.index(), from + v.start(), from + v.end(), false));
            if (!v.braced() && v.name().length() > 1 && Character.isDigit(v.name().charAt(0))
                    && v.name().chars().anyMatch(ch -> !Character.isDigit(ch))) {
                report(DiagnosticCode.W325, line.index(), from + v.start(), from + v.end(), "'$" + v.name() + "' reads the variable '"
                        + v.name() + "', not $" + v.name().charAt(0) + " followed by '" + v.name().substring(1) + "'", null);
            }
        }
    }

    /** A lone variable reference as the left operand, not set on every path here (or set to nothing). */
    private boolean mayBeEmpty(String operand) {
        if (!operand.startsWith("$") || operand.startsWith("$(")) return false;
        List<D3Expansion.Variable> refs = D3Expansion.references(operand);
        if (refs.size() != 1 || refs.get(0).end() != operand.length()) return false;
        String name = refs.get(0).name();
        return isArgument(name) || !state.vars.contains(name) || emptyValues.contains(name);
    }

    private static boolean isArgument(String name) {
        return name.length() == 1 && Character.isDigit(name.charAt(0));
    }

    private void report(DiagnosticCode code, int line, int start, int end, String message, String data) {
        if (code.portability() && !settings.portability()) return;
        Severity severity = code.severity;
        out.add(new Diagnostic(code, severity, line, start, Math.max(start + 1, end), message, data));
    }
}
