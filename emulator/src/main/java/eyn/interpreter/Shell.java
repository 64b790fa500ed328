package eyn.interpreter;

/** The OS's command-line dispatcher: what happens to a line that is not a script keyword. */
interface Shell {
    /** Runs one command line (already expanded); output goes to the machine's console. */
    void dispatch(String line);

    /** What the shell remembers between lines (for snapshots); null when nothing. */
    default Object saveState() {
        return null;
    }

    /** Puts back what {@link #saveState} returned. */
    default void restoreState(Object state) {}
}
