package eyn.debug;

import eyn.interpreter.Location;
import eyn.machine.Color;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the debug console says besides the script's own output, in EYN-OS's colours: the reason of
 * a stop that people should read where they look (a failure in red, a data breakpoint in orange)
 * and how the session ended (green, or red when a command failed).
 */
public final class ConsoleLines {
    /** A console line; {@code at} is the line it refers to, or null. */
    public record Line(Color color, String text, Location at) {}

    private ConsoleLines() {}

    /** "Stopped: ..." for exception and data-breakpoint stops, at the top frame's line; null for other stops. */
    public static Line stopped(Debugger.Stop stop, Supplier<List<Debugger.ShownFrame>> shown) {
        if (stop.reason() != Debugger.Reason.DATA_BREAKPOINT && stop.reason() != Debugger.Reason.EXCEPTION) return null;
        List<Debugger.ShownFrame> stack = shown.get();
        Debugger.ShownFrame top = stack.isEmpty() ? null : stack.get(0);
        Location at = top == null ? null : new Location(top.path(), top.line(), 0);
        String said = stop.failure() != null ? stop.failure().text() : stop.description();
        return new Line(stop.failure() != null ? Color.RED : Color.ORANGE, "Stopped: " + said, at);
    }

    /** The stopped event's longer text: what failed and why, or the stop's own text. */
    public static String stopText(Debugger.Stop stop) {
        return stop.failure() != null ? stop.failure().text() : stop.text();
    }

    /** "main.eyn ended: 12 statements, 2 commands failed, exit status 1". */
    public static Line ended(Debugger.Summary summary) {
        return new Line(summary.failures() > 0 ? Color.RED : Color.GREEN, summary.text(), null);
    }
}
