import * as cp from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { EynSettings, resolveLaunch, runArguments, serverOptions } from "./config";
import { findJava, JavaFound, JavaProbe, JVM_OPTIONS } from "./java";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

function settings(): EynSettings {
  const c = vscode.workspace.getConfiguration("eyn");
  return {
    ram: c.get<number>("ram", 128),
    seed: c.get<number>("seed", 1),
    persist: c.get<boolean>("persist", false),
    portabilityWarnings: c.get<boolean>("portabilityWarnings", true),
    drives: c.get<Record<string, string>>("drives", {}),
    driveRoot: c.get<string>("driveRoot", ""),
    disabledDiagnostics: c.get<string[]>("disabledDiagnostics", []),
    trace: c.get<string>("trace.server", "error"),
    diagnosticsSeverity: c.get<string>("diagnosticsSeverity", "info"),
  };
}

const systemProbe: JavaProbe = {
  isExecutable: (p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  versionText: (java) => {
    const r = cp.spawnSync(java, ["-version"], { encoding: "utf8", timeout: 10000 });
    return r.error ? undefined : `${r.stderr ?? ""}${r.stdout ?? ""}`;
  },
  pathDirectories: () => (process.env.PATH ?? "").split(path.delimiter),
  env: (name) => process.env[name],
  platform: process.platform,
};

function java(): JavaFound | undefined {
  const found = findJava(vscode.workspace.getConfiguration("eyn").get<string>("java.home"), systemProbe);
  if ("error" in found) {
    void vscode.window.showErrorMessage(found.error, "Open Settings").then((choice) => {
      if (choice) void vscode.commands.executeCommand("workbench.action.openSettings", "eyn.java.home");
    });
    return undefined;
  }
  return found;
}

function jar(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath(path.join("server", "eyn.jar"));
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const j = java();
  if (!j) return;
  output.appendLine(`Using Java ${j.version} from ${j.source}: ${j.executable}`);
  // stdio is the default transport; the server also accepts the --stdio flag some clients add
  const server: ServerOptions = {
    command: j.executable,
    args: [...JVM_OPTIONS, "-jar", jar(context), "lsp"],
  };
  const options: LanguageClientOptions = {
    documentSelector: [{ language: "eyn" }],
    initializationOptions: serverOptions(settings()),
    outputChannel: output,
    synchronize: { configurationSection: "eyn" },
  };
  client = new LanguageClient("eyn", "EYN Language Server", server, options);
  await client.start();
}

function activeEynFile(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === "eyn" ? editor.document.uri.fsPath : undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("EYN");
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory("eyn", {
      createDebugAdapterDescriptor: () => {
        const j = java();
        return j ? new vscode.DebugAdapterExecutable(j.executable, [...JVM_OPTIONS, "-jar", jar(context), "dap"]) : undefined;
      },
    }),
    vscode.debug.registerDebugConfigurationProvider("eyn", {
      resolveDebugConfiguration: (_folder, config) => {
        const resolved = resolveLaunch(config as never, settings(), activeEynFile());
        if (!resolved) void vscode.window.showInformationMessage("Open an EYN script (.eyn or .shell) to debug it.");
        return resolved as vscode.DebugConfiguration | undefined;
      },
    }),
    vscode.debug.registerDebugConfigurationProvider(
      "eyn",
      {
        provideDebugConfigurations: () => [
          { type: "eyn", request: "launch", name: "Debug current script", program: "${file}", stopOnEntry: true },
        ],
      },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.commands.registerCommand("eyn.runScript", (uri?: string | vscode.Uri) => {
      const file = typeof uri === "string" ? vscode.Uri.parse(uri).fsPath : uri?.fsPath ?? activeEynFile();
      const j = java();
      if (!file || !j) return;
      const terminal = vscode.window.createTerminal("EYN");
      terminal.show();
      terminal.sendText([j.executable, ...JVM_OPTIONS, "-jar", jar(context), ...runArguments(file, settings())].map(quote).join(" "));
    }),
    vscode.commands.registerCommand("eyn.debugScript", (uri?: string | vscode.Uri) => {
      const file = typeof uri === "string" ? vscode.Uri.parse(uri).fsPath : uri?.fsPath ?? activeEynFile();
      if (!file) return;
      void vscode.debug.startDebugging(undefined, { type: "eyn", request: "launch", name: "Debug " + path.basename(file), program: file, stopOnEntry: true });
    }),
    vscode.commands.registerCommand("eyn.checkWorkspace", () => {
      const j = java();
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!j || !folder) return;
      const severity = vscode.workspace.getConfiguration("eyn").get<string>("diagnosticsSeverity", "info");
      const terminal = vscode.window.createTerminal("EYN check");
      terminal.show();
      terminal.sendText([j.executable, ...JVM_OPTIONS, "-jar", jar(context), "check", folder, "--severity", severity].map(quote).join(" "));
    }),
    vscode.commands.registerCommand("eyn.restartServer", async () => {
      if (client) await client.stop();
      client = undefined;
      await startClient(context);
    }),
  );
  await startClient(context);
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_./=:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
