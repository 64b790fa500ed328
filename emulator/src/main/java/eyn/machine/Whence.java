package eyn.machine;

/** zseek's origin words. */
public enum Whence {
    SET("set"), CUR("cur"), END("end");

    private final String word;

    Whence(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Whence parse(String word) {
        for (Whence w : values()) if (w.word.equals(word)) return w;
        return null;
    }
}
