package eyn.profile;

import eyn.language.D3Expansion;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides a script's profile. A first-line comment {@code # eyn: profile=2026} wins; then a setting
 * other than {@code auto}; then the script's own constructs: D3 keywords, {@code $0}..{@code $9} and
 * 2026-only commands mean 2026; {@code ifeq}/{@code loop} and Release 13-only commands (the z*
 * family) mean r13; neither means the workspace default. Reads words only, never parses, so it is
 * cheap enough for every keystroke.
 */
public final class ProfileChooser {
    private static final Pattern COMMENT = Pattern.compile("^\\s*#.*?\\beyn:\\s*profile\\s*=\\s*([A-Za-z0-9_-]+)");
    private static final int MAX_EVIDENCE = 50;

    private ProfileChooser() {}

    /**
     * @param setting the configured profile id, or "auto"/null
     * @param fallback the profile when nothing else decides (the workspace default)
     */
    public static ProfileChoice choose(String text, String setting, Profile fallback) {
        String source = text == null ? "" : text;
        int firstEnd = source.indexOf('\n');
        String first = firstEnd < 0 ? source : source.substring(0, firstEnd);
        return choose(first, evidence(source), setting, fallback);
    }

    /** The same for a text given as its lines (split at '\n'), without joining them. */
    public static ProfileChoice choose(List<String> lines, String setting, Profile fallback) {
        List<ProfileChoice.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < lines.size() && evidence.size() < MAX_EVIDENCE; i++) lineEvidence(lines.get(i), i, evidence);
        return choose(lines.isEmpty() ? "" : lines.get(0), evidence, setting, fallback);
    }

    private static ProfileChoice choose(String first, List<ProfileChoice.Evidence> evidence, String setting, Profile fallback) {
        Matcher m = COMMENT.matcher(first);
        if (m.find() && Profiles.byId(m.group(1)) != null) {
            Profile p = Profiles.byId(m.group(1));
            return new ProfileChoice(p, ProfileChoice.Source.COMMENT, "'# eyn: profile=" + p.id() + "' on line 1", against(evidence, p));
        }
        Profile configured = setting == null ? null : Profiles.byId(setting);
        if (configured != null) {
            return new ProfileChoice(configured, ProfileChoice.Source.SETTING, "the eyn.profile setting", against(evidence, configured));
        }
        if (evidence.isEmpty()) {
            return new ProfileChoice(fallback, ProfileChoice.Source.AUTO, "nothing generation-specific; the default", List.of());
        }
        int d3 = 0;
        int d2 = 0;
        for (ProfileChoice.Evidence e : evidence) if (e.profile() == Profiles.Y2026) d3++; else d2++;
        Profile chosen = d3 == d2 ? evidence.get(0).profile() : d3 > d2 ? Profiles.Y2026 : Profiles.R13;
        ProfileChoice.Evidence why = null;
        for (ProfileChoice.Evidence e : evidence) {
            if (e.profile() == chosen) {
                why = e;
                break;
            }
        }
        return new ProfileChoice(chosen, ProfileChoice.Source.AUTO, why.what() + " on line " + (why.line() + 1), against(evidence, chosen));
    }

    private static List<ProfileChoice.Evidence> against(List<ProfileChoice.Evidence> evidence, Profile chosen) {
        List<ProfileChoice.Evidence> out = new ArrayList<>();
        for (ProfileChoice.Evidence e : evidence) if (e.profile() != chosen) out.add(e);
        return out;
    }

    /**
     * Whether a line holds anything {@link #choose} weighs (a construct of one generation only): an
     * edit that removes and adds no such line leaves the profile as it was, unless it touches line 1.
     */
    public static boolean weighs(String line) {
        List<ProfileChoice.Evidence> found = new ArrayList<>(1);
        lineEvidence(line, 0, found);
        return !found.isEmpty();
    }

    /** Constructs that belong to one generation only, in line order (at most 50). */
    public static List<ProfileChoice.Evidence> evidence(String text) {
        List<ProfileChoice.Evidence> out = new ArrayList<>();
        int line = 0;
        int start = 0;
        int n = text.length();
        while (start <= n && out.size() < MAX_EVIDENCE) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            lineEvidence(text.substring(start, end), line, out);
            if (end == n) break;
            start = end + 1;
            line++;
        }
        return out;
    }

    private static void lineEvidence(String raw, int line, List<ProfileChoice.Evidence> out) {
        int s = 0;
        while (s < raw.length() && (raw.charAt(s) == ' ' || raw.charAt(s) == '\t')) s++;
        if (s >= raw.length() || raw.charAt(s) == '#') return;
        int e = s;
        while (e < raw.length() && raw.charAt(e) != ' ' && raw.charAt(e) != '\t' && raw.charAt(e) != '\r') e++;
        String word = raw.substring(s, e);
        Profile owner = owner(word);
        if (owner != null) out.add(new ProfileChoice.Evidence(owner, line, s, e, "'" + word + "'"));
        for (int i = raw.indexOf('$'); i >= 0 && i + 1 < raw.length(); i = raw.indexOf('$', i + 1)) {
            char d = raw.charAt(i + 1);
            boolean alone = i + 2 >= raw.length() || !D3Expansion.isNameChar(raw.charAt(i + 2));
            if (d >= '0' && d <= '9' && alone) {
                out.add(new ProfileChoice.Evidence(Profiles.Y2026, line, i, i + 2, "the argument $" + d));
                return;
            }
        }
    }

    /** The generation a first word belongs to alone, or null when both know it (or neither). */
    static Profile owner(String word) {
        if (word.isEmpty()) return null;
        for (Profile p : Profiles.all()) {
            if (p.dialect().isKeyword(word) && !otherKnows(p, word)) return p;
        }
        boolean r13 = Profiles.R13.commands().spec(word) != null || Profiles.R13.dialect().isKeyword(word);
        boolean y2026 = Profiles.Y2026.commands().spec(word) != null || Profiles.Y2026.dialect().isKeyword(word)
                || Profiles.Y2026.commands().aliases().containsKey(word);
        if (r13 && !y2026) return Profiles.R13;
        if (y2026 && !r13) return Profiles.Y2026;
        return null;
    }

    private static boolean otherKnows(Profile p, String word) {
        for (Profile q : Profiles.all()) {
            if (q != p && (q.dialect().isKeyword(word) || q.commands().spec(word) != null || q.commands().aliases().containsKey(word))) return true;
        }
        return false;
    }
}
