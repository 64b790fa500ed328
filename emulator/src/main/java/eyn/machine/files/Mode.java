package eyn.machine.files;

/** zopen modes with EYN-OS's flag values. */
public enum Mode {
    READ("r", 1), WRITE("w", 2), READ_WRITE("rw", 3);

    private final String word;
    private final int flags;

    Mode(String word, int flags) {
        this.word = word;
        this.flags = flags;
    }

    public String word() { return word; }
    public int flags() { return flags; }
    public boolean readable() { return this != WRITE; }
    public boolean writable() { return this != READ; }

    /** The mode for an exact word, or null. */
    public static Mode parse(String word) {
        for (Mode m : values()) if (m.word.equals(word)) return m;
        return null;
    }
}
