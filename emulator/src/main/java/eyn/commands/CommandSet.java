package eyn.commands;

import java.util.Collection;
import java.util.Map;

/**
 * The commands of one OS generation: their specs (usage, docs, arguments) and the behaviours the
 * emulator can run. Read by the interpreter, the analyzer, completion, hover and the docs alike.
 */
public interface CommandSet {
    /** A short id ("r13", "2026"). */
    String id();

    /** The spec of a command, or null when the set does not know it. */
    CommandSpec spec(String name);

    /** The behaviour of a command, or null when the emulator cannot run it (known only). */
    Command behaviour(String name);

    Collection<CommandSpec> all();

    /**
     * True when any program can be installed (2026: commands are files in /binaries), so a name
     * outside the set is only a warning before running; false for a closed kernel table (Release 13).
     */
    boolean open();

    /** The shipped aliases: name to template (empty where the OS has none). */
    Map<String, String> aliases();

    /** The message for a name that is neither known nor installed, as the OS prints it. */
    String notFound(String name);
}
