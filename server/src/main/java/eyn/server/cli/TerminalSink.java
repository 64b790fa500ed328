package eyn.server.cli;

import eyn.interpreter.Location;
import eyn.interpreter.OutputSink;
import eyn.machine.Color;
import eyn.server.common.Ansi;
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
        out.print(color ? Ansi.paint(c, text) : text);
    }

    @Override
    public void clear() {
        if (color) out.print("\u001b[2J\u001b[H");
    }
}
