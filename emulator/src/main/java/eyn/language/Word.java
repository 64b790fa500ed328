package eyn.language;

/** A space-separated word of a line, with its 0-based column range [start, end) in the raw line. */
public record Word(String text, int start, int end) {
    public static Word at(String line, int start, int end) {
        return new Word(line.substring(start, end), start, end);
    }

    /** Separators of words: the dialects differ (Release 13 splits on spaces only, 2026 on spaces and tabs). */
    public interface Separator {
        boolean test(char c);
    }

    /**
     * The words of {@code raw} from {@code start} (a non-separator) to {@code end}, appended to
     * {@code out}; returns where the text after the first word and its separators starts.
     */
    static int split(String raw, int start, int end, Separator separator, java.util.List<Word> out) {
        int restStart = -1;
        int j = start;
        while (j < end) {
            int ws = j;
            while (j < end && !separator.test(raw.charAt(j))) j++;
            out.add(at(raw, ws, j));
            while (j < end && separator.test(raw.charAt(j))) j++;
            if (restStart < 0) restStart = j;
        }
        return restStart < 0 ? end : restStart;
    }
}
