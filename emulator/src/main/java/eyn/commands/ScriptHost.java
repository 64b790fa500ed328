package eyn.commands;

/** What commands ask of whoever runs them: nested scripts and halting. The interpreter implements it. */
public interface ScriptHost {
    /** Runs a script's text as a nested script after the current command; {@code path} names it in messages. */
    void runScript(String path, String source);

    /** Runs a script with arguments ({@code $1}..{@code $9} in the 2026 dialect; {@code path} is its {@code $0}). */
    default void runScript(String path, String source, java.util.List<String> args) {
        runScript(path, source);
    }

    /** Records what the command now running did (see {@link Effect}). */
    default void effect(Effect effect) {}

    /** Stops the machine: no further line runs. */
    void halt();

    /** A host with no scripts: {@code run} and {@code exit} are accepted and ignored. */
    ScriptHost NONE = new ScriptHost() {
        @Override public void runScript(String path, String source) { }
        @Override public void halt() { }
    };
}
