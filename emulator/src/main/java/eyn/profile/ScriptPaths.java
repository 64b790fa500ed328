package eyn.profile;

/** How a top-level script is named where the OS shows its path ({@code $0} is absolute on 2026). */
public final class ScriptPaths {
    private ScriptPaths() {}

    /** The name a script on drive 0's root runs under: "/name" for 2026 ($0), the file name for Release 13. */
    public static String scriptPath(Profile profile, String fileName) {
        return profile.dialect() == eyn.language.Dialect.D3 && !fileName.startsWith("/") ? "/" + fileName : fileName;
    }
}
