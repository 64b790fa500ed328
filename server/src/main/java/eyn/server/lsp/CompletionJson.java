package eyn.server.lsp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.TextEdit;

/**
 * Writes the completion items this server makes straight to JSON, field by field, instead of through
 * Gson's reflective adapter: every keystroke's answer holds a hundred or more items, and the reflective
 * walk (a runtime-type lookup and an adapter per field of each) was a quarter of a keystroke's work on
 * the server while the JIT warmed up, and its compilation by C2 took half a second of a core in the
 * first seconds of typing (docs/benchmarks.md, session 13). The JSON is the same as Gson's (same fields,
 * same order, nulls left out). An item with anything this server does not set at completion time
 * (documentation, which completionItem/resolve adds, label details, tags, commands, edits of other
 * text, data that is not a string or an object of strings) and all reading (completionItem/resolve
 * sends an item back) go to Gson's own adapter.
 */
final class CompletionJson implements TypeAdapterFactory {
    private CompletionJson() {}

    /** Adds the adapter to the Gson that LSP4J builds for a connection (see {@link JsonText#configure}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(new CompletionJson());
    }

    /** Whether an item is written by this adapter rather than Gson's reflective one. */
    static boolean writesItself(CompletionItem item) {
        return item != null && Adapter.plain(item);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != CompletionItem.class) return null;
        TypeAdapter<CompletionItem> reflective = gson.getDelegateAdapter(this, TypeToken.get(CompletionItem.class));
        return (TypeAdapter<T>) new Adapter(reflective);
    }

    private static final class Adapter extends TypeAdapter<CompletionItem> {
        private final TypeAdapter<CompletionItem> reflective;

        Adapter(TypeAdapter<CompletionItem> reflective) {
            this.reflective = reflective;
        }

        @Override
        public void write(JsonWriter out, CompletionItem item) throws IOException {
            if (item == null || !plain(item)) {
                reflective.write(out, item);
                return;
            }
            boolean safe = out.isHtmlSafe();
            StringBuilder json = JsonText.builder();
            JsonText.string(json.append("{\"label\":"), item.getLabel(), safe);
            if (item.getKind() != null) json.append(",\"kind\":").append(item.getKind().getValue());
            if (item.getDetail() != null) JsonText.string(json.append(",\"detail\":"), item.getDetail(), safe);
            if (item.getSortText() != null) JsonText.string(json.append(",\"sortText\":"), item.getSortText(), safe);
            if (item.getFilterText() != null) JsonText.string(json.append(",\"filterText\":"), item.getFilterText(), safe);
            if (item.getInsertText() != null) JsonText.string(json.append(",\"insertText\":"), item.getInsertText(), safe);
            if (item.getInsertTextFormat() != null) json.append(",\"insertTextFormat\":").append(item.getInsertTextFormat().getValue());
            if (item.getTextEdit() != null) {
                TextEdit edit = item.getTextEdit().getLeft();
                JsonText.range(json.append(",\"textEdit\":{\"range\":"), edit.getRange());
                JsonText.string(json.append(",\"newText\":"), edit.getNewText(), safe);
                json.append('}');
            }
            Object data = item.getData();
            if (data instanceof String text) {
                JsonText.string(json.append(",\"data\":"), text, safe);
            } else if (data instanceof JsonObject object) {
                json.append(",\"data\":{");
                boolean first = true;
                for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                    JsonText.string(json.append(first ? "" : ","), member.getKey(), safe);
                    JsonText.string(json.append(':'), member.getValue().getAsString(), safe);
                    first = false;
                }
                json.append('}');
            }
            JsonText.write(out, json.append('}'));
        }

        /** What this server sets in a completion answer: see the class comment. */
        static boolean plain(CompletionItem item) {
            return item.getLabel() != null && item.getLabelDetails() == null && item.getTags() == null && item.getDocumentation() == null
                    && item.getDeprecated() == null && item.getPreselect() == null && item.getInsertTextMode() == null
                    && (item.getTextEdit() == null || item.getTextEdit().isLeft() && item.getTextEdit().getLeft() != null
                            && JsonText.complete(item.getTextEdit().getLeft().getRange()) && item.getTextEdit().getLeft().getNewText() != null)
                    && item.getTextEditText() == null && item.getAdditionalTextEdits() == null && item.getCommitCharacters() == null
                    && item.getCommand() == null && (item.getData() == null || item.getData() instanceof String || stringsOnly(item.getData()));
        }

        private static boolean stringsOnly(Object data) {
            if (!(data instanceof JsonObject object)) return false;
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                JsonElement value = member.getValue();
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) return false;
            }
            return true;
        }

        @Override
        public CompletionItem read(JsonReader in) throws IOException {
            return reflective.read(in);
        }
    }
}
