package eyn.commands;

import eyn.machine.Console;
import eyn.machine.Machine;
import java.util.List;

/** One run of one command: its spec, checked arguments, the machine, and where output goes. */
public final class Invocation {
    public final CommandSpec spec;
    public final Args args;
    public final Machine machine;
    public final ScriptHost host;
    /** The words after the command name, as the program's argv sees them (2026 programs parse these). */
    public final List<String> argv;
    /** What a pipeline feeds the command (empty when nothing is piped in). */
    public final String stdin;
    private boolean failed;
    private String lastLine;

    public Invocation(CommandSpec spec, Args args, Machine machine, ScriptHost host) {
        this(spec, args, machine, host, List.of(), "");
    }

    public Invocation(CommandSpec spec, Args args, Machine machine, ScriptHost host, List<String> argv, String stdin) {
        this.spec = spec;
        this.args = args;
        this.machine = machine;
        this.host = host;
        this.argv = List.copyOf(argv);
        this.stdin = stdin;
    }

    /** The i-th word after the command name, or null. */
    public String arg(int i) {
        return i < argv.size() ? argv.get(i) : null;
    }

    /** Prints a line in the default colour and marks the command failed (2026 programs print errors uncoloured). */
    public void failWith(String line) {
        out().plain(line);
        lastLine = line;
        failed = true;
    }

    /** The last line this command printed as a failure (null when none). */
    public String lastLine() {
        return lastLine;
    }

    /** Records a typed effect of this command for the debugger and the analysis. */
    public void effect(Effect e) {
        host.effect(e);
    }

    public Console out() {
        return machine.console();
    }

    /** Marks the command failed without an error line of its own (the usage was printed, say). */
    public void fail() {
        failed = true;
    }

    /** Prints a red error line; the command has failed. */
    public void error(String line) {
        out().error(line);
        lastLine = line;
        failed = true;
    }

    public boolean failed() {
        return failed;
    }

    public void usage() {
        for (String line : spec.usageLines()) out().plain(line);
        failed = true;
    }
}
