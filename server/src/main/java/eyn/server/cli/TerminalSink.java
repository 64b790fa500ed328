package eyn.server.cli;

import eyn.interpreter.Location;
import eyn.interpreter.OutputSink;
import eyn.machine.Color;
import java.io.PrintStream;

/** Prints script output, with EYN-OS's colours as ANSI codes when asked. */
final class TerminalSink implements OutputSink {
    private final PrintStream out;
    private final boolean color;

    TerminalSink(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public void write(Color c, String text, Location where) {
        String code = color ? ansi(c) : null;
        if (code == null) {
            out.print(text);
            return;
        }
        // colour each line separately so a cut-off run never leaves the terminal coloured
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) out.print(code + text.substring(start, end) + "\u001b[0m");
            if (nl >= 0) out.print('\n');
            start = nl < 0 ? text.length() : nl + 1;
        }
    }

    @Override
    public void clear() {
        if (color) out.print("\u001b[2J\u001b[H");
    }

    static String ansi(Color c) {
        return switch (c) {
            case RED -> "\u001b[31m";
            case GREEN -> "\u001b[32m";
            case ORANGE -> "\u001b[33m";
            case YELLOW -> "\u001b[93m";
            case BLUE -> "\u001b[34m";
            case GREY -> "\u001b[90m";
            case WHITE -> null;
        };
    }
}
