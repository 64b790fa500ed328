// Finding a Java 17+ to run eyn.jar with: the eyn.java.home setting, then JAVA_HOME, then PATH.
// Pure logic with its system access injected, so it is unit-tested without VS Code.

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
 * JVM options for every eyn.jar process the extension starts: a deliberate heap limit instead of the
 * JVM's default (a quarter of the machine's memory), so a runaway script or analysis meets eyn's own
 * budgets and, at worst, its one-line out-of-memory exit (status 3) rather than swapping the machine.
 */
export const JVM_OPTIONS: readonly string[] = ["-Xmx2g"];
