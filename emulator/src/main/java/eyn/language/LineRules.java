package eyn.language;

import java.util.List;

/** How one dialect reads lines and matches blocks; the {@link Parser} does the rest for every dialect. */
interface LineRules {
    /** One physical line (without its '\n'), read as the dialect's engine reads it. */
    ScriptLine parseLine(int index, String physical, List<SyntaxProblem> problems);

    /** Problems of a line's own text (also for lines reused from an earlier parse, which take them over with their lines moved). */
    void checkLine(ScriptLine line, List<SyntaxProblem> problems);

    /** Links openers, branches and closers (the block lines of {@code links}), and reports broken nesting; it reads a line only to report a problem on it. */
    void matchBlocks(BlockLinks links, java.util.function.IntFunction<ScriptLine> lines, List<SyntaxProblem> problems);

    /**
     * Whether matching the blocks again after an edit from line {@code firstChanged} on that touched no block
     * line would link the same block lines, moved: true unless the matching reads more than the block lines
     * and their order (a line limit, say).
     */
    default boolean matchesAlikeAfterEdit(int firstChanged, int earlierSize, int size) {
        return true;
    }

    /**
     * Whether a problem the matching found stays exactly as it was after such an edit: one on a line before
     * the edit, unless its message names a line after its own (which may have moved).
     */
    default boolean blockProblemUnmovedBy(SyntaxProblem problem, int firstChanged) {
        return problem.line() < firstChanged;
    }

    /** The variable references in a piece of text, by the dialect's expansion rules. */
    List<Expander.VariableRef> references(String text);

}
