package eyn.interpreter;

/** A statement in a script: the script's path and the 0-based line index; depth 1 is the top script. */
public record Location(String path, int line, int depth) {
    @Override
    public String toString() {
        return path + ":" + (line + 1);
    }
}
