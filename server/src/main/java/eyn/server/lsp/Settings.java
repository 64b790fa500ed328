package eyn.server.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import eyn.analysis.AnalysisSettings;
import eyn.machine.Fidelity;
import eyn.machine.files.FdTable;
import eyn.profile.Profiles;
import java.util.HashSet;
import java.util.Set;

/**
 * The server's settings, read from initializationOptions and workspace/didChangeConfiguration.
 * Both {@code {"eyn": {...}}} and the bare object are accepted, and dotted keys
 * ({@code "eyn.portabilityWarnings"}) too. {@code profile} is auto, r13 or 2026; {@code defaultProfile}
 * is what auto falls back to; {@code fidelity} is fixed or faithful.
 */
record Settings(String trace, boolean portability, Set<String> disabled, String driveRoot, long ramMib, boolean dryRun,
                String minimumSeverity, String profile, String defaultProfile, String fidelity, String driveImage) {
    static Settings defaults() {
        return new Settings(null, true, Set.of(), null, 128, true, "info", "auto", "r13", "fixed", null);
    }

    /** Whether a diagnostic of this severity is shown under the diagnosticsSeverity setting. */
    boolean shows(eyn.language.Severity s) {
        return switch (minimumSeverity) {
            case "error" -> s == eyn.language.Severity.ERROR;
            case "warning" -> s != eyn.language.Severity.INFO;
            default -> true;
        };
    }

    AnalysisSettings analysis() {
        return new AnalysisSettings(portability, disabled, FdTable.limitForRam(ramMib * 1024 * 1024), dryRun)
                .withProfile(profile, Profiles.byId(defaultProfile)).withFidelity(Fidelity.parse(fidelity));
    }

    Settings merge(JsonElement json) {
        if (json == null || !json.isJsonObject()) return this;
        JsonObject o = json.getAsJsonObject();
        if (o.has("eyn") && o.get("eyn").isJsonObject()) o = o.getAsJsonObject("eyn");
        String t = string(o, "trace", trace);
        if (o.has("trace") && o.get("trace").isJsonObject()) t = string(o.getAsJsonObject("trace"), "server", trace);
        boolean p = bool(o, "portabilityWarnings", portability);
        Set<String> d = disabled;
        JsonElement list = get(o, "disabledDiagnostics");
        if (list != null && list.isJsonArray()) {
            d = new HashSet<>();
            for (JsonElement e : (JsonArray) list) if (e.isJsonPrimitive()) d.add(e.getAsString());
        }
        String root = string(o, "driveRoot", driveRoot);
        long ram = ramMib;
        JsonElement r = get(o, "ram");
        if (r != null && r.isJsonPrimitive() && r.getAsJsonPrimitive().isNumber()) ram = Math.max(1, Math.min(4096, r.getAsLong()));
        boolean dry = bool(o, "dryRun", dryRun);
        String severity = string(o, "diagnosticsSeverity", minimumSeverity);
        if (!Set.of("error", "warning", "info").contains(severity)) severity = minimumSeverity;
        String prof = string(o, "profile", profile);
        if (!prof.equals("auto") && Profiles.byId(prof) == null) prof = profile;
        String defProf = string(o, "defaultProfile", defaultProfile);
        if (Profiles.byId(defProf) == null) defProf = defaultProfile;
        String fid = string(o, "fidelity", fidelity);
        if (Fidelity.parse(fid) == null) fid = fidelity;
        String image = string(o, "driveImage", driveImage);
        return new Settings(t, p, Set.copyOf(d), root == null || root.isBlank() ? null : root, ram, dry, severity, prof, defProf, fid,
                image == null || image.isBlank() ? null : image);
    }

    private static JsonElement get(JsonObject o, String key) {
        if (o.has(key)) return o.get(key);
        return o.get("eyn." + key);
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = get(o, key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = get(o, key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : fallback;
    }
}
