// Launch configurations and server settings from the extension's settings: pure, unit-tested.

export interface EynSettings {
  ram: number;
  seed: number;
  persist: boolean;
  portabilityWarnings: boolean;
  drives: Record<string, string>;
  driveRoot: string;
  /** An EYNFS or FAT32 image that is drive 0 for the language server's checks; "" for none. */
  driveImage?: string;
  disabledDiagnostics: string[];
  /** True for projects meant for a real EYN-OS that runs only .shell files: P207 is then on. */
  shellOnlyProject?: boolean;
  trace: string;
  diagnosticsSeverity: string;
  /** auto | r13 | 2026 */
  profile: string;
  /** fixed | faithful */
  fidelity: string;
}

export interface LaunchConfiguration {
  type: string;
  request: string;
  name: string;
  program?: string;
  [key: string]: unknown;
}

/**
 * Fills a launch configuration: an empty one (F5 with no launch.json) debugs the active EYN file;
 * settings give defaults for what the configuration leaves out. Undefined: nothing to debug.
 */
export function resolveLaunch(
  config: LaunchConfiguration,
  settings: EynSettings,
  activeFile: string | undefined,
): LaunchConfiguration | undefined {
  const resolved: LaunchConfiguration = { ...config };
  if (!resolved.type && !resolved.request && !resolved.name) {
    if (!activeFile) return undefined;
    resolved.type = "eyn";
    resolved.request = "launch";
    resolved.name = "Debug the current EYN script";
  }
  if (!resolved.program || resolved.program === "${file}") {
    if (!activeFile) return undefined;
    resolved.program = activeFile;
  }
  if (resolved.ram === undefined) resolved.ram = settings.ram;
  if (resolved.seed === undefined) resolved.seed = settings.seed;
  if (resolved.persist === undefined) resolved.persist = settings.persist;
  if (resolved.portabilityWarnings === undefined) resolved.portabilityWarnings = settings.portabilityWarnings;
  if (resolved.drives === undefined && Object.keys(settings.drives).length > 0) resolved.drives = settings.drives;
  if (resolved.cwd === undefined && settings.driveRoot) resolved.cwd = settings.driveRoot;
  if (resolved.profile === undefined) resolved.profile = settings.profile;
  if (resolved.fidelity === undefined) resolved.fidelity = settings.fidelity;
  return resolved;
}

/** What the language server receives as initializationOptions and on configuration changes. */
export function serverOptions(settings: EynSettings): Record<string, unknown> {
  return {
    trace: settings.trace,
    portabilityWarnings: settings.portabilityWarnings,
    disabledDiagnostics: disabledDiagnostics(settings),
    driveRoot: settings.driveRoot,
    ...(settings.driveImage ? { driveImage: settings.driveImage } : {}),
    ram: settings.ram,
    diagnosticsSeverity: settings.diagnosticsSeverity,
    profile: settings.profile,
    fidelity: settings.fidelity,
  };
}

/**
 * The codes the server leaves out: the user's list, and P207 (a `.eyn` file run by `run`) unless the
 * project is for a real EYN-OS that runs only `.shell` files, since `.eyn` scripts are this product's
 * own convention.
 */
export function disabledDiagnostics(settings: Pick<EynSettings, "disabledDiagnostics" | "shellOnlyProject">): string[] {
  const codes = [...settings.disabledDiagnostics];
  if (!settings.shellOnlyProject && !codes.includes("P207")) codes.push("P207");
  return codes;
}

/** The `eyn run` arguments for a script under these settings. */
export function runArguments(file: string, settings: EynSettings): string[] {
  const args = ["run", file, "--ram", String(settings.ram), "--seed", String(settings.seed), "--summary"];
  for (const [n, folder] of Object.entries(settings.drives)) args.push("--drive", `${n}=${folder}`);
  if (settings.persist) args.push("--persist");
  args.push(...profileArguments(settings));
  return args;
}

/** `--profile` and `--fidelity` for `eyn run` and `eyn check`, left out at their defaults (auto, fixed). */
export function profileArguments(settings: Pick<EynSettings, "profile" | "fidelity">): string[] {
  const args: string[] = [];
  if (settings.profile === "r13" || settings.profile === "2026") args.push("--profile", settings.profile);
  if (settings.fidelity === "faithful") args.push("--fidelity", "faithful");
  return args;
}

/** The configurations VS Code offers in its dynamic "Debug" list: no stop on entry, as in other debuggers. */
export function dynamicConfigurations(): LaunchConfiguration[] {
  return [{ type: "eyn", request: "launch", name: "Debug current script", program: "${file}", args: [] }];
}

/** What the Debug code lens and "EYN: Debug Script" launch: the script, stopping first at a breakpoint. */
export function debugConfigurationFor(file: string): LaunchConfiguration {
  const base = file.split(/[\\/]/).pop() ?? file;
  return { type: "eyn", request: "launch", name: "Debug " + base, program: file };
}
