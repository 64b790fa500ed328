package eyn.debug;

import eyn.interpreter.Frame;
import eyn.interpreter.Interpreter;
import eyn.profile.Profile;
import eyn.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the debug console completes: command names of the running profile at the start of a line,
 * variable names after {@code $}. {@code start} and {@code length} are 0-based columns of the word
 * that the completion replaces.
 */
public final class ConsoleCompletions {
    public enum Type { COMMAND, VARIABLE }

    public record Item(String label, Type type, int start, int length) {}

    private ConsoleCompletions() {}

    public static List<Item> of(Interpreter in, String text, int column) {
        column = Math.max(0, Math.min(text.length(), column));
        int start = column;
        while (start > 0 && text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '$') start--;
        String prefix = text.substring(start, column);
        boolean variable = start > 0 && text.charAt(start - 1) == '$';
        List<Item> items = new ArrayList<>();
        if (variable) {
            List<Frame> frames = in.frames();
            if (!frames.isEmpty()) {
                for (String name : frames.get(frames.size() - 1).variables().keySet()) {
                    if (name.startsWith(prefix)) items.add(new Item(name, Type.VARIABLE, start, prefix.length()));
                }
            }
        } else if (text.substring(0, start).isBlank()) {
            for (String name : commandNames(in.profile())) {
                if (name.startsWith(prefix)) items.add(new Item(name, Type.COMMAND, start, prefix.length()));
            }
        }
        return items;
    }

    /** The names a profile's console runs: its command set and its aliases. */
    public static TreeSet<String> commandNames(Profile profile) {
        TreeSet<String> names = new TreeSet<>();
        for (var spec : profile.commands().all()) names.add(spec.name());
        names.addAll(profile.commands().aliases().keySet());
        return names;
    }

    /** True when some profile knows a command by this name (function breakpoints may come before launch). */
    public static boolean knownCommand(String name) {
        for (Profile p : Profiles.all()) if (p.commands().spec(name) != null) return true;
        return eyn.commands.CommandTable.get(name) != null;
    }
}
