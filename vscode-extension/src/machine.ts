// The machine view's model, built from the debug adapter's own answers (scopes, variables,
// readMemory): pure, unit-tested. The panel itself is in machineView.ts.

/** A DAP variable as the adapter sends it (the fields the view reads). */
export interface DapVariable {
  name: string;
  value: string;
  variablesReference?: number;
  memoryReference?: string;
}

export type RegionKind = "heap" | "fd" | "mapping";

/** One region of the emulated address space. */
export interface Region {
  kind: RegionKind;
  /** Where its bytes start (for a heap block: its 12-byte header). */
  start: number;
  size: number;
  label: string;
  detail: string;
  /** "ok" for a sound heap block, "bad" for a bad magic or checksum, "" for fds and mappings. */
  state: "ok" | "bad" | "";
}

export const HEAP_HEADER = 12;

export function parseAddress(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^\s*0x([0-9a-f]+)\s*$/i.exec(text);
  return m ? parseInt(m[1], 16) : undefined;
}

export function hex(address: number): string {
  return "0x" + address.toString(16).toUpperCase().padStart(8, "0");
}

function firstBytes(value: string): number {
  const m = /(\d+) bytes?/.exec(value);
  return m ? parseInt(m[1], 10) : 0;
}

/** Heap blocks, fd windows and mappings as regions, by address. */
export function regionsFrom(heapBlocks: DapVariable[], fds: DapVariable[], mappings: DapVariable[]): Region[] {
  const out: Region[] = [];
  for (const b of heapBlocks) {
    const start = parseAddress(b.memoryReference);
    if (start === undefined) continue;
    const bad = /\bbad\b/i.test(b.value);
    out.push({ kind: "heap", start, size: firstBytes(b.value) + HEAP_HEADER, label: "heap block " + b.name, detail: b.value, state: bad ? "bad" : "ok" });
  }
  for (const f of fds) {
    const start = parseAddress(f.memoryReference);
    if (start === undefined) continue;
    out.push({ kind: "fd", start, size: firstBytes(f.value), label: f.name, detail: f.value, state: "" });
  }
  for (const m of mappings) {
    const start = parseAddress(m.memoryReference);
    if (start === undefined) continue;
    out.push({ kind: "mapping", start, size: firstBytes(m.value), label: "mapping " + m.name, detail: m.value, state: "" });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The hit rate the Predictor scope shows ("87%"), as a number, or undefined. */
export function parseHitRate(value: string | undefined): number | undefined {
  const m = value ? /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

export interface HexRow {
  address: string;
  bytes: (string | undefined)[];
  ascii: string;
}

/** Rows of 16 bytes; bytes past {@code readable} are unreadable (undefined, shown as "??"). */
export function hexRows(data: Uint8Array, base: number, readable: number): HexRow[] {
  const rows: HexRow[] = [];
  const total = Math.max(data.length, readable);
  for (let off = 0; off < total; off += 16) {
    const bytes: (string | undefined)[] = [];
    let ascii = "";
    for (let i = off; i < off + 16 && i < total; i++) {
      if (i < readable && i < data.length) {
        bytes.push(data[i].toString(16).toUpperCase().padStart(2, "0"));
        ascii += data[i] >= 0x20 && data[i] < 0x7f ? String.fromCharCode(data[i]) : ".";
      } else {
        bytes.push(undefined);
        ascii += " ";
      }
    }
    rows.push({ address: hex(base + off), bytes, ascii });
  }
  return rows;
}

/** A byte the user typed in the hex view ("4F", "0x4f", "255"), or undefined when it is not one. */
export function parseByte(text: string): number | undefined {
  const t = text.trim();
  const n = /^0x[0-9a-f]{1,2}$/i.test(t) ? parseInt(t.slice(2), 16) : /^[0-9a-f]{1,2}$/i.test(t) ? parseInt(t, 16) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 255 ? n : undefined;
}

/** The hit-rate chart's points (an SVG polyline), the newest on the right; the chart grows with each stop. */
export function chartPoints(rates: number[], width: number, height: number): string {
  if (rates.length === 0) return "";
  const step = rates.length === 1 ? 0 : width / (rates.length - 1);
  return rates.map((r, i) => `${(i * step).toFixed(1)},${(height - (Math.max(0, Math.min(100, r)) / 100) * height).toFixed(1)}`).join(" ");
}
