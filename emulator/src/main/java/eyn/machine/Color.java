package eyn.machine;

/** The colours EYN-OS prints with (reference 1.3), plus blue for directories and grey for prompts. */
public enum Color {
    WHITE(255, 255, 255), RED(255, 0, 0), GREEN(0, 255, 0), ORANGE(255, 165, 0),
    YELLOW(255, 255, 0), BLUE(0, 128, 255), GREY(200, 200, 200),
    /** The 2026 script engine's warnings (255,128,0), not the kernel's older orange. */
    SCRIPT_ORANGE(255, 128, 0);

    public final int r;
    public final int g;
    public final int b;

    Color(int r, int g, int b) {
        this.r = r;
        this.g = g;
        this.b = b;
    }
}
