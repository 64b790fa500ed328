// "EYN: Run Script": pure parts (names, header, summary, what to do with unsaved buffers), unit-tested.

/** The terminal a script runs in: one per script, named after it. */
export function runTerminalName(file: string): string {
  return "EYN: " + baseName(file);
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function dirName(file: string): string {
  const i = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return i <= 0 ? file.slice(0, i + 1) || "." : file.slice(0, i);
}

/** The header printed before each run: the script, the profile and the drives. */
export function runHeader(
  file: string,
  settings: { profile: string; fidelity: string; drives: Record<string, string>; driveRoot: string },
): string[] {
  const profile = settings.profile === "r13" || settings.profile === "2026" ? settings.profile : "auto (from the script)";
  const drives = [`0 = ${settings.driveRoot || dirName(file)}`];
  for (const [n, folder] of Object.entries(settings.drives)) if (n !== "0") drives.push(`${n} = ${folder}`);
  return [
    `▶ ${baseName(file)}  (${file})`,
    `  profile ${profile}${settings.fidelity === "faithful" ? ", faithful" : ""} · drives ${drives.join(", ")}`,
  ];
}

/** The line after a run: how it ended, in words and with the exit status. */
export function runSummary(exitCode: number | null, signal: string | null): string {
  if (signal) return `■ stopped (${signal})`;
  switch (exitCode) {
    case 0:
      return "✔ finished: no command failed (exit status 0)";
    case 1:
      return "✖ finished: a command failed (exit status 1): see the red lines above";
    case 2:
      return "✖ could not run: usage error or unreadable script (exit status 2)";
    case 130:
      return "■ interrupted (exit status 130)";
    default:
      return `✖ ended with exit status ${exitCode}`;
  }
}

/** Terminal text: a terminal needs CR LF. */
export function forTerminal(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/**
 * Run and Debug work on files on a drive, so an untitled buffer is saved first (one clear
 * sentence, one button); a modified file is saved without asking, as other Run buttons do.
 */
export type SaveStep = "none" | "save" | "saveAs";

export function saveStep(doc: { isUntitled: boolean; isDirty: boolean }): SaveStep {
  if (doc.isUntitled) return "saveAs";
  return doc.isDirty ? "save" : "none";
}

export const SAVE_FIRST = "Save this script first: EYN runs and debugs scripts from a file, whose folder becomes drive 0.";

/** vscode-languageclient reports a clean stop of the server as an error; that exit is ordinary. */
export function isQuietExit(message: string): boolean {
  return /^Server process exited with code 0\.?$/.test(message.trim());
}

/** A location `eyn run --locations` prints after a failed command ("  at /ws/main.eyn:4"): where it is in the line, the file and the line (1-based). */
export interface RunLocation {
  start: number;
  length: number;
  file: string;
  line: number;
}

/** The location on a line of the Run terminal, if the line is one; the link covers `FILE:LINE`. */
export function runLocation(text: string): RunLocation | undefined {
  const m = /^(\s*at )(.+):(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const line = Number(m[3]);
  if (!Number.isSafeInteger(line) || line < 1) return undefined;
  return { start: m[1].length, length: m[2].length + 1 + m[3].length, file: m[2], line };
}
