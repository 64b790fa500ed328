package eyn.machine;

/** Where the machine and the commands print. Text may hold several lines; it is printed as given. */
public interface Console {
    void print(Color color, String text);

    /** The screen was cleared ({@code clear}). */
    default void clear() {}

    default void line(Color color, String text) {
        print(color, text + "\n");
    }

    default void error(String text) { line(Color.RED, text); }
    default void ok(String text) { line(Color.GREEN, text); }
    default void warn(String text) { line(Color.ORANGE, text); }
    default void plain(String text) { line(Color.WHITE, text); }
}
