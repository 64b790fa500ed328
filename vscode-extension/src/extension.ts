import * as cp from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from "vscode-languageclient/node";
import { AdapterHost, hostMode } from "./adapterHost";
import { isBinariesScript } from "./binaries";
import { MachineView } from "./machineView";
import { baseName, forTerminal, isQuietExit, runHeader, runLocation, runSummary, runTerminalName, SAVE_FIRST, saveStep } from "./run";
import {
  debugConfigurationFor,
  dynamicConfigurations,
  EynSettings,
  profileArguments,
  resolveLaunch,
  runArguments,
  serverOptions,
} from "./config";
import { cdsArchiveName, cdsDumpArguments, findJava, JavaFound, JavaProbe, jvmOptions } from "./java";
import {
  ClientState,
  CONVERT_COMMAND,
  convertArguments,
  parseProfileNotification,
  parseProfileSetting,
  presentStatus,
  PROFILE_NOTIFICATION,
  ProfileNotification,
  profilePicks,
  SELECT_PROFILE_COMMAND,
} from "./profile";

/** A language client whose clean server exit (a restart, a stop) is logged as information, not as an error. */
class EynLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | "force"): void {
    if (isQuietExit(message)) {
      this.info("The language server stopped.", undefined, false);
      return;
    }
    super.error(message, data, showNotification);
  }
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
let clientState: ClientState = "stopped";
let output: vscode.OutputChannel;
let status: vscode.LanguageStatusItem | undefined;
/** The server's last word on each open document's profile, by URI. */
const profiles = new Map<string, ProfileNotification>();
/** eyn.convertTo2026 when the client does not provide it (server not running, or not advertising it). */
let convertFallback: vscode.Disposable | undefined;
/** The window's `eyn dap --listen` process, which serves its debug sessions (src/adapterHost.ts). */
let adapterHost: AdapterHost | undefined;
/** The EYN debug sessions running, by id: the host is not ended under them. */
const eynSessions = new Set<string>();

function adapterHostMode() {
  return hostMode(vscode.workspace.getConfiguration("eyn").get<string>("debug.adapterHost"), process.platform);
}

/** `eyn dap`'s command line after the Java executable: the JVM options, the jar, the command. */
function dapArguments(context: vscode.ExtensionContext, j: JavaFound): string[] {
  return [...javaOptions(context, j, "dap"), "-jar", jar(context), "dap"];
}

/** Starts the window's adapter host unless it runs; its socket, or undefined (no Java, or it could not start). */
function startAdapterHost(context: vscode.ExtensionContext, j: JavaFound): Promise<string | undefined> {
  adapterHost ??= new AdapterHost((line) => output.appendLine(line));
  return adapterHost.start({ executable: j.executable, args: dapArguments(context, j) });
}

/** How long after the language server is ready the host starts in "early" mode: its rehearsal takes a core for a few seconds. */
const EARLY_HOST_DELAY_MS = 5000;

function settings(): EynSettings {
  const c = vscode.workspace.getConfiguration("eyn");
  return {
    ram: c.get<number>("ram", 128),
    seed: c.get<number>("seed", 1),
    persist: c.get<boolean>("persist", false),
    portabilityWarnings: c.get<boolean>("portabilityWarnings", true),
    drives: c.get<Record<string, string>>("drives", {}),
    driveRoot: c.get<string>("driveRoot", ""),
    driveImage: c.get<string>("driveImage", ""),
    disabledDiagnostics: c.get<string[]>("disabledDiagnostics", []),
    shellOnlyProject: c.get<boolean>("shellOnlyProject", false),
    trace: c.get<string>("trace.server", "error"),
    diagnosticsSeverity: c.get<string>("diagnosticsSeverity", "info"),
    profile: parseProfileSetting(c.get<string>("profile", "auto")),
    fidelity: c.get<string>("fidelity", "fixed") === "faithful" ? "faithful" : "fixed",
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

let cdsDumping = false;

/**
 * The JVM options for this Java: with its class-data sharing archive (docs/benchmarks.md, "Cold start")
 * when it was made already; otherwise, once per window, dumps it in the background from the class list
 * the .vsix ships, for the next start (a JDK 17 archive fits only the JVM and jar path it was made with,
 * so it cannot ship ready-made). Without the class list, or when anything fails, the options without it.
 */
function javaOptions(context: vscode.ExtensionContext, j: JavaFound, command: "lsp" | "dap" | "run" | "check"): string[] {
  try {
    const jarPath = jar(context);
    const classlist = context.asAbsolutePath(path.join("server", "eyn.classlist"));
    if (!fs.existsSync(classlist)) return jvmOptions(undefined, command);
    const javaPath = fs.realpathSync(j.executable);
    const jarStat = fs.statSync(jarPath);
    const name = cdsArchiveName(
      { path: javaPath, version: j.version, mtimeMs: fs.statSync(javaPath).mtimeMs },
      { path: jarPath, size: jarStat.size, mtimeMs: jarStat.mtimeMs },
    );
    const dir = context.globalStorageUri.fsPath;
    const archive = path.join(dir, name);
    if (fs.existsSync(archive)) return jvmOptions(archive, command);
    if (!cdsDumping) {
      cdsDumping = true;
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${archive}.${process.pid}.tmp`;
      const dump = cp.spawn(j.executable, cdsDumpArguments(classlist, partial, jarPath), { stdio: "ignore" });
      dump.on("error", () => fs.rmSync(partial, { force: true }));
      dump.on("exit", (code) => {
        if (code === 0 && fs.existsSync(partial)) {
          fs.renameSync(partial, archive);
          output.appendLine(`Class-data sharing archive made for the next start: ${archive}`);
        } else {
          fs.rmSync(partial, { force: true });
          output.appendLine(`No class-data sharing archive for this Java (the dump ended with ${code}); the tools start without it.`);
        }
      });
    }
  } catch (e) {
    output.appendLine(`No class-data sharing archive: ${e instanceof Error ? e.message : String(e)}`);
  }
  return jvmOptions(undefined, command);
}

/** Starts the language client once (concurrent callers share the start). */
function ensureClient(context: vscode.ExtensionContext): Promise<void> {
  if (client) return Promise.resolve();
  if (!starting) starting = startClient(context).finally(() => (starting = undefined));
  return starting;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  convertFallback?.dispose();
  convertFallback = undefined;
  setClientState("starting");
  const j = java();
  if (!j) {
    setClientState("failed");
    registerConvertFallback();
    return;
  }
  output.appendLine(`Using Java ${j.version} from ${j.source}: ${j.executable}`);
  // stdio is the default transport; the server also accepts the --stdio flag some clients add
  const server: ServerOptions = {
    command: j.executable,
    args: [...javaOptions(context, j, "lsp"), "-jar", jar(context), "lsp"],
  };
  const options: LanguageClientOptions = {
    documentSelector: [{ language: "eyn" }],
    initializationOptions: serverOptions(settings()),
    outputChannel: output,
    synchronize: { configurationSection: "eyn" },
    middleware: {
      // the server's eyn.convertTo2026 takes [documentUri]: from the menu's Uri or the active editor
      executeCommand: async (command, args, next) => {
        if (command !== CONVERT_COMMAND) return next(command, args);
        const fixed = convertArguments(args, activeEynUri());
        if (!fixed) {
          void vscode.window.showInformationMessage("Open an EYN script to convert it to EYN-OS 2026.");
          return undefined;
        }
        return next(command, fixed);
      },
    },
  };
  const c = new EynLanguageClient("eyn", "EYN Language Server", server, options);
  c.onNotification(PROFILE_NOTIFICATION, (params: unknown) => {
    const info = parseProfileNotification(params);
    if (!info) return;
    profiles.set(normalizeUri(info.uri), info);
    updateStatus();
  });
  c.onDidChangeState((e) => {
    if (c !== client) return;
    setClientState(e.newState === State.Running ? "ready" : e.newState === State.Starting ? "starting" : "stopped");
  });
  client = c;
  try {
    await c.start();
    setClientState("ready");
    if (adapterHostMode() === "early") {
      setTimeout(() => {
        if (adapterHostMode() === "early" && !adapterHost?.running) void startAdapterHost(context, j);
      }, EARLY_HOST_DELAY_MS);
    }
  } catch (e) {
    output.appendLine(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    if (client === c) client = undefined;
    setClientState("failed");
  }
  registerConvertFallback();
}

/**
 * The language client registers eyn.convertTo2026 itself when the server lists it among its
 * executeCommandProvider commands; otherwise this stand-in sends the request (or says why it can't).
 */
function registerConvertFallback(): void {
  void vscode.commands.getCommands(true).then((all) => {
    // while the client starts it may register the command itself: decide after the start
    if (all.includes(CONVERT_COMMAND) || convertFallback || clientState === "starting") return;
    convertFallback = vscode.commands.registerCommand(CONVERT_COMMAND, async (...args: unknown[]) => {
      const c = client;
      if (!c || clientState !== "ready") {
        void vscode.window.showErrorMessage("The EYN language server is not running: open an EYN script, or run 'EYN: Restart Language Server'.");
        return;
      }
      const fixed = convertArguments(args, activeEynUri());
      if (!fixed) {
        void vscode.window.showInformationMessage("Open an EYN script to convert it to EYN-OS 2026.");
        return;
      }
      try {
        await c.sendRequest("workspace/executeCommand", { command: CONVERT_COMMAND, arguments: fixed });
      } catch (e) {
        void vscode.window.showErrorMessage(`EYN: the conversion failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  });
}

function setClientState(state: ClientState): void {
  clientState = state;
  updateStatus();
}

function normalizeUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** Shows the active EYN document's profile and why, and the client's state, in the language status item. */
function updateStatus(): void {
  if (!status) return;
  const doc = vscode.window.activeTextEditor?.document;
  const info = doc && doc.languageId === "eyn" ? profiles.get(doc.uri.toString()) : undefined;
  const shown = presentStatus(info, clientState, parseProfileSetting(settings().profile));
  status.text = shown.text;
  status.detail = shown.detail;
  status.busy = shown.busy;
  status.severity =
    shown.severity === "error"
      ? vscode.LanguageStatusSeverity.Error
      : shown.severity === "warning"
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
}

async function selectProfile(): Promise<void> {
  const current = parseProfileSetting(vscode.workspace.getConfiguration("eyn").get<string>("profile", "auto"));
  const picked = await vscode.window.showQuickPick(profilePicks(current), {
    title: "EYN: Profile (which EYN-OS the scripts are for)",
    placeHolder: "Auto decides per file; a first-line '# eyn: profile=2026' comment overrides the setting",
  });
  if (!picked || picked.value === current) return;
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration("eyn").update("profile", picked.value, target);
}

/** Extensionless files under a binaries/ folder that start with '#' are EYN-OS 2026 scripts. */
const switchedToEyn = new Set<string>();
async function openBinariesScriptAsEyn(doc: vscode.TextDocument): Promise<void> {
  const key = doc.uri.toString();
  // once per document and session, so that a user who picks Plain Text again keeps it
  if (switchedToEyn.has(key)) return;
  const first = doc.lineCount > 0 ? doc.lineAt(0).text.charAt(0) : "";
  if (!isBinariesScript(doc.uri.path, doc.languageId, first)) return;
  switchedToEyn.add(key);
  await vscode.languages.setTextDocumentLanguage(doc, "eyn");
}

function activeEynFile(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === "eyn" ? editor.document.uri.fsPath : undefined;
}

function activeEynUri(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === "eyn" ? editor.document.uri.toString() : undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("EYN");
  context.subscriptions.push(output);

  status = vscode.languages.createLanguageStatusItem("eyn.profile", { language: "eyn" });
  status.name = "EYN profile";
  status.command = { title: "Switch", command: SELECT_PROFILE_COMMAND, tooltip: "Choose the EYN-OS generation: Auto, Release 13 or EYN-OS 2026" };
  updateStatus();
  context.subscriptions.push(
    status,
    { dispose: () => convertFallback?.dispose() },
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidCloseTextDocument((doc) => profiles.delete(doc.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("eyn.profile")) updateStatus();
      // another Java or mode: the host ends now unless it serves a session (then at the window's end)
      if ((e.affectsConfiguration("eyn.java.home") || e.affectsConfiguration("eyn.debug.adapterHost")) && eynSessions.size === 0) adapterHost?.stop();
    }),
    vscode.debug.onDidStartDebugSession((s) => {
      if (s.type === "eyn") eynSessions.add(s.id);
    }),
    vscode.debug.onDidTerminateDebugSession((s) => eynSessions.delete(s.id)),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      void openBinariesScriptAsEyn(doc);
      if (doc.languageId === "eyn") void ensureClient(context);
    }),
    vscode.commands.registerCommand(SELECT_PROFILE_COMMAND, selectProfile),
  );

  const machineView = new MachineView(context);
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory("eyn", {
      createDebugAdapterDescriptor: async () => {
        const j = java();
        if (!j) return undefined;
        // the window's host when it may run (and listens); otherwise, or when it failed, a process per session
        const socket = adapterHostMode() === "off" ? undefined : await startAdapterHost(context, j);
        if (socket) return new vscode.DebugAdapterNamedPipeServer(socket);
        return new vscode.DebugAdapterExecutable(j.executable, dapArguments(context, j));
      },
    }),
    vscode.debug.registerDebugConfigurationProvider("eyn", {
      resolveDebugConfiguration: async (_folder, config) => {
        // an untitled buffer is saved first (one sentence, one button); cancelling ends quietly
        const active = vscode.window.activeTextEditor?.document;
        const wantsActive = !config.program || config.program === "${file}";
        if (wantsActive && active && active.languageId === "eyn" && active.isUntitled) {
          const saved = await savedScript(undefined);
          if (!saved) return undefined;
        }
        const resolved = resolveLaunch(config as never, settings(), activeEynFile());
        if (!resolved) void vscode.window.showInformationMessage("Open an EYN script (.eyn or .shell) to debug it.");
        return resolved as vscode.DebugConfiguration | undefined;
      },
    }),
    vscode.debug.registerDebugConfigurationProvider(
      "eyn",
      {
        provideDebugConfigurations: () => dynamicConfigurations() as vscode.DebugConfiguration[],
      },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.window.registerTerminalLinkProvider(runLocationLinks),
    vscode.commands.registerCommand("eyn.runScript", async (uri?: string | vscode.Uri) => {
      const file = await savedScript(uri);
      const j = file ? java() : undefined;
      if (!file || !j) return;
      runInTerminal(file, j.executable, [...javaOptions(context, j, "run"), "-jar", jar(context), ...runArguments(file, settings()), "--color", "--locations"]);
    }),
    vscode.commands.registerCommand("eyn.debugScript", async (uri?: string | vscode.Uri) => {
      const file = await savedScript(uri);
      if (!file) return;
      void vscode.debug.startDebugging(undefined, debugConfigurationFor(file) as vscode.DebugConfiguration);
    }),
    vscode.commands.registerCommand("eyn.openMachineView", (arg?: { variable?: { memoryReference?: string } } | string) => {
      const reference = typeof arg === "string" ? arg : arg?.variable?.memoryReference;
      return machineView.open(reference);
    }),
    vscode.commands.registerCommand("eyn.checkWorkspace", () => {
      const j = java();
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!j || !folder) return;
      const severity = vscode.workspace.getConfiguration("eyn").get<string>("diagnosticsSeverity", "info");
      const terminal = vscode.window.createTerminal("EYN check");
      terminal.show();
      const check = ["check", folder, "--severity", severity, ...profileArguments(settings())];
      terminal.sendText([j.executable, ...javaOptions(context, j, "check"), "-jar", jar(context), ...check].map(quote).join(" "));
    }),
    vscode.commands.registerCommand("eyn.restartServer", async () => {
      if (starting) await starting;
      const old = client;
      client = undefined;
      if (old) await old.stop().catch(() => undefined);
      profiles.clear();
      await ensureClient(context);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) await openBinariesScriptAsEyn(doc);
  // the Java server starts with the first EYN document (activation on plain text must not start it)
  if (vscode.workspace.textDocuments.some((d) => d.languageId === "eyn")) await ensureClient(context);
  else registerConvertFallback();
}

/** The script to run or debug, saved: a modified file is saved, an untitled buffer asks for a name first. */
async function savedScript(uri?: string | vscode.Uri): Promise<string | undefined> {
  const target = typeof uri === "string" ? vscode.Uri.parse(uri) : uri;
  // from the palette while a panel (the machine view, a terminal) has focus: the visible EYN editor
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e?.document.languageId === "eyn");
  const doc = target ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) : editor?.document;
  if (!doc) {
    if (target?.scheme === "file") return target.fsPath;
    void vscode.window.showInformationMessage("Open an EYN script (.eyn or .shell) to run or debug it.");
    return undefined;
  }
  switch (saveStep(doc)) {
    case "saveAs": {
      const choice = await vscode.window.showWarningMessage(SAVE_FIRST, "Save As…");
      if (choice !== "Save As…") return undefined;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand("workbench.action.files.saveAs");
      const saved = vscode.window.activeTextEditor?.document;
      return saved && !saved.isUntitled && saved.uri.scheme === "file" ? saved.uri.fsPath : undefined;
    }
    case "save":
      if (!(await doc.save())) return undefined;
      return doc.uri.fsPath;
    default:
      return doc.uri.scheme === "file" ? doc.uri.fsPath : undefined;
  }
}

/** One terminal per script, owned by the extension: a header, the script's output in its colours, a summary. */
interface ScriptTerminal {
  terminal: vscode.Terminal;
  run(): void;
  running(): boolean;
}
const scriptTerminals = new Map<string, ScriptTerminal>();

function runInTerminal(file: string, javaExecutable: string, args: string[]): void {
  const existing = scriptTerminals.get(file);
  if (existing) {
    existing.terminal.show(true);
    if (!existing.running()) existing.run();
    return;
  }
  const write = new vscode.EventEmitter<string>();
  let child: cp.ChildProcess | undefined;
  let opened = false;
  const start = () => {
    const s = settings();
    write.fire(forTerminal((opened ? "\n" : "") + runHeader(file, s).join("\n") + "\n\n"));
    opened = true;
    child = cp.spawn(javaExecutable, args, { cwd: path.dirname(file) });
    child.stdout?.on("data", (b: Buffer) => write.fire(forTerminal(b.toString("utf8"))));
    child.stderr?.on("data", (b: Buffer) => write.fire(forTerminal(b.toString("utf8"))));
    child.on("error", (e) => write.fire(forTerminal(`\nEYN: could not start Java: ${e.message}\n`)));
    child.on("close", (code, signal) => {
      child = undefined;
      const summary = runSummary(code, signal);
      const colour = code === 0 ? "\x1b[32m" : "\x1b[31m";
      write.fire(forTerminal(`\n${colour}${summary}\x1b[0m\n`));
    });
  };
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => start(),
    close: () => {
      child?.kill();
      scriptTerminals.delete(file);
    },
    handleInput: (data) => {
      if (data === "\x03") child?.kill("SIGINT");
    },
  };
  const terminal = vscode.window.createTerminal({ name: runTerminalName(file), pty });
  scriptTerminals.set(file, { terminal, run: start, running: () => child !== undefined });
  terminal.show(true);
}

/** Each failed command's location in a Run terminal ("  at /ws/main.eyn:4") links to that line. */
interface RunLocationLink extends vscode.TerminalLink {
  file: string;
  line: number;
}
const runLocationLinks: vscode.TerminalLinkProvider<RunLocationLink> = {
  provideTerminalLinks: (context) => {
    if (![...scriptTerminals.values()].some((t) => t.terminal === context.terminal)) return [];
    const at = runLocation(context.line);
    // a script inside a disk image has no host file to open
    if (!at || !path.isAbsolute(at.file) || !fs.existsSync(at.file)) return [];
    return [{ startIndex: at.start, length: at.length, tooltip: `Open ${baseName(at.file)} at line ${at.line}`, file: at.file, line: at.line }];
  },
  handleTerminalLink: async (link) => {
    const where = new vscode.Position(link.line - 1, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(link.file), { selection: new vscode.Range(where, where), preview: false });
  },
};

function quote(arg: string): string {
  return /^[A-Za-z0-9_./=:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

export async function deactivate(): Promise<void> {
  adapterHost?.stop();
  if (starting) await starting.catch(() => undefined);
  if (client) await client.stop();
}
