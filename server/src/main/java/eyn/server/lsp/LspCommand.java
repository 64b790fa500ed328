package eyn.server.lsp;

import eyn.server.common.FrameGuard;
import eyn.server.common.FrameMessageProducer;
import eyn.server.common.LifecycleGuard;
import eyn.server.common.Log;
import eyn.server.common.ProtocolServer;
import eyn.server.common.ReusingMessageConsumer;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eyn lsp}: the language server on stdio, or on a socket on 127.0.0.1 with {@code --port}. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run the EYN language server (LSP) on stdin/stdout, or on a TCP port of 127.0.0.1.",
                "Logs go to stderr and to the client; stdout carries only the protocol."})
public final class LspCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "listen on 127.0.0.1:N for one client instead of stdio; the client first sends the token printed on stderr and a newline")
    Integer port;

    @Option(names = "--trace", paramLabel = "LEVEL", description = "log level until the client sets one: off, error, messages, verbose")
    String trace;

    @Option(names = "--stdio", description = "use stdin/stdout (the default; accepted because many clients pass it)")
    boolean stdio;

    @Option(names = "--clientProcessId", paramLabel = "PID", description = "exit when this process ends (as initialize's processId does)")
    Integer clientProcessId;

    @Override
    public Integer call() throws Exception {
        if (stdio && port != null) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--stdio and --port exclude each other");
        eyn.server.common.ParentWatcher.watch(clientProcessId, () -> System.exit(1));
        return ProtocolServer.run("lsp", port, trace, LspCommand::serve);
    }

    /** Serves one client until it says exit, closes its input, or dies; returns the exit status. */
    public static int serve(InputStream in, OutputStream out, Log log) throws Exception {
        quietLsp4jLogging(log);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        EynLanguageServer server = new EynLanguageServer(log, exit::complete);
        ExecutorService io = ProtocolServer.ioThreads("eyn-lsp-io");
        FrameGuard frames = new FrameGuard(in, log, "eyn lsp");
        Launcher<EynLanguageClient> launcher = new LSPLauncher.Builder<EynLanguageClient>() {
                    private RemoteEndpoint remote;

                    @Override
                    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
                        MessageConsumer outgoing = wrapMessageConsumer(new ReusingMessageConsumer(output, jsonHandler));
                        Endpoint local = new LifecycleGuard(ServiceEndpoints.toEndpoint(localServices), getSupportedMethods(),
                                Set.of("initialized"), log, "language server");
                        remote = new RemoteEndpoint(outgoing, local, exceptionHandler);
                        jsonHandler.setMethodProvider(remote);
                        remote.setJsonHandler(jsonHandler);
                        return remote;
                    }

                    @Override
                    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer incoming,
                            EynLanguageClient proxy) {
                        return FrameMessageProducer.processor(frames, remote, incoming, log);
                    }
                }
                .setLocalService(server)
                .setRemoteInterface(EynLanguageClient.class)
                // read by the guard and FrameMessageProducer above, never by LSP4J's own reader
                .setInput(InputStream.nullInputStream())
                .setOutput(out)
                .setExecutorService(io)
                .setExceptionHandler(e -> toResponseError(e, log))
                .configureGson(LspJson::configure)
                .create();
        server.connect(launcher.getRemoteProxy());
        int status = ProtocolServer.awaitEnd(launcher.startListening(), exit, 
                () -> ProtocolServer.inputEnded(frames, log, server.isShutdown() ? 0 : 1));
        io.shutdownNow();
        server.stop(); // the analysis and dry-run threads too: an analysis still running hands off to nothing
        // an analysis or dry run still running ends (briefly) before the session does
        server.analysis.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        server.dryRuns.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        return status;
    }

    /** Errors answer with a message, never a Java stack trace. */
    public static ResponseError toResponseError(Throwable e, Log log) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ResponseErrorException r) return r.getResponseError();
        if (cause instanceof UnsupportedOperationException) {
            return new ResponseError(ResponseErrorCode.MethodNotFound, "Not supported by the EYN language server", null);
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return new ResponseError(ResponseErrorCode.RequestCancelled, "Cancelled", null);
        }
        if (cause instanceof VirtualMachineError v) eyn.server.common.Fatal.die(v);
        if (cause instanceof java.util.concurrent.RejectedExecutionException) {
            // a request that arrived while the session was ending: its worker is gone
            log.verbose("a request arrived after the session ended");
            return new ResponseError(ResponseErrorCode.RequestFailed, "The session has ended", null);
        }
        if (cause instanceof org.eclipse.lsp4j.jsonrpc.JsonRpcException && cause.getCause() instanceof java.io.IOException io) {
            // the client went away while an answer was being written: expected at the end of a session
            log.verbose("could not write to the client: " + io.getMessage());
            return new ResponseError(ResponseErrorCode.InternalError, "The client is gone", null);
        }
        if (cause instanceof NullPointerException || cause instanceof IllegalArgumentException || cause instanceof ClassCastException
                || cause instanceof com.google.gson.JsonParseException) {
            // a handler met a field the client left out or sent with the wrong type
            log.error("invalid params: " + cause);
            return new ResponseError(ResponseErrorCode.InvalidParams, "Invalid params: a required field is missing or has the wrong type", null);
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(trace));
        log.error("internal error: " + trace);
        return new ResponseError(ResponseErrorCode.InternalError, "Internal error: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
    }

    /** Held so the logger, and the level set on it, cannot be garbage-collected. */
    private static final Logger LSP4J_LOGGER = Logger.getLogger("org.eclipse.lsp4j");

    /** LSP4J logs through java.util.logging to stderr; a client going away is expected noise, shown only when verbose. */
    public static void quietLsp4jLogging(Log log) {
        LSP4J_LOGGER.setLevel(log.level() == Log.Level.VERBOSE ? Level.WARNING : Level.OFF);
    }
}
