package eyn.server.common;

import eyn.machine.Color;

/** EYN-OS's colours as ANSI escape codes, for terminals and debug consoles. */
public final class Ansi {
    public static final String RESET = "\u001b[0m";

    private Ansi() {}

    /** The escape code for a colour; null for white, which is printed plain. */
    public static String code(Color c) {
        return switch (c) {
            case RED -> "\u001b[31m";
            case GREEN -> "\u001b[32m";
            case ORANGE -> "\u001b[33m";
            case SCRIPT_ORANGE -> "\u001b[38;5;208m";
            case YELLOW -> "\u001b[93m";
            case BLUE -> "\u001b[34m";
            case GREY -> "\u001b[90m";
            case WHITE -> null;
        };
    }

    /** Colours each line of the text separately, so a cut-off run never leaves a terminal coloured. */
    public static String paint(Color c, String text) {
        String code = code(c);
        if (code == null) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) out.append(code).append(text, start, end).append(RESET);
            if (nl >= 0) out.append('\n');
            start = nl < 0 ? text.length() : nl + 1;
        }
        return out.toString();
    }
}
