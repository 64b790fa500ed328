package eyn.server;

import eyn.server.cli.CheckCommand;
import eyn.server.cli.ConformCommand;
import eyn.server.cli.ExportCommand;
import eyn.server.cli.MkfsCommand;
import eyn.server.cli.RunCommand;
import eyn.server.dap.DapCommand;
import eyn.server.lsp.LspCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code eyn} command: {@code eyn run}, {@code eyn check}, {@code eyn mkfs}, {@code eyn export}, {@code eyn lsp}, {@code eyn dap}. */
@Command(name = "eyn", mixinStandardHelpOptions = true, version = "eyn 0.1.0 (EYN Script Tools)",
        description = "Tools for EYN-OS shell scripts: run them on an emulated EYN-OS machine, check them, serve editors.",
        subcommands = {RunCommand.class, CheckCommand.class, ConformCommand.class, MkfsCommand.class, ExportCommand.class, LspCommand.class, DapCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        eyn.server.common.Fatal.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (2 for usage errors). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("eyn: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
