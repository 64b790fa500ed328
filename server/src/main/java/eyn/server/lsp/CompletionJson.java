package eyn.server.lsp;

import com.google.gson.GsonBuilder;
import eyn.server.common.JsonText;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
final class CompletionJson {
    private CompletionJson() {}

    /** Adds the adapter to the Gson that LSP4J builds for a connection (see {@link LspJson#configure}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(JsonText.ownWriter(CompletionItem.class, CompletionJson::writesItself, CompletionJson::write));
    }

    private static void write(StringBuilder json, CompletionItem item, boolean safe) {
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
        json.append('}');
    }

    /** Whether an item is written here rather than by Gson's reflective adapter: only what this server sets (see above). */
    static boolean writesItself(CompletionItem item) {
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
}
