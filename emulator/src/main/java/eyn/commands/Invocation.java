package eyn.commands;

import eyn.machine.Console;
import eyn.machine.Machine;

/** One run of one command: its spec, checked arguments, the machine, and where output goes. */
public final class Invocation {
    public final CommandSpec spec;
    public final Args args;
    public final Machine machine;
    public final ScriptHost host;
    private boolean failed;

    public Invocation(CommandSpec spec, Args args, Machine machine, ScriptHost host) {
        this.spec = spec;
        this.args = args;
        this.machine = machine;
        this.host = host;
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
