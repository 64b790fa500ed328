package eyn.profile;

import eyn.commands.CommandSet;
import eyn.language.Dialect;

/**
 * One generation of EYN-OS as scripts see it: its script {@link Dialect} and its {@link CommandSet}.
 * Chosen per script ({@link ProfileChooser}); everything that depends on the OS generation reads it
 * from here rather than asking which generation it is.
 */
public record Profile(String id, String title, Dialect dialect, CommandSet commands) {
    @Override
    public String toString() {
        return id;
    }
}
