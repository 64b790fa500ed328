// Extensionless EYN scripts: on EYN-OS 2026 a program in /binaries whose first byte is '#' is run as a
// script, so such files open as EYN scripts. Pure, unit-tested.

/**
 * Whether a document should switch to the EYN language: VS Code opened it as plain text, it lies
 * under a folder named `binaries` (at any depth), its name has no extension, and it starts with `#`.
 * @param path the document's path ('/' or '\' separated)
 * @param firstChar the document's first character ('' when it is empty)
 */
export function isBinariesScript(path: string, languageId: string, firstChar: string): boolean {
  if (languageId !== "plaintext" || firstChar !== "#") return false;
  const parts = path.split(/[\\/]+/).filter((p) => p !== "");
  if (parts.length < 2) return false;
  const name = parts[parts.length - 1];
  if (name.includes(".")) return false;
  return parts.slice(0, -1).includes("binaries");
}
