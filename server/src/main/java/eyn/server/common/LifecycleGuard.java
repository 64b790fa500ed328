package eyn.server.common;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Stands in front of a server's methods (LSP4J's local endpoint) and keeps the protocol's lifecycle:
 * before {@code initialize} every request is answered -32002 (ServerNotInitialized) and every
 * notification but {@code exit} is dropped; a second {@code initialize} is refused with -32600
 * (InvalidRequest); a request whose method takes parameters but arrived without any is answered
 * -32602 (InvalidParams) with a readable message, instead of reaching the handler as null.
 */
public final class LifecycleGuard implements Endpoint {
    private final Endpoint delegate;
    private final Map<String, JsonRpcMethod> methods;
    private final Set<String> paramsOptional;
    private final Log log;
    private final String who;
    private volatile boolean initialized;

    /**
     * @param methods the server's methods, from {@code ServiceEndpoints.getSupportedMethods}
     * @param paramsOptional methods that take parameters the protocol lets the client leave out
     */
    public LifecycleGuard(Endpoint delegate, Map<String, JsonRpcMethod> methods, Set<String> paramsOptional, Log log, String who) {
        this.delegate = delegate;
        this.methods = methods;
        this.paramsOptional = paramsOptional;
        this.log = log;
        this.who = who;
    }

    @Override
    public CompletableFuture<?> request(String method, Object params) {
        if ("initialize".equals(method)) {
            synchronized (this) {
                if (initialized) return refuse(ResponseErrorCode.InvalidRequest, "initialize was already received; it may be sent only once");
                if (params == null) return refuse(ResponseErrorCode.InvalidParams, "Invalid params: initialize needs its parameters");
                initialized = true;
            }
        } else if (!initialized) {
            return refuse(ResponseErrorCode.ServerNotInitialized, "The " + who + " is not initialized: send initialize first (got " + method + ")");
        } else if (params == null && needsParams(method)) {
            return refuse(ResponseErrorCode.InvalidParams, "Invalid params: " + method + " needs its parameters");
        }
        return delegate.request(method, params);
    }

    @Override
    public void notify(String method, Object params) {
        if (!initialized && !"exit".equals(method)) {
            log.error("ignored the notification " + method + " before initialize");
            return;
        }
        if (params == null && needsParams(method)) {
            log.error("ignored the notification " + method + " without its parameters");
            return;
        }
        delegate.notify(method, params);
    }

    private boolean needsParams(String method) {
        JsonRpcMethod m = methods.get(method);
        return m != null && m.getParameterTypes().length > 0 && !paramsOptional.contains(method);
    }

    private static CompletableFuture<?> refuse(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
