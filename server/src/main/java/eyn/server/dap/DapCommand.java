package eyn.server.dap;

import eyn.server.common.FrameGuard;
import eyn.server.common.FrameMessageProducer;
import eyn.server.common.LifecycleGuard;
import eyn.server.common.Log;
import eyn.server.common.ProtocolServer;
import eyn.server.common.ReusingMessageConsumer;
import eyn.server.common.SocketHost;
import eyn.server.lsp.LspCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.debug.DebugRemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eyn dap}: the debug adapter on stdio, on a socket on 127.0.0.1 with {@code --port}, or as a host of
 * many sessions on a Unix domain socket with {@code --listen} (what the VS Code extension starts).
 */
@Command(name = "dap", mixinStandardHelpOptions = true,
        description = {"Run the EYN debug adapter (DAP) on stdin/stdout, on a TCP port of 127.0.0.1, or as a host",
                "of many sessions on a Unix domain socket.",
                "Logs go to stderr; stdout carries only the protocol."})
public final class DapCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "listen on 127.0.0.1:N for one client instead of stdio; the client first sends the token printed on stderr and a newline")
    Integer port;

    @Option(names = "--listen", paramLabel = "SOCKET", description = {
            "serve any number of clients, one after another or side by side, on a Unix domain socket created at SOCKET",
            "(only its owner may connect), until stdin closes; the host first rehearses a session against itself so",
            "that an editor's sessions start on compiled code (-Deyn.dap.rehearsal=false leaves that out)"})
    java.nio.file.Path listen;

    @Option(names = "--trace", paramLabel = "LEVEL", description = "log level: off, error, messages, verbose")
    String trace;

    @Option(names = "--stdio", description = "use stdin/stdout (the default; accepted because some clients pass it)")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        if (listen != null) {
            if (port != null) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give --listen or --port, not both");
            java.io.PrintStream err = System.err;
            Log hostLog = ProtocolServer.claimStdout(trace);
            boolean rehearse = !"false".equals(System.getProperty("eyn.dap.rehearsal"));
            SocketHost host = new SocketHost("dap", listen, hostLog.level(), err, DapCommand::serve, MOST_SESSIONS,
                    BusyHost.refusing(MOST_SESSIONS));
            return host.run(System.in, () -> { if (rehearse) Rehearsal.start(listen, hostLog, err, host::served); });
        }
        return ProtocolServer.run("dap", port, trace, DapCommand::serve);
    }

    /**
     * The most sessions a host serves at once: each has its own machine (128 MiB of emulated memory by
     * default, within the JVM's 2 GiB), and an editor runs one or two.
     */
    static final int MOST_SESSIONS = 8;

    /** Requests whose arguments DAP lets a client leave out. */
    private static final Set<String> PARAMS_OPTIONAL = Set.of("configurationDone", "disconnect", "terminate", "restart",
            "loadedSources", "cancel", "threads");

    /** Serves one client until it disconnects or its input closes. */
    public static int serve(InputStream in, OutputStream out, Log log) throws Exception {
        LspCommand.quietLsp4jLogging(log);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        EventGate gate = new EventGate();
        EynDebugAdapter adapter = new EynDebugAdapter(log, gate, () -> done.complete(0));
        ExecutorService io = ProtocolServer.ioThreads("eyn-dap-io");
        FrameGuard frames = new FrameGuard(in, log, "eyn dap");
        Launcher<IDebugProtocolClient> launcher = new DebugLauncher.Builder<IDebugProtocolClient>() {
                    private RemoteEndpoint remote;

                    @Override
                    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
                        MessageConsumer outgoing = wrapMessageConsumer(new ReusingMessageConsumer(output, jsonHandler));
                        Endpoint local = new LifecycleGuard(ServiceEndpoints.toEndpoint(localServices), getSupportedMethods(),
                                PARAMS_OPTIONAL, log, "debug adapter");
                        remote = new DebugRemoteEndpoint(outgoing, local, exceptionHandler);
                        jsonHandler.setMethodProvider(remote);
                        remote.setJsonHandler(jsonHandler);
                        return remote;
                    }

                    @Override
                    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer incoming,
                            IDebugProtocolClient proxy) {
                        return FrameMessageProducer.processor(frames, remote, incoming, log);
                    }
                }
                .setLocalService(adapter)
                .setRemoteInterface(IDebugProtocolClient.class)
                // read by the guard and FrameMessageProducer above, never by LSP4J's own reader
                .setInput(InputStream.nullInputStream())
                .setOutput(out)
                .setExecutorService(io)
                .wrapMessages(gate)
                .configureGson(DapJson::configure)
                .setExceptionHandler(e -> LspCommand.toResponseError(e, log))
                .create();
        adapter.connect(launcher.getRemoteProxy());
        int status = ProtocolServer.awaitEnd(launcher.startListening(), done, () -> ProtocolServer.inputEnded(frames, log, 0));
        adapter.shutdown();
        io.shutdownNow();
        return status;
    }
}
