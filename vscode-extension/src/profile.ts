// The profile (which generation of EYN-OS a script is for) as the editor shows and switches it:
// pure, unit-tested; extension.ts wires it to VS Code.

/** A profile the server can choose for a document. */
export type ProfileId = "r13" | "2026";
/** The eyn.profile setting: a profile, or "auto" (decided per file from what the script uses). */
export type ProfileSetting = "auto" | ProfileId;
/** Who decided a document's profile: its first-line comment, the setting, or the script's own constructs. */
export type ProfileSource = "comment" | "setting" | "auto";

/** Params of the server's `eyn/profile` notification. */
export interface ProfileNotification {
  uri: string;
  profile: ProfileId;
  source: ProfileSource;
  reason: string;
}

export const PROFILE_NOTIFICATION = "eyn/profile";
export const CONVERT_COMMAND = "eyn.convertTo2026";
export const SELECT_PROFILE_COMMAND = "eyn.selectProfile";

const PROFILES: readonly ProfileId[] = ["r13", "2026"];
const SOURCES: readonly ProfileSource[] = ["comment", "setting", "auto"];

/** The notification's params if they are well formed (an unknown source counts as "auto"), else undefined. */
export function parseProfileNotification(params: unknown): ProfileNotification | undefined {
  if (typeof params !== "object" || params === null) return undefined;
  const p = params as Record<string, unknown>;
  if (typeof p.uri !== "string" || p.uri === "") return undefined;
  if (typeof p.profile !== "string" || !PROFILES.includes(p.profile as ProfileId)) return undefined;
  const source = SOURCES.includes(p.source as ProfileSource) ? (p.source as ProfileSource) : "auto";
  return { uri: p.uri, profile: p.profile as ProfileId, source, reason: typeof p.reason === "string" ? p.reason : "" };
}

/** The setting's value, with anything unknown read as "auto". */
export function parseProfileSetting(value: unknown): ProfileSetting {
  return value === "r13" || value === "2026" ? value : "auto";
}

export function profileTitle(id: ProfileId): string {
  return id === "2026" ? "EYN-OS 2026" : "Release 13";
}

/** The language client's state as the status item shows it. */
export type ClientState = "starting" | "ready" | "stopped" | "failed";

export interface StatusPresentation {
  text: string;
  detail: string;
  busy: boolean;
  severity: "information" | "warning" | "error";
}

/** Why the server chose the profile, in one line. */
export function describeChoice(info: ProfileNotification): string {
  const reason = info.reason.trim();
  switch (info.source) {
    case "comment":
      return reason ? `first-line comment: ${reason}` : "the first-line comment '# eyn: profile=…'";
    case "setting":
      return reason && reason !== "the eyn.profile setting" ? `eyn.profile setting: ${reason}` : "the eyn.profile setting";
    default:
      return reason ? `auto: ${reason}` : "auto";
  }
}

/**
 * What the language status item shows for the active document: its profile and why (once the
 * server has said so), else the setting; the detail says while the language server starts.
 */
export function presentStatus(
  info: ProfileNotification | undefined,
  client: ClientState,
  setting: ProfileSetting,
): StatusPresentation {
  const text = info ? profileTitle(info.profile) : setting === "auto" ? "EYN profile: auto" : profileTitle(setting);
  switch (client) {
    case "starting":
      return { text, detail: "EYN language server starting…", busy: true, severity: "information" };
    case "failed":
      return { text, detail: "EYN language server not running (see the EYN output)", busy: false, severity: "warning" };
    case "stopped":
      return { text, detail: "EYN language server stopped", busy: false, severity: "information" };
    default:
      return {
        text,
        detail: info ? describeChoice(info) : "EYN language server ready",
        busy: false,
        severity: "information",
      };
  }
}

export interface ProfilePick {
  label: string;
  description: string;
  detail: string;
  value: ProfileSetting;
  picked: boolean;
}

/** The quick pick's items, the current setting marked. */
export function profilePicks(current: ProfileSetting): ProfilePick[] {
  const items: Array<Omit<ProfilePick, "picked" | "description"> & { what: string }> = [
    {
      label: "Auto",
      value: "auto",
      what: "per file",
      detail: "Decided per file from what the script uses; a first-line comment '# eyn: profile=2026' overrides it.",
    },
    {
      label: "Release 13",
      value: "r13",
      what: "r13",
      detail: "ifeq/ifneq/else/endif, loop/endloop, the zero-copy (z*) and predictive-memory commands.",
    },
    {
      label: "EYN-OS 2026",
      value: "2026",
      what: "2026",
      detail: "if/elif/else/endif, while/endwhile, $0-$9, the 110 programs in /binaries, aliases, pipes.",
    },
  ];
  return items.map(({ what, ...item }) => ({
    ...item,
    description: item.value === current ? `${what} · current` : what,
    picked: item.value === current,
  }));
}

/**
 * The arguments of the server's `eyn.convertTo2026` command: `[documentUri]`. The command gets a
 * Uri (editor context menu), a string, or nothing (command palette: the active EYN document).
 */
export function convertArguments(args: readonly unknown[], activeUri: string | undefined): string[] | undefined {
  const first = args[0];
  if (typeof first === "string" && first !== "") return [first];
  if (typeof first === "object" && first !== null && "scheme" in first && typeof first.toString === "function") {
    return [String(first)];
  }
  return activeUri ? [activeUri] : undefined;
}
