package eyn.commands.y2026;

import eyn.commands.Command;
import eyn.commands.CommandSet;
import eyn.commands.CommandSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 2026 command set: the 110 programs of /binaries (specs in {@link Table2026}), the behaviours
 * the emulator has for them ({@link Programs2026}), and the shipped alias table. The set is open: a
 * script may call any program installed in /binaries.
 */
public final class Commands2026 implements CommandSet {
    public static final Commands2026 INSTANCE = new Commands2026();

    /** /config/aliases.cfg as shipped (reference 1.3); the quoted "update all" line is not loaded by the OS. */
    private static final Map<String, String> ALIASES = shippedAliases();

    private final Map<String, CommandSpec> specs;
    private final Map<String, Command> behaviours;

    private Commands2026() {
        Map<String, CommandSpec> s = new LinkedHashMap<>();
        for (CommandSpec spec : Table2026.specs()) s.put(spec.name(), spec);
        specs = Collections.unmodifiableMap(s);
        behaviours = Programs2026.behaviours();
    }

    private static Map<String, String> shippedAliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("compile", "chibicc [arg1] -o [arg2]");
        a.put("ls", "list [args]");
        a.put("cat", "read [args]");
        a.put("del", "delete [args]");
        a.put("rm", "delete [args]");
        a.put("mkdir", "create [args]");
        a.put("makedir", "create [args]");
        a.put("deldir", "delete [args]");
        a.put("update", "install --update-all");
        return Collections.unmodifiableMap(a);
    }

    @Override public String id() { return "2026"; }
    @Override public CommandSpec spec(String name) { return specs.get(name); }
    @Override public Command behaviour(String name) { return behaviours.get(name); }
    @Override public Collection<CommandSpec> all() { return specs.values(); }
    @Override public boolean open() { return true; }
    @Override public Map<String, String> aliases() { return ALIASES; }
    @Override public String notFound(String name) { return "Command not found in /binaries: " + name; }
}
