package eyn.commands;

import eyn.commands.builtin.Builtins;
import java.util.Collection;
import java.util.Map;

/** Release 13's kernel command table: {@link CommandTable} with the behaviours in {@link Builtins}. */
public final class Release13Commands implements CommandSet {
    public static final Release13Commands INSTANCE = new Release13Commands();

    private Release13Commands() {}

    @Override public String id() { return "r13"; }
    @Override public CommandSpec spec(String name) { return CommandTable.get(name); }
    @Override public Command behaviour(String name) { return Builtins.get(name); }
    @Override public Collection<CommandSpec> all() { return CommandTable.all(); }
    @Override public boolean open() { return false; }
    @Override public Map<String, String> aliases() { return Map.of(); }
    @Override public String notFound(String name) { return "Command not found: " + name; }
}
