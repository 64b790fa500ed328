package eyn.profile;

import eyn.commands.Release13Commands;
import eyn.commands.y2026.Commands2026;
import eyn.language.Dialect;
import java.util.List;

/** The OS generations the product serves. A third one is one more constant and its fixtures. */
public final class Profiles {
    private Profiles() {}

    public static final Profile R13 = new Profile("r13", "EYN-OS Release 13", Dialect.D2, Release13Commands.INSTANCE);
    public static final Profile Y2026 = new Profile("2026", "EYN-OS 2026", Dialect.D3, Commands2026.INSTANCE);

    public static List<Profile> all() {
        return List.of(R13, Y2026);
    }

    /** The profile with this id (r13, 2026; "release13" is accepted too), or null. */
    public static Profile byId(String id) {
        if (id == null) return null;
        String k = id.strip().toLowerCase(java.util.Locale.ROOT);
        for (Profile p : all()) if (p.id().equals(k)) return p;
        return k.equals("release13") || k.equals("r-13") ? R13 : null;
    }
}
