package eyn.language;

import java.util.List;

/**
 * One physical line of a script. {@code raw} is the line as read (without its line break, cut at a
 * NUL byte and at 511 characters as EYN-OS does); {@code text} is the trimmed statement.
 * For directives, {@code words} holds the keyword followed by its operands; for commands, the
 * command name followed by its space-separated arguments. {@code rest} is the raw text after the
 * keyword or command name (and the spaces after it), which is what EYN-OS handlers parse.
 */
public record ScriptLine(int index, String raw, int textStart, String text, LineKind kind,
                         List<Word> words, String rest, int restStart) {

    public Word head() {
        return words.isEmpty() ? new Word("", textStart, textStart) : words.get(0);
    }

    /** The command name for a COMMAND line, the keyword for a directive, "" otherwise. */
    public String name() {
        return head().text();
    }

    public int textEnd() {
        return textStart + text.length();
    }
}
