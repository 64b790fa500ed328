package eyn.server.common;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The pieces of JSON the servers' own adapters write (the language server's diagnostics and completion items,
 * the debug adapter's stops and scopes), escaped exactly as Gson's JsonWriter escapes them, and the adapter
 * that writes a value with them and leaves everything else to Gson.
 */
public final class JsonText {
    /** Each thread's builder, reused: a publication writes thousands of values (a builder that grew past 64 KiB is not kept). */
    private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private JsonText() {}

    /** How one of the servers' own adapters writes a value: the whole JSON object, appended to {@code json}. */
    public interface Fields<T> {
        void write(StringBuilder json, T value, boolean htmlSafe);
    }

    /**
     * An adapter for {@code type} that writes the values {@code plain} accepts with {@code fields}, as one raw
     * write per value (the writer's per-value bookkeeping and its synchronised buffer were the cost), and
     * leaves every other value, and all reading, to Gson's reflective adapter.
     */
    public static <T> TypeAdapterFactory ownWriter(Class<T> type, Predicate<T> plain, Fields<T> fields) {
        return new TypeAdapterFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <X> TypeAdapter<X> create(Gson gson, TypeToken<X> token) {
                if (token.getRawType() != type) return null;
                TypeAdapter<T> reflective = gson.getDelegateAdapter(this, TypeToken.get(type));
                return (TypeAdapter<X>) new TypeAdapter<T>() {
                    @Override
                    public void write(JsonWriter out, T value) throws IOException {
                        if (value == null || !plain.test(value)) {
                            reflective.write(out, value);
                            return;
                        }
                        StringBuilder json = BUILDERS.get();
                        json.setLength(0);
                        fields.write(json, value, out.isHtmlSafe());
                        out.jsonValue(json.toString());
                        if (json.capacity() > 1 << 16) BUILDERS.remove();
                    }

                    @Override
                    public T read(JsonReader in) throws IOException {
                        return reflective.read(in);
                    }
                };
            }
        };
    }

    public static void range(StringBuilder json, Range r) {
        Position a = r.getStart();
        Position b = r.getEnd();
        json.append("{\"start\":{\"line\":").append(a.getLine()).append(",\"character\":").append(a.getCharacter())
                .append("},\"end\":{\"line\":").append(b.getLine()).append(",\"character\":").append(b.getCharacter()).append("}}");
    }

    /** Whether a range can be written by {@link #range}: both ends there. */
    public static boolean complete(Range r) {
        return r != null && r.getStart() != null && r.getEnd() != null;
    }

    /** A JSON string escaped exactly as Gson's JsonWriter escapes it (HTML-safe when the writer is). */
    public static void string(StringBuilder json, String s, boolean htmlSafe) {
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
