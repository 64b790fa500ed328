package eyn.server.lsp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Writes the diagnostics this server makes straight to JSON, field by field, instead of through
 * Gson's reflective adapter: a large script can have thousands of diagnostics, and each published
 * version of it was serialised through a reflective walk with a runtime-type lookup and an
 * {@code Either} adapter per field, which made publishing 6,000 diagnostics cost as much as the
 * analysis that found them (docs/benchmarks.md). The JSON is the same as Gson's (same fields, same
 * order, nulls left out). Anything this server does not set (related information, code
 * descriptions, markup messages, structured data) and all reading (a client's code-action request
 * carries diagnostics back) go to Gson's own adapter.
 */
final class DiagnosticJson implements TypeAdapterFactory {
    private DiagnosticJson() {}

    /** Adds the adapter to the Gson that LSP4J builds for a connection (see {@code Launcher.Builder.configureGson}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(new DiagnosticJson());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != Diagnostic.class) return null;
        TypeAdapter<Diagnostic> reflective = gson.getDelegateAdapter(this, TypeToken.get(Diagnostic.class));
        return (TypeAdapter<T>) new Adapter(reflective);
    }

    private static final class Adapter extends TypeAdapter<Diagnostic> {
        /** Each thread's builder, reused: one publication writes thousands of diagnostics (a builder that grew past 64 KiB is not kept). */
        private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

        private final TypeAdapter<Diagnostic> reflective;

        Adapter(TypeAdapter<Diagnostic> reflective) {
            this.reflective = reflective;
        }

        @Override
        public void write(JsonWriter out, Diagnostic d) throws IOException {
            if (d == null || !plain(d)) {
                reflective.write(out, d);
                return;
            }
            StringBuilder json = BUILDERS.get();
            json.setLength(0);
            json.append("{\"range\":");
            range(json, d.getRange());
            if (d.getSeverity() != null) json.append(",\"severity\":").append(d.getSeverity().getValue());
            if (d.getCode() != null) {
                json.append(",\"code\":");
                if (d.getCode().isLeft()) string(json, d.getCode().getLeft(), out.isHtmlSafe());
                else json.append(d.getCode().getRight());
            }
            if (d.getSource() != null) string(json.append(",\"source\":"), d.getSource(), out.isHtmlSafe());
            string(json.append(",\"message\":"), d.getMessage().getLeft(), out.isHtmlSafe());
            if (d.getTags() != null) {
                json.append(",\"tags\":[");
                for (int i = 0; i < d.getTags().size(); i++) json.append(i == 0 ? "" : ",").append(d.getTags().get(i).getValue());
                json.append(']');
            }
            if (d.getData() != null) string(json.append(",\"data\":"), (String) d.getData(), out.isHtmlSafe());
            // one raw write per diagnostic: the writer's per-value bookkeeping and its synchronised buffer were the cost
            out.jsonValue(json.append('}').toString());
            if (json.capacity() > 1 << 16) BUILDERS.remove();
        }

        /** What this server sets: a plain-text message, no related information or code description, data a string if any. */
        private static boolean plain(Diagnostic d) {
            Range r = d.getRange();
            return r != null && r.getStart() != null && r.getEnd() != null && d.getMessage() != null && d.getMessage().isLeft() && d.getCodeDescription() == null
                    && d.getRelatedInformation() == null && (d.getData() == null || d.getData() instanceof String)
                    && (d.getTags() == null || d.getTags().stream().allMatch(java.util.Objects::nonNull));
        }

        private static void range(StringBuilder json, Range r) {
            Position a = r.getStart();
            Position b = r.getEnd();
            json.append("{\"start\":{\"line\":").append(a.getLine()).append(",\"character\":").append(a.getCharacter())
                    .append("},\"end\":{\"line\":").append(b.getLine()).append(",\"character\":").append(b.getCharacter()).append("}}");
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

        @Override
        public Diagnostic read(JsonReader in) throws IOException {
            return reflective.read(in);
        }
    }
}
