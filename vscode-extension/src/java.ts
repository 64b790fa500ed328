// Finding a Java 17+ to run eyn.jar with: the eyn.java.home setting, then JAVA_HOME, then PATH.
// Pure logic with its system access injected, so it is unit-tested without VS Code.
import { createHash } from "crypto";

export interface JavaProbe {
  /** Whether a file exists and is executable. */
  isExecutable(path: string): boolean;
  /** The text `java -version` prints (on stderr), or undefined when it cannot run. */
  versionText(javaExecutable: string): string | undefined;
  /** Directories of the PATH variable. */
  pathDirectories(): string[];
  env(name: string): string | undefined;
  platform: string;
}

export interface JavaFound {
  executable: string;
  version: number;
  source: "setting" | "JAVA_HOME" | "PATH";
}

export interface JavaMissing {
  error: string;
}

/** The major version in `java -version` output: "17.0.15" -> 17, "1.8.0_392" -> 8. */
export function majorVersion(versionText: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionText);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

function executableIn(home: string, probe: JavaProbe): string {
  const name = probe.platform === "win32" ? "java.exe" : "java";
  const sep = probe.platform === "win32" ? "\\" : "/";
  return home.replace(/[\\/]+$/, "") + sep + "bin" + sep + name;
}

export function findJava(setting: string | undefined, probe: JavaProbe): JavaFound | JavaMissing {
  const tried: string[] = [];
  const candidates: Array<{ executable: string; source: JavaFound["source"] }> = [];
  if (setting && setting.trim() !== "") candidates.push({ executable: executableIn(setting.trim(), probe), source: "setting" });
  const javaHome = probe.env("JAVA_HOME");
  if (javaHome && javaHome.trim() !== "") candidates.push({ executable: executableIn(javaHome.trim(), probe), source: "JAVA_HOME" });
  const name = probe.platform === "win32" ? "java.exe" : "java";
  for (const dir of probe.pathDirectories()) {
    if (dir) candidates.push({ executable: dir.replace(/[\\/]+$/, "") + (probe.platform === "win32" ? "\\" : "/") + name, source: "PATH" });
  }
  for (const c of candidates) {
    if (!probe.isExecutable(c.executable)) {
      if (c.source !== "PATH") tried.push(`${c.source}: ${c.executable} does not exist`);
      continue;
    }
    const text = probe.versionText(c.executable);
    const version = text === undefined ? undefined : majorVersion(text);
    if (version === undefined) {
      tried.push(`${c.source}: ${c.executable} did not report a version`);
    } else if (version < 17) {
      tried.push(`${c.source}: ${c.executable} is Java ${version}`);
    } else {
      return { executable: c.executable, version, source: c.source };
    }
  }
  const why = tried.length > 0 ? ` (${tried.join("; ")})` : "";
  return {
    error: `EYN Script Tools needs Java 17 or newer${why}. Install it, or set "eyn.java.home" to its folder, then run "EYN: Restart Language Server".`,
  };
}

/**
 * JVM options for every eyn.jar process the extension starts (the same as the `eyn` launcher's): a
 * deliberate heap limit instead of the JVM's default (a quarter of the machine's memory), so a runaway
 * script or analysis meets eyn's own budgets and, at worst, its one-line out-of-memory exit (status 3)
 * rather than swapping the machine; the serial collector, which starts faster and keeps the language
 * server's resident memory low, with a 64 MiB young generation, so that what an edit's analysis
 * allocates dies young instead of filling the old generation (a 40 MiB heap collected it whole every
 * few hundred milliseconds, 20-30 ms each, while typing) (docs/benchmarks.md, "Cold start").
 */
export const JVM_OPTIONS: readonly string[] = ["-Xmx2g", "-Xms96m", "-Xmn64m", "-XX:+UseSerialGC"];

/**
 * Options that make the JVM map a class-data sharing archive. `-Xshare:auto`: a JVM that cannot use it
 * (another Java build, another jar) goes on without it; its logging goes to stderr only, never to stdout,
 * which carries the language server's and the debug adapter's messages.
 */
export function cdsOptions(archive: string): string[] {
  return [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr"];
}

/**
 * Added for the language server (the same as the `eyn` launcher's): its code is compiled by C1 only. Its
 * work comes in bursts of a few milliseconds (a keystroke, an edit's analysis), and C2's compilations,
 * each taking a core for up to half a second in the first minute, made the slowest keystrokes
 * (docs/language-server.md, "The JIT"). A JVM that does not know the flag ignores it rather than refusing to start.
 */
export const LSP_JVM_OPTIONS: readonly string[] = ["-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1"];

/**
 * Added for the debug adapter (the same as the `eyn` launcher's): methods are compiled by C1 after a tenth
 * of the calls the JVM waits for by default, so that the code a stop runs (the stack, the scopes, the JSON)
 * is compiled within the first few steps of a session instead of after hundreds (docs/benchmarks.md, "The
 * debug adapter"). A JVM that no longer knows one of them ignores it rather than refusing to start.
 */
export const DAP_JVM_OPTIONS: readonly string[] = [
  "-XX:+IgnoreUnrecognizedVMOptions",
  "-XX:Tier3InvocationThreshold=20",
  "-XX:Tier3MinInvocationThreshold=10",
  "-XX:Tier3CompileThreshold=200",
  "-XX:Tier3BackEdgeThreshold=6000",
];

/** The JVM options for one eyn command ("lsp", "dap", ...), with the archive when there is one. */
export function jvmOptions(archive?: string, command?: string): string[] {
  const perCommand = command === "lsp" ? LSP_JVM_OPTIONS : command === "dap" ? DAP_JVM_OPTIONS : [];
  const tuning = [...JVM_OPTIONS, ...perCommand];
  return archive ? [...tuning, ...cdsOptions(archive)] : tuning;
}

/**
 * The archive's file name for one Java and one jar. A JDK 17 archive fits only the JVM build that dumped
 * it and the jar at the path and with the size and time it had, so it is made on the user's machine
 * (from the class list the .vsix ships) and named after what it depends on: the Java executable's real
 * path, version and modification time, and the jar's path, size and modification time.
 */
export function cdsArchiveName(java: { path: string; version: number; mtimeMs: number }, jar: { path: string; size: number; mtimeMs: number }): string {
  const key = [java.path, java.version, Math.floor(java.mtimeMs), jar.path, jar.size, Math.floor(jar.mtimeMs)].join("\n");
  return `eyn-java${java.version}-${createHash("sha256").update(key).digest("hex").slice(0, 16)}.jsa`;
}

/** Arguments of the one-off `java` run that dumps the archive from the shipped class list. */
export function cdsDumpArguments(classlist: string, archive: string, jar: string): string[] {
  return ["-Xshare:dump", `-XX:SharedClassListFile=${classlist}`, `-XX:SharedArchiveFile=${archive}`, "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", jar];
}
