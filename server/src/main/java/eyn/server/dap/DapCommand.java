package eyn.server.dap;

import eyn.server.common.Log;
import eyn.server.common.ProtocolServer;
import eyn.server.lsp.LspCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eyn dap}: the debug adapter on stdio, or on a socket on 127.0.0.1 with {@code --port}. */
@Command(name = "dap", mixinStandardHelpOptions = true,
        description = {"Run the EYN debug adapter (DAP) on stdin/stdout, or on a TCP port of 127.0.0.1.",
                "Logs go to stderr; stdout carries only the protocol."})
public final class DapCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "listen on 127.0.0.1:N for one client instead of stdio")
    Integer port;

    @Option(names = "--trace", paramLabel = "LEVEL", description = "log level: off, error, messages, verbose")
    String trace;

    @Option(names = "--stdio", description = "use stdin/stdout (the default; accepted because some clients pass it)")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        return ProtocolServer.run("dap", port, trace, DapCommand::serve);
    }

    /** Serves one client until it disconnects or its input closes. */
    public static int serve(InputStream in, OutputStream out, Log log) throws Exception {
        LspCommand.quietLsp4jLogging(log);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        EventGate gate = new EventGate();
        EynDebugAdapter adapter = new EynDebugAdapter(log, gate, () -> done.complete(0));
        ExecutorService io = ProtocolServer.ioThreads("eyn-dap-io");
        Launcher<IDebugProtocolClient> launcher = new DebugLauncher.Builder<IDebugProtocolClient>()
                .setLocalService(adapter)
                .setRemoteInterface(IDebugProtocolClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(io)
                .wrapMessages(gate)
                .setExceptionHandler(e -> LspCommand.toResponseError(e, log))
                .create();
        adapter.connect(launcher.getRemoteProxy());
        int status = ProtocolServer.awaitEnd(launcher.startListening(), done, () -> 0);
        adapter.shutdown();
        io.shutdownNow();
        return status;
    }
}
