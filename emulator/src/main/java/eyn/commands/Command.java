package eyn.commands;

/** A command's behaviour: checked arguments in, output and machine changes out. */
@FunctionalInterface
public interface Command {
    void run(Invocation call);
}
