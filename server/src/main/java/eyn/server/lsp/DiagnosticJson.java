package eyn.server.lsp;

import com.google.gson.GsonBuilder;
import eyn.server.common.JsonText;
import org.eclipse.lsp4j.Diagnostic;

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
final class DiagnosticJson {
    private DiagnosticJson() {}

    /** Adds the adapter to the Gson that LSP4J builds for a connection (see {@link LspJson#configure}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(JsonText.ownWriter(Diagnostic.class, DiagnosticJson::plain, DiagnosticJson::write));
    }

    private static void write(StringBuilder json, Diagnostic d, boolean htmlSafe) {
        json.append("{\"range\":");
        JsonText.range(json, d.getRange());
        if (d.getSeverity() != null) json.append(",\"severity\":").append(d.getSeverity().getValue());
        if (d.getCode() != null) {
            json.append(",\"code\":");
            if (d.getCode().isLeft()) JsonText.string(json, d.getCode().getLeft(), htmlSafe);
            else json.append(d.getCode().getRight());
        }
        if (d.getSource() != null) JsonText.string(json.append(",\"source\":"), d.getSource(), htmlSafe);
        JsonText.string(json.append(",\"message\":"), d.getMessage().getLeft(), htmlSafe);
        if (d.getTags() != null) {
            json.append(",\"tags\":[");
            for (int i = 0; i < d.getTags().size(); i++) json.append(i == 0 ? "" : ",").append(d.getTags().get(i).getValue());
            json.append(']');
        }
        if (d.getData() != null) JsonText.string(json.append(",\"data\":"), (String) d.getData(), htmlSafe);
        json.append('}');
    }

    /** What this server sets: a plain-text message, no related information or code description, data a string if any. */
    private static boolean plain(Diagnostic d) {
        return JsonText.complete(d.getRange()) && d.getMessage() != null && d.getMessage().isLeft() && d.getCodeDescription() == null
                && d.getRelatedInformation() == null && (d.getData() == null || d.getData() instanceof String)
                && (d.getTags() == null || d.getTags().stream().allMatch(java.util.Objects::nonNull));
    }
}
