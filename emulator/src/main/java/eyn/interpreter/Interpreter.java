package eyn.interpreter;

import eyn.commands.ArgChecker;
import eyn.commands.Command;
import eyn.commands.CommandSpec;
import eyn.commands.CommandTable;
import eyn.commands.Invocation;
import eyn.commands.ScriptHost;
import eyn.commands.builtin.Builtins;
import eyn.language.Expander;
import eyn.language.LineKind;
import eyn.language.LineParts;
import eyn.language.Limits;
import eyn.language.Parser;
import eyn.language.Script;
import eyn.language.ScriptLine;
import eyn.language.SyntaxProblem;
import eyn.language.Word;
import eyn.machine.Color;
import eyn.machine.Console;
import eyn.machine.Machine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs scripts one statement at a time on a {@link Machine}. All execution state is plain data
 * (frames, block stacks, half-done lines), never the Java stack, so a debugger can stop before any
 * statement, inspect everything, snapshot it and restore it. {@link #step()} runs one statement or
 * one {@code $(...)} of it; {@link #next()} tells what runs next.
 */
public final class Interpreter implements ScriptHost {
    static final int CAPTURE_BUFFER = 64 * 1024;
    private static final Set<String> STRUCTURE_CODES = Set.of("E012", "E013", "E014", "E015", "E016", "E017");

    private final Machine machine;
    private OutputSink sink;
    private final Options options;
    private final Router router = new Router();
    /** What the step now running did: handed out with its StepResult (most steps do nothing worth a list). */
    private List<eyn.commands.Effect> stepEffects = List.of();
    private final ScriptEngine engine;
    private final Shell shell;
    /** A multi-stage pipeline a 2026 script armed: it runs after the whole script (reference 1.5). */
    private List<String> deferredPipeline;

    private final ArrayList<Frame> frames = new ArrayList<>();
    private boolean halted;
    private boolean budgetExhausted;
    private Counters counters = new Counters();
    /** Set while a substitution's inner command runs: its output is captured here. */
    private StringBuilder stepCapture;
    /** A nested script requested by the command now running; pushed when it returns. */
    private Frame requestedFrame;
    private Location current;
    private long steps;
    /** Every script that started, in order: what a debugger lists as loaded sources. */
    private final java.util.LinkedHashSet<String> scripts = new java.util.LinkedHashSet<>();

    /** Run statistics, for {@code --summary} and the debugger. */
    public static final class Counters {
        public long statements;
        public long commands;
        public long failures;
        public long warnings;
        /** Characters written to the sink so far: where a replay resumes the output. */
        public long outputPosition;

        Counters copy() {
            Counters c = new Counters();
            c.statements = statements;
            c.commands = commands;
            c.failures = failures;
            c.warnings = warnings;
            c.outputPosition = outputPosition;
            return c;
        }
    }

    /** A saved interpreter and machine state; restoring it puts both back exactly. */
    public static final class Snapshot {
        private final Machine.Snapshot machine;
        private final List<Frame> frames;
        private final boolean halted;
        private final boolean budgetExhausted;
        private final Counters counters;
        private final long steps;
        private final List<String> deferredPipeline;
        private final Object shellState;

        private Snapshot(Machine.Snapshot machine, List<Frame> frames, boolean halted, boolean budgetExhausted, Counters counters, long steps,
                         List<String> deferredPipeline, Object shellState) {
            this.deferredPipeline = deferredPipeline;
            this.shellState = shellState;
            this.machine = machine;
            this.frames = frames;
            this.halted = halted;
            this.budgetExhausted = budgetExhausted;
            this.counters = counters;
            this.steps = steps;
        }

        public long steps() {
            return steps;
        }

        public long outputPosition() {
            return counters.outputPosition;
        }

        /**
         * Reports what this snapshot holds (see {@link eyn.machine.Footprint}): the machine's state,
         * and the frames it copied: variable tables (their strings are shared), block stacks,
         * half-done lines and captured output.
         */
        public void footprint(eyn.machine.Footprint f) {
            machine.footprint(f);
            f.own(128);
            java.util.Set<StringBuilder> captures = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Frame frame : frames) {
                f.own(96 + 32L * frame.blocks.size() + 64);
                for (Map.Entry<String, String> e : frame.variables.entrySet()) {
                    f.own(eyn.machine.Footprint.ENTRY);
                    f.shared(e.getKey(), eyn.machine.Footprint.string(e.getKey()));
                    f.shared(e.getValue(), eyn.machine.Footprint.string(e.getValue()));
                }
                if (frame.capture != null && captures.add(frame.capture)) f.own(32 + 2L * frame.capture.capacity());
                if (frame.pending != null) {
                    f.own(64 + eyn.machine.Footprint.string(frame.pending.text) + 64L * frame.pending.substitutions.size());
                    for (String r : frame.pending.results) f.own(eyn.machine.Footprint.string(r));
                }
                if (frame.d3 != null) f.own(256);
            }
            if (shellState != null) f.own(256);
            if (deferredPipeline != null) for (String stage : deferredPipeline) f.shared(stage, eyn.machine.Footprint.string(stage));
        }
    }

    public Interpreter(Machine machine, OutputSink sink, Options options) {
        this.machine = machine;
        this.sink = sink;
        this.options = options;
        machine.setConsole(router);
        // the one place the profile picks behaviour: its dialect's engine and its command set's shell
        if (options.profile().dialect() == eyn.language.Dialect.D3) {
            this.engine = new D3Engine(this);
            this.shell = new Shell2026(this, options.profile().commands());
        } else {
            this.engine = new D2Engine();
            this.shell = this::dispatchRelease13;
        }
    }

    /** The profile the scripts run under. */
    public eyn.profile.Profile profile() { return options.profile(); }

    public Machine machine() { return machine; }

    /** Where output goes from now on (a debugger replaying history sends it nowhere). */
    public OutputSink sink() { return sink; }
    public void setSink(OutputSink sink) { this.sink = sink; }

    /** Steps taken since start (statements and substitutions): the debugger's history index. */
    public long steps() { return steps; }
    public Counters counters() { return counters; }
    public boolean halted() { return halted; }

    /** Starts a script as the top frame. */
    public void start(String path, String source) {
        start(path, source, List.of());
    }

    /** Starts a script with arguments ({@code $1}..{@code $9} in the 2026 dialect). */
    public void start(String path, String source, List<String> args) {
        frames.clear();
        scripts.clear();
        steps = 0;
        halted = false;
        budgetExhausted = false;
        deferredPipeline = null;
        frames.add(newFrame(path, source, args, null));
        scripts.add(path);
        settle();
    }

    private Frame newFrame(String path, String source, List<String> args, StringBuilder capture) {
        Frame f = new Frame(Parser.parse(path, source, options.profile().dialect()), path, capture);
        List<String> vector = new ArrayList<>();
        vector.add(path);
        for (String a : args) if (vector.size() <= eyn.language.D3Limits.ARGUMENTS) vector.add(a);
        f.args = List.copyOf(vector);
        engine.begin(f);
        return f;
    }

    /** The scripts started so far (the top one first, then nested ones as they first ran). */
    public Set<String> scripts() {
        return Collections.unmodifiableSet(scripts);
    }

    public boolean finished() {
        return frames.isEmpty();
    }

    /** The innermost frame (the one whose statement runs next), or null when finished. */
    public Frame topFrame() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /** How many frames are running (0 when finished). */
    public int depth() {
        return frames.size();
    }

    /** The frames, outermost first. */
    public List<Frame> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** The statement that runs next, or null when finished. */
    public Location next() {
        if (frames.isEmpty()) return null;
        Frame f = top();
        return new Location(f.path, f.pc, frames.size());
    }

    /** Runs until the script ends, halts or exhausts its budget. */
    public StepResult run() {
        StepResult r;
        do {
            r = step();
        } while (!r.done());
        return r;
    }

    public StepResult step() {
        if (frames.isEmpty()) return finish();
        if (options.maxSteps() > 0 && counters.statements >= options.maxSteps()) {
            budgetExhausted = true;
            Location at = next();
            router.line(Color.RED, "Error on line " + (at.line() + 1) + ": step budget of " + options.maxSteps()
                    + " statements exhausted; the run was stopped");
            counters.failures++;
            frames.clear();
            return new StepResult(StepResult.Kind.BUDGET_EXHAUSTED, at, true);
        }
        Frame f = top();
        current = new Location(f.path, f.pc, frames.size());
        steps++;
        long errorsBefore = router.errorLines;
        stepEffects = List.of();
        if (!f.busy()) {
            counters.statements++;
            engine.execute(f, f.script.line(f.pc));
        } else {
            engine.resume(f);
        }
        // a line with $(...) stays pending until its last substitution is in; then it runs in a step of its own
        StepResult.Kind kind = f.busy() ? StepResult.Kind.SUBSTITUTION : StepResult.Kind.STATEMENT;
        boolean failed = router.errorLines > errorsBefore;
        if (failed) counters.failures++;
        Location ran = current;
        if (requestedFrame != null) {
            requestedFrame.entryStep = steps;
            requestedFrame.callLine = ran.line();
            frames.add(requestedFrame);
            scripts.add(requestedFrame.path);
            requestedFrame = null;
        }
        settle();
        if (halted) return new StepResult(StepResult.Kind.HALTED, ran, failed, stepEffects);
        return new StepResult(kind, ran, failed, stepEffects);
    }

    private StepResult finish() {
        if (halted) return new StepResult(StepResult.Kind.HALTED, null, false);
        if (budgetExhausted) return new StepResult(StepResult.Kind.BUDGET_EXHAUSTED, null, false);
        return new StepResult(StepResult.Kind.FINISHED, null, false);
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    // ---- Release 13 statements ----------------------------------------------------------------

    /** The Release 13 engine (D2): statically matched blocks, counted loops, v3 expansion. */
    private final class D2Engine implements ScriptEngine {
        @Override public void begin(Frame f) { }
        @Override public void execute(Frame f, ScriptLine line) { Interpreter.this.execute(f, line); }

        @Override
        public void resume(Frame f) {
            if (!f.pending.substitutionsDone()) runSubstitution(f);
            else finishPending(f);
        }

        @Override public boolean skips(Frame f, ScriptLine line) { return !line.kind().isStatement(); }
        @Override public boolean waiting(Frame f) { return f.pending != null && f.pending.waiting; }

        @Override
        public void deliver(Frame f, String captured) {
            f.pending.waiting = false;
            f.pending.results.add(Expander.captureResult(captured));
        }

        @Override
        public void end(Frame f) {
            for (SyntaxProblem p : f.script.problems()) {
                if (STRUCTURE_CODES.contains(p.code())) warn(f, p.line(), p.message());
            }
        }

        @Override public int captureLimit() { return CAPTURE_BUFFER; }
        @Override public boolean stopped(Frame f) { return false; }
    }

    private void execute(Frame f, ScriptLine line) {
        switch (line.kind()) {
            case SET -> assign(f, line);
            case IFEQ, IFNEQ -> branch(f, line);
            case ELSE -> {
                int opener = f.script.openerOf(line.index());
                if (opener >= 0 && popTo(f, Block.Kind.IF, opener)) f.pc = f.script.endOf(opener) + 1;
                else f.pc++;
            }
            case ENDIF -> {
                int opener = f.script.openerOf(line.index());
                if (opener >= 0) popTo(f, Block.Kind.IF, opener);
                f.pc++;
            }
            case LOOP -> loop(f, line);
            case ENDLOOP -> endLoop(f, line);
            case COMMAND -> command(f, line);
            default -> f.pc++;
        }
    }

    private void assign(Frame f, ScriptLine line) {
        LineParts.Assignment a = LineParts.assignment(line);
        f.pc++;
        // as on EYN-OS, silently: `eyn check` and the language server point these out
        if (!a.hasEquals() || a.key().isEmpty()) return;
        String key = a.key().length() > Limits.NAME ? a.key().substring(0, Limits.NAME) : a.key();
        String raw = cut(a.value(), Limits.SET_VALUE_INPUT);
        String expanded = cut(expand(f, raw), Limits.SET_VALUE_INPUT);
        List<Expander.Substitution> subs = Expander.substitutions(expanded);
        if (subs.isEmpty()) {
            store(f, key, expanded);
        } else {
            f.pc--;
            f.pending = new PendingLine(true, key, expanded, subs);
            runSubstitution(f);
        }
    }

    private void store(Frame f, String key, String value) {
        String v = cut(value, Limits.STORED_VALUE);
        if (!f.variables.containsKey(key) && f.variables.size() >= Limits.VARIABLES) {
            router.line(Color.YELLOW, "Warning: variable table full, cannot store '" + key + "'");
            counters.warnings++;
            return;
        }
        f.variables.put(key, v);
    }

    private void branch(Frame f, ScriptLine line) {
        int i = line.index();
        LineParts.Condition c = LineParts.condition(line);
        boolean equal = expand(f, c.left()).equals(expand(f, c.right()));
        boolean taken = c.hasRight() && (line.kind() == LineKind.IFEQ ? equal : !equal);
        int end = f.script.endOf(i);
        if (f.count(Block.Kind.IF) >= Limits.IF_NESTING) {
            error(f, i, "more than " + Limits.IF_NESTING + " nested ifeq/ifneq blocks; the block is skipped");
            f.pc = end + 1;
            return;
        }
        int elseLine = f.script.elseOf(i);
        if (taken) {
            f.blocks.add(new Block(Block.Kind.IF, i, 1));
            f.pc = i + 1;
        } else if (elseLine >= 0) {
            f.blocks.add(new Block(Block.Kind.IF, i, 1));
            f.pc = elseLine + 1;
        } else {
            f.pc = end + 1;
        }
    }

    private void loop(Frame f, ScriptLine line) {
        int i = line.index();
        int end = f.script.endOf(i);
        String text = cut(expand(f, LineParts.loopCount(line)), Limits.LOOP_COUNT_TEXT).strip();
        Long count = LineParts.loopCountValue(text);
        if (count == null) {
            error(f, i, "loop count is not a number: '" + text + "'; the loop is skipped");
            f.pc = end + 1;
        } else if (count > Integer.MAX_VALUE) {
            error(f, i, "loop count " + text + " is larger than " + Integer.MAX_VALUE + "; the loop is skipped");
            f.pc = end + 1;
        } else if (count <= 0) {
            f.pc = end + 1;
        } else if (f.count(Block.Kind.LOOP) >= Limits.LOOP_NESTING) {
            error(f, i, "more than " + Limits.LOOP_NESTING + " nested loops; the loop is skipped");
            f.pc = end + 1;
        } else {
            f.blocks.add(new Block(Block.Kind.LOOP, i, count));
            f.pc = i + 1;
        }
    }

    private void endLoop(Frame f, ScriptLine line) {
        int opener = f.script.openerOf(line.index());
        Block loop = null;
        for (int k = f.blocks.size() - 1; k >= 0 && opener >= 0; k--) {
            Block b = f.blocks.get(k);
            if (b.kind == Block.Kind.LOOP && b.line == opener) {
                loop = b;
                break;
            }
        }
        if (loop == null) {
            f.pc++;
            return;
        }
        while (top(f) != loop) f.blocks.remove(f.blocks.size() - 1);
        if (--loop.remaining > 0) {
            loop.iteration++;
            f.pc = opener + 1;
        } else {
            f.blocks.remove(f.blocks.size() - 1);
            f.pc++;
        }
    }

    private static Block top(Frame f) {
        return f.blocks.get(f.blocks.size() - 1);
    }

    /** Pops blocks down to and including the one opened on {@code line}; false when it is not open. */
    private static boolean popTo(Frame f, Block.Kind kind, int line) {
        for (int k = f.blocks.size() - 1; k >= 0; k--) {
            Block b = f.blocks.get(k);
            if (b.kind == kind && b.line == line) {
                while (f.blocks.size() > k) f.blocks.remove(f.blocks.size() - 1);
                return true;
            }
        }
        return false;
    }

    private void command(Frame f, ScriptLine line) {
        // the top script's lines stand for lines typed at the prompt: they join the shell's history
        if (frames.size() == 1 && !runFromPrompt) machine.addHistory(cut(line.text(), Limits.TYPED_LINE));
        String expanded = cut(expand(f, line.text()), Limits.EXPANDED_LINE);
        List<Expander.Substitution> subs = Expander.substitutions(expanded);
        if (subs.isEmpty()) {
            f.pc++;
            dispatch(expanded);
        } else {
            f.pending = new PendingLine(false, null, expanded, subs);
            runSubstitution(f);
        }
    }

    // ---- substitutions -----------------------------------------------------------------------

    private void runSubstitution(Frame f) {
        PendingLine p = f.pending;
        String inner = cut(expand(f, p.next().inner().strip()), Limits.SUBSTITUTION_TEXT + 20);
        String fast = RandomFastPath.evaluate(inner, machine.rng());
        if (fast != null) {
            p.results.add(fast);
            return;
        }
        StringBuilder capture = new StringBuilder();
        stepCapture = capture;
        try {
            dispatch(inner);
        } finally {
            stepCapture = null;
        }
        if (requestedFrame != null) {
            p.waiting = true; // the nested script's output lands in this capture; endFrame delivers it
        } else {
            p.results.add(Expander.captureResult(capture.toString()));
        }
    }

    private void finishPending(Frame f) {
        PendingLine p = f.pending;
        f.pending = null;
        f.pc++;
        String text = p.assemble();
        if (p.assignment) store(f, p.key, cut(text, Limits.SET_VALUE_INPUT));
        else dispatch(text);
    }

    // ---- commands ----------------------------------------------------------------------------

    private void dispatch(String text) {
        shell.dispatch(text);
    }

    private void dispatchRelease13(String text) {
        String line = text.strip();
        if (line.isEmpty()) return;
        counters.commands++;
        if (line.length() > Limits.COMMAND_LINE) {
            router.error("[SAFETY] Invalid command arguments");
            return;
        }
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        CommandSpec spec = CommandTable.get(name);
        Command behaviour = Builtins.get(name);
        if (spec == null || behaviour == null) {
            router.error("Command not found: " + name);
            effect(new eyn.commands.Effect.Failed(name, "Command not found: " + name));
            return;
        }
        List<Word> words = ArgChecker.split(line);
        ArgChecker.Result checked = ArgChecker.check(spec, line, words.subList(1, words.size()),
                machine.config().fidelity() == eyn.machine.Fidelity.FAITHFUL);
        if (!checked.ok()) {
            if (checked.problem().message() != null) router.error(checked.problem().message());
            if (checked.problem().showUsage()) for (String u : spec.usageLines()) router.plain(u);
            router.errorLines++;
            commandFailed(name, checked.problem().message() != null ? checked.problem().message() : "usage: " + spec.usage());
            return;
        }
        Invocation call = new Invocation(spec, checked.args(), machine, this);
        long before = router.errorLines;
        behaviour.run(call);
        if (call.failed()) router.errorLines++;
        if (router.errorLines > before) commandFailed(name, router.lastError);
    }

    /** A script started by a typed {@code run}: its lines are not typed, so they stay out of the history. */
    private boolean runFromPrompt;

    /**
     * Runs one line as typed at EYN-OS's prompt: it joins the command history, no variables or
     * {@code $(…)} expand, and its output goes to the sink; {@code run script} runs the script to its
     * end (when no script is running). Returns whether a command failed.
     */
    public boolean typed(String line) {
        String text = cut(line, Limits.TYPED_LINE);
        machine.addHistory(text);
        long before = router.errorLines;
        if (frames.isEmpty()) {
            current = null;
            dispatch(text);
            if (requestedFrame != null) {
                // `run script` at the prompt: the script runs to its end before the next line is typed
                Frame f = requestedFrame;
                requestedFrame = null;
                frames.add(f);
                scripts.add(f.path);
                settle();
                runFromPrompt = true;
                try {
                    while (!frames.isEmpty()) step();
                } finally {
                    runFromPrompt = false;
                }
            }
        } else {
            dispatch(text);
            requestedFrame = null;
        }
        return router.errorLines > before;
    }

    /**
     * Runs one command line on the live machine, as a debug console does: variables of the current
     * frame expand, output is returned instead of printed. Nested scripts are not started.
     */
    public String evaluate(String line) {
        StringBuilder capture = new StringBuilder();
        StringBuilder previous = stepCapture;
        stepCapture = capture;
        long errorsBefore = router.errorLines;
        try {
            dispatch(cut(expandText(line), Limits.EXPANDED_LINE));
        } finally {
            stepCapture = previous;
            evaluationFailed = router.errorLines > errorsBefore;
        }
        if (requestedFrame != null) {
            requestedFrame = null;
            capture.append("run is not available in the debug console\n");
        }
        if (halted && !frames.isEmpty()) settle();
        return capture.toString();
    }

    /** True when the last {@link #evaluate} printed an error. */
    public boolean evaluationFailed() {
        return evaluationFailed;
    }

    private boolean evaluationFailed;

    /** Expands variables in a text as the innermost frame's engine would, running nothing. */
    public String expandText(String text) {
        return frames.isEmpty() ? text
                : top().d3 != null ? eyn.language.D3Expansion.expandQuietly(text, this::variable) : expand(top(), text);
    }

    /** Sets a variable of a frame (0 = outermost), as {@code set} would store it; false when the table is full. */
    public boolean setVariable(int frame, String name, String value) {
        if (frame < 0 || frame >= frames.size() || name.isEmpty() || name.length() > Limits.NAME) return false;
        Frame f = frames.get(frame);
        if (!f.variables.containsKey(name) && f.variables.size() >= Limits.VARIABLES) return false;
        f.variables.put(name, cut(value, Limits.STORED_VALUE));
        return true;
    }

    /**
     * Moves the innermost frame to another statement of the same block (a debugger's goto); false
     * when the line is not a statement, lies in another block, or a line is half done.
     */
    public boolean jump(int line) {
        if (frames.isEmpty()) return false;
        Frame f = top();
        if (f.busy() || line < 0 || line >= f.script.size() || !f.script.line(line).kind().isStatement()) return false;
        if (!enclosing(f.script, line).equals(enclosing(f.script, f.pc))) return false;
        f.pc = line;
        return true;
    }

    /** The openers of the blocks a line sits in, outermost first. */
    public static List<Integer> enclosing(Script script, int line) {
        List<Integer> openers = new ArrayList<>();
        for (int i = 0; i < Math.min(line, script.size()); i++) {
            if (script.line(i).kind().opensBlock() && script.endOf(i) > line) openers.add(i);
        }
        return openers;
    }

    /** A variable of the innermost frame, or null; in the 2026 dialect a digit names an argument. */
    public String variable(String name) {
        if (frames.isEmpty()) return null;
        Frame f = top();
        if (f.d3 != null && name.length() == 1 && Character.isDigit(name.charAt(0))) {
            int i = name.charAt(0) - '0';
            return i < f.args.size() ? f.args.get(i) : "";
        }
        return f.variables.get(name);
    }

    @Override
    public void runScript(String path, String source) {
        runScript(path, source, List.of());
    }

    @Override
    public void runScript(String path, String source, List<String> args) {
        if (frames.size() >= Limits.RUN_NESTING) {
            router.error("Error: Script nesting too deep (more than " + Limits.RUN_NESTING + " scripts): " + path);
            if (engine instanceof D2Engine) router.error("Error: Program execution failed");
            return;
        }
        if (engine instanceof D3Engine && source.length() > eyn.language.D3Limits.SCRIPT_BYTES) {
            router.error("[script] Error: script too large (" + source.length() + " bytes, max "
                    + eyn.language.D3Limits.SCRIPT_BYTES + "): " + path);
            return;
        }
        StringBuilder parentCapture = frames.isEmpty() ? null : top().capture;
        requestedFrame = newFrame(path, source, args, stepCapture != null ? stepCapture : parentCapture);
    }

    // ---- services for the engines and shells -------------------------------------------------

    /** Prints through the machine's console (to the innermost capture or the sink). */
    void print(eyn.machine.Color color, String text) {
        router.print(color, text);
    }

    /** A script-engine error line (red): the step counts as failed. */
    void scriptError(String line) {
        router.error(line);
        commandFailed("script", line);
    }

    void countWarning() {
        counters.warnings++;
    }

    void countCommand() {
        counters.commands++;
    }

    /** The command now running failed without printing a red line. */
    void markFailed() {
        router.errorLines++;
    }

    /** A 2026 command line for the shell. */
    void shellLine(String line) {
        dispatch(line);
    }

    /** Starts a nested script after the current step (2026 scripts found by name or path). */
    void startScript(String path, String source, List<String> args) {
        runScript(path, source, args);
    }

    /**
     * Runs a command line with its output captured, as {@code $(...)} does; returns the captured
     * text (cut to the capture size), or null when the line started a nested script, whose output
     * is delivered when it ends.
     */
    String captureCommand(String command) {
        StringBuilder capture = new StringBuilder();
        StringBuilder previous = stepCapture;
        stepCapture = capture;
        try {
            dispatch(command);
        } finally {
            stepCapture = previous;
        }
        if (requestedFrame != null) return null;
        return capture.toString();
    }

    /** Arms a multi-stage pipeline; only one can wait at a time (a second is dropped silently, as on the OS). */
    void deferPipeline(List<String> segments) {
        if (deferredPipeline == null) deferredPipeline = List.copyOf(segments);
    }

    /** A while loop jumped back to its line. */
    void loopedBack(Frame f) {
        f.d3.loopLine = f.pc;
    }

    /** Line 2048 of a 2026 script: the engine stops splitting there, so the rest of the file belongs to it. */
    String restOfFile(Frame f, ScriptLine line) {
        StringBuilder b = new StringBuilder(line.text());
        for (int i = line.index() + 1; i < f.script.size(); i++) b.append('\n').append(f.script.line(i).raw());
        return b.toString();
    }

    @Override
    public void effect(eyn.commands.Effect effect) {
        if (stepEffects.isEmpty()) stepEffects = new ArrayList<>(2);
        stepEffects.add(effect);
    }

    /** Records that a command failed, with the reason it printed. */
    void commandFailed(String name, String reason) {
        effect(new eyn.commands.Effect.Failed(name, reason == null || reason.isBlank() ? name + " failed" : reason.strip()));
    }

    @Override
    public void halt() {
        halted = true;
    }

    // ---- frame bookkeeping -------------------------------------------------------------------

    /** Moves to the next statement: skips comments and blank lines, ends finished frames. */
    private void settle() {
        if (halted) {
            frames.clear();
            return;
        }
        while (!frames.isEmpty()) {
            Frame f = top();
            if (f.busy()) return;
            while (f.pc < f.script.size() && !engine.stopped(f) && engine.skips(f, f.script.line(f.pc))) f.pc++;
            if (f.pc < f.script.size() && !engine.stopped(f)) return;
            endFrame(f);
        }
    }

    private void endFrame(Frame f) {
        engine.end(f);
        effect(new eyn.commands.Effect.ScriptEnded(f.path, halted ? "halted" : engine.stopped(f) ? "aborted"
                : f.d3 != null && f.d3.exited ? "exit" : "end"));
        frames.remove(frames.size() - 1);
        if (frames.isEmpty()) {
            if (deferredPipeline != null && shell instanceof Shell2026 s2026) {
                List<String> stages = deferredPipeline;
                deferredPipeline = null;
                s2026.runStages(stages);
            }
            return;
        }
        Frame parent = top();
        if (engine.waiting(parent) && f.capture != parent.capture) engine.deliver(parent, f.capture.toString());
    }

    private String expand(Frame f, String text) {
        return Expander.expand(text, f.variables::get);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private void error(Frame f, int line, String message) {
        router.error(where("Error", f, line) + message);
    }

    private void warn(Frame f, int line, String message) {
        router.warn(where("Warning", f, line) + message);
        counters.warnings++;
    }

    private String where(String what, Frame f, int line) {
        return frames.indexOf(f) <= 0 ? what + " on line " + (line + 1) + ": " : what + " in " + f.path + " on line " + (line + 1) + ": ";
    }

    // ---- snapshots ---------------------------------------------------------------------------

    public Snapshot snapshot() {
        return new Snapshot(machine.snapshot(), copyFrames(frames), halted, budgetExhausted, counters.copy(), steps,
                deferredPipeline, shell.saveState());
    }

    public void restore(Snapshot s) {
        machine.restore(s.machine);
        frames.clear();
        frames.addAll(copyFrames(s.frames));
        halted = s.halted;
        budgetExhausted = s.budgetExhausted;
        counters = s.counters.copy();
        steps = s.steps;
        requestedFrame = null;
        stepCapture = null;
        deferredPipeline = s.deferredPipeline;
        shell.restoreState(s.shellState);
    }

    private static List<Frame> copyFrames(List<Frame> source) {
        Map<StringBuilder, StringBuilder> captures = new IdentityHashMap<>();
        List<Frame> copy = new ArrayList<>();
        for (Frame f : source) {
            StringBuilder c = f.capture == null ? null : captures.computeIfAbsent(f.capture, b -> new StringBuilder(b));
            copy.add(f.copy(c));
        }
        return copy;
    }

    /** A digest of the interpreter's and the machine's state, for determinism and reverse-step checks. */
    public long digest() {
        long h = machine.digest();
        for (Frame f : frames) {
            h = h * 31 + f.path.hashCode();
            h = h * 31 + f.pc;
            h = h * 31 + f.variables.hashCode();
            for (Block b : f.blocks) h = h * 31 + b.toString().hashCode();
            h = h * 31 + (f.pending == null ? 0 : f.pending.results.hashCode() + 7);
            h = h * 31 + (f.d3 == null ? 0 : f.d3.toString().hashCode());
        }
        h = h * 31 + (deferredPipeline == null ? 0 : deferredPipeline.hashCode());
        h = h * 31 + counters.outputPosition;
        h = h * 31 + counters.failures;
        return h;
    }

    // ---- output routing ----------------------------------------------------------------------

    /** The machine's console: sends text to the innermost capture or to the sink, and counts failures. */
    private final class Router implements Console {
        /** Red lines printed plus failures without one; a step failed when this grew. */
        long errorLines;
        /** The last red line printed: a failed command's reason. */
        String lastError;

        @Override
        public void print(Color color, String text) {
            if (color == Color.RED) {
                errorLines++;
                lastError = text;
            }
            StringBuilder capture = stepCapture != null ? stepCapture : frames.isEmpty() ? null : top().capture;
            if (capture != null) {
                int limit = engine.captureLimit();
                if (capture.length() < limit) capture.append(text, 0, Math.min(text.length(), limit - capture.length()));
                return;
            }
            counters.outputPosition += text.length();
            sink.write(color, text, current);
        }

        @Override
        public void clear() {
            if (stepCapture == null && (frames.isEmpty() || top().capture == null)) sink.clear();
        }
    }
}
