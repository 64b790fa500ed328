package eyn.server.lsp;

import com.google.gson.GsonBuilder;

/** The one place that installs the language server's own JSON writers in the Gson LSP4J builds for a connection. */
final class LspJson {
    private LspJson() {}

    /** Adds the adapters of {@link DiagnosticJson} and {@link CompletionJson} (see {@code Launcher.Builder.configureGson}). */
    static void configure(GsonBuilder gson) {
        DiagnosticJson.configure(gson);
        CompletionJson.configure(gson);
    }
}
