// The debug adapter host: one `eyn dap --listen` process per window that serves every debug session on a
// Unix domain socket in a private folder. A new JVM per session spends its first second compiling the
// adapter while the user steps; the host has loaded and compiled it (it rehearses a few sessions against
// itself when it starts), so F5 starts at once and the first steps are as fast as any later one
// (docs/debugger.md, "The adapter host"). Its stdin is held open by this extension: when the window goes
// away, the pipe closes and the host ends. Pure Node: unit-tested without VS Code.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** When the host starts: with the language server (a few seconds after it is ready), at the first F5, or never. */
export type HostMode = "early" | "onDebug" | "off";

export function hostMode(setting: unknown, platform: string): HostMode {
  // Windows has no Unix domain sockets that VS Code's named-pipe client can reach: one process per session there
  if (platform === "win32") return "off";
  return setting === "onDebug" || setting === "off" ? setting : "early";
}

export interface HostCommand {
  executable: string;
  /** The JVM options, the jar and `dap`: the host adds `--listen` and its socket. */
  args: string[];
}

/** How long the host may take to listen before the extension falls back to a process per session. */
const LISTEN_TIMEOUT_MS = 30_000;

export class AdapterHost {
  private child?: ChildProcess;
  private dir?: string;
  private listening?: Promise<string | undefined>;

  constructor(private readonly log: (line: string) => void) {}

  /** Whether a host process is alive. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the host unless one runs; resolves to its socket once it listens, or undefined when it cannot. */
  start(command: HostCommand): Promise<string | undefined> {
    if (this.listening && this.running) return this.listening;
    this.stop();
    let dir: string;
    try {
      // mkdtemp makes the folder readable by its owner only: nobody else can reach the socket
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "eyn-dap-"));
    } catch (e) {
      this.log(`The debug adapter host could not make its folder: ${e instanceof Error ? e.message : String(e)}`);
      return Promise.resolve(undefined);
    }
    const socket = path.join(dir, "dap.sock");
    const child = spawn(command.executable, [...command.args, "--listen", socket], { stdio: ["pipe", "ignore", "pipe"] });
    this.child = child;
    this.dir = dir;
    this.listening = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.log(`The debug adapter host did not listen within ${LISTEN_TIMEOUT_MS / 1000} s; debugging with a process per session.`);
        resolve(undefined);
      }, LISTEN_TIMEOUT_MS);
      let pending = "";
      // read every line, always: a host whose stderr pipe filled up would stop at its next log line
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (chunk: string) => {
        pending += chunk;
        let end: number;
        while ((end = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, end).replace(/\r$/, "");
          pending = pending.slice(end + 1);
          this.log(line);
          if (line === `eyn dap: listening on ${socket}`) {
            clearTimeout(timer);
            resolve(socket);
          }
        }
      });
      child.on("error", (e) => {
        clearTimeout(timer);
        this.log(`The debug adapter host did not start: ${e.message}`);
        resolve(undefined);
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) {
          this.log(`The debug adapter host ended (${signal ?? `status ${code}`}); the next debug session starts a new one.`);
          this.child = undefined;
          this.listening = undefined;
          removeFolder(dir);
        }
        resolve(undefined);
      });
    });
    // an EPIPE on the held stdin after the host died must not become an unhandled error
    child.stdin?.on("error", () => undefined);
    return this.listening;
  }

  /** Ends the host: its stdin closes, and it removes its socket; the folder goes too. */
  stop(): void {
    const child = this.child;
    const dir = this.dir;
    this.child = undefined;
    this.dir = undefined;
    this.listening = undefined;
    if (child) {
      child.stdin?.end();
      // a host that does not end by itself within a few seconds is ended
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill();
      }, 5000).unref();
    }
    if (dir) removeFolder(dir);
  }
}

function removeFolder(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // the temporary folder is the system's to clean then
  }
}
