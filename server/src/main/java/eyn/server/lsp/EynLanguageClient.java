package eyn.server.lsp;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as this server sees it: LSP plus the {@code eyn/profile} notification. */
public interface EynLanguageClient extends LanguageClient {
    /**
     * Which EYN-OS generation a document is read as, and why: sent when a document's profile is
     * first known and whenever it changes. Clients that do not know it ignore it.
     */
    @JsonNotification("eyn/profile")
    void profile(ProfileParams params);

    /** {@code source}: comment, setting or auto; {@code reason} in words. */
    record ProfileParams(String uri, String profile, String title, String source, String reason) {}
}
