package eyn.language;

/** A space-separated word of a line, with its 0-based column range [start, end) in the raw line. */
public record Word(String text, int start, int end) {
    public static Word at(String line, int start, int end) {
        return new Word(line.substring(start, end), start, end);
    }
}
