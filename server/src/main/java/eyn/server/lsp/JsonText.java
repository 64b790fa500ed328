package eyn.server.lsp;

import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The pieces of JSON this server's own adapters write ({@link DiagnosticJson}, {@link CompletionJson}),
 * escaped exactly as Gson's JsonWriter escapes them, and the one place that installs those adapters in
 * the Gson LSP4J builds for a connection.
 */
final class JsonText {
    /** Each thread's builder, reused: a publication writes thousands of values (a builder that grew past 64 KiB is not kept). */
    private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private JsonText() {}

    /** Adds this server's adapters to the Gson that LSP4J builds for a connection (see {@code Launcher.Builder.configureGson}). */
    static void configure(GsonBuilder gson) {
        DiagnosticJson.configure(gson);
        CompletionJson.configure(gson);
    }

    /** This thread's builder, empty. */
    static StringBuilder builder() {
        StringBuilder json = BUILDERS.get();
        json.setLength(0);
        return json;
    }

    /** Writes a value built in {@link #builder()} as one raw write: the writer's per-value bookkeeping was the cost. */
    static void write(JsonWriter out, StringBuilder json) throws IOException {
        out.jsonValue(json.toString());
        if (json.capacity() > 1 << 16) BUILDERS.remove();
    }

    static void range(StringBuilder json, Range r) {
        Position a = r.getStart();
        Position b = r.getEnd();
        json.append("{\"start\":{\"line\":").append(a.getLine()).append(",\"character\":").append(a.getCharacter())
                .append("},\"end\":{\"line\":").append(b.getLine()).append(",\"character\":").append(b.getCharacter()).append("}}");
    }

    /** Whether a range can be written by {@link #range}: both ends there. */
    static boolean complete(Range r) {
        return r != null && r.getStart() != null && r.getEnd() != null;
    }

    /** A JSON string escaped exactly as Gson's JsonWriter escapes it (HTML-safe when the writer is). */
    static void string(StringBuilder json, String s, boolean htmlSafe) {
        json.append('"');
        int first = firstEscaped(s, htmlSafe);
        if (first == s.length()) {
            // most messages need no escape: one bulk copy (appending a range of a String copies it a char at a time)
            json.append(s).append('"');
            return;
        }
        json.append(s.substring(0, first));
        int last = first;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = escape(c, htmlSafe);
            if (escaped == null) continue;
            json.append(s.substring(last, i)).append(escaped);
            last = i + 1;
        }
        json.append(s.substring(last)).append('"');
    }

    /** The index of the first character that needs an escape, or the length when none does. */
    private static int firstEscaped(String s, boolean htmlSafe) {
        for (int i = 0; i < s.length(); i++) if (escape(s.charAt(i), htmlSafe) != null) return i;
        return s.length();
    }

    private static String escape(char c, boolean htmlSafe) {
        if (c >= 0x80) return c == '\u2028' ? "\\u2028" : c == '\u2029' ? "\\u2029" : null;
        if (c < 0x20) {
            return switch (c) {
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\f' -> "\\f";
                default -> String.format("\\u%04x", (int) c);
            };
        }
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '<', '>', '&', '=', '\'' -> htmlSafe ? String.format("\\u%04x", (int) c) : null;
            default -> null;
        };
    }
}
