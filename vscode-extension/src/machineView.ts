// "EYN: Machine View": a webview panel of our own (offline, no marketplace) over the active EYN
// debug session: the address space as a map, a hex view read through readMemory and edited through
// writeMemory, and the predictor's hit rate as a chart that grows with each stop.
import * as vscode from "vscode";
import { chartPoints, DapVariable, hex, hexRows, parseAddress, parseByte, parseHitRate, Region, regionsFrom } from "./machine";

const HEX_BYTES = 256;

interface Scope {
  name: string;
  variablesReference: number;
}

export class MachineView {
  private panel: vscode.WebviewPanel | undefined;
  private address: number | undefined;
  /** Hit rates at each stop, per session. */
  private readonly rates = new Map<string, number[]>();
  private refreshing: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    context.subscriptions.push(
      vscode.debug.registerDebugAdapterTrackerFactory("eyn", {
        createDebugAdapterTracker: (session) => ({
          onDidSendMessage: (m: { type?: string; event?: string }) => {
            if (m.type !== "event") return;
            if (m.event === "stopped") void this.onStop(session);
            else if (m.event === "memory" || m.event === "invalidated") void this.refresh();
            else if (m.event === "terminated") void this.refresh();
          },
        }),
      }),
      vscode.debug.onDidChangeActiveDebugSession(() => void this.refresh()),
    );
  }

  /** Opens (or shows) the panel; {@code reference} is a memoryReference to show in the hex view. */
  async open(reference?: string): Promise<void> {
    const address = parseAddress(reference);
    if (address !== undefined) this.address = address;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("eyn.machine", "EYN Machine", vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m) => void this.onMessage(m));
      this.panel.webview.html = html(nonce(), this.panel.webview.cspSource);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.refresh();
  }

  private session(): vscode.DebugSession | undefined {
    const s = vscode.debug.activeDebugSession;
    return s && s.type === "eyn" ? s : undefined;
  }

  private async onStop(session: vscode.DebugSession): Promise<void> {
    // the stopped event arrives before the client asks for the stack; ask our own questions after it
    await new Promise((r) => setTimeout(r, 150));
    const rate = await this.hitRate(session).catch(() => undefined);
    if (rate !== undefined) {
      const list = this.rates.get(session.id) ?? [];
      list.push(rate);
      this.rates.set(session.id, list);
    }
    await this.refresh();
  }

  private async scopes(session: vscode.DebugSession): Promise<Scope[]> {
    const trace = await session.customRequest("stackTrace", { threadId: 1, startFrame: 0, levels: 1 });
    const frame = trace.stackFrames?.[0];
    if (!frame) return [];
    return (await session.customRequest("scopes", { frameId: frame.id })).scopes ?? [];
  }

  private async variables(session: vscode.DebugSession, reference: number): Promise<DapVariable[]> {
    if (!reference) return [];
    return (await session.customRequest("variables", { variablesReference: reference })).variables ?? [];
  }

  private async hitRate(session: vscode.DebugSession): Promise<number | undefined> {
    const predictor = (await this.scopes(session)).find((s) => s.name === "Predictor");
    if (!predictor) return undefined;
    const vars = await this.variables(session, predictor.variablesReference);
    return parseHitRate(vars.find((v) => v.name === "hit rate")?.value);
  }

  private async regions(session: vscode.DebugSession): Promise<Region[]> {
    const scopes = await this.scopes(session);
    const byName = (n: string) => scopes.find((s) => s.name === n)?.variablesReference ?? 0;
    const heap = await this.variables(session, byName("Heap"));
    const blocks = await this.variables(session, heap.find((v) => v.name === "blocks")?.variablesReference ?? 0);
    const fds = await this.variables(session, byName("File descriptors"));
    const mappings = await this.variables(session, byName("Mappings"));
    return regionsFrom(blocks, fds, mappings);
  }

  async refresh(): Promise<void> {
    if (!this.panel) return;
    if (this.refreshing) return this.refreshing;
    this.refreshing = this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const panel = this.panel;
    const session = this.session();
    if (!panel) return;
    if (!session) {
      void panel.webview.postMessage({ type: "state", status: "No EYN debug session: start one (F5) to see its machine.", regions: [], rates: [] });
      return;
    }
    try {
      const regions = await this.regions(session);
      if (this.address === undefined && regions.length > 0) this.address = regions[0].start;
      let dump: unknown;
      if (this.address !== undefined) {
        const r = await session.customRequest("readMemory", { memoryReference: hex(this.address), offset: 0, count: HEX_BYTES });
        const data = Buffer.from(r.data ?? "", "base64");
        const readable = data.length;
        dump = { address: hex(this.address), rows: hexRows(new Uint8Array(data), this.address, readable) };
      }
      const rates = this.rates.get(session.id) ?? [];
      void panel.webview.postMessage({
        type: "state",
        status: `${session.name}: stopped`,
        regions: regions.map((x) => ({ ...x, startHex: hex(x.start) })),
        dump,
        rates,
        chart: chartPoints(rates, 300, 60),
      });
    } catch (e) {
      void panel.webview.postMessage({ type: "state", status: `${session.name}: running (the view refreshes at the next stop)`, regions: [], rates: [] });
    }
  }

  private async onMessage(m: { type: string; address?: string; offset?: number; value?: string }): Promise<void> {
    const session = this.session();
    if (m.type === "show") {
      const a = parseAddress(m.address);
      if (a !== undefined) this.address = a;
      await this.refresh();
    } else if (m.type === "write" && session && this.address !== undefined && m.offset !== undefined) {
      const byte = parseByte(m.value ?? "");
      if (byte === undefined) {
        void vscode.window.showWarningMessage(`'${m.value}' is not a byte: type two hex digits, such as 4F.`);
        return;
      }
      try {
        await session.customRequest("writeMemory", {
          memoryReference: hex(this.address), offset: m.offset, data: Buffer.from([byte]).toString("base64"),
        });
      } catch (e) {
        void vscode.window.showWarningMessage(`EYN: could not write the byte: ${e instanceof Error ? e.message : String(e)}`);
      }
      // the adapter's memory event refreshes the view
    }
  }
}

function nonce(): string {
  let s = "";
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

function html(n: string, csp: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp} 'unsafe-inline'; script-src 'nonce-${n}';">
<title>EYN Machine</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px 12px; }
  h2 { font-size: 1.05em; margin: 14px 0 6px; }
  table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  td, th { padding: 1px 6px; text-align: left; }
  tr.region { cursor: pointer; }
  tr.region:hover { background: var(--vscode-list-hoverBackground); }
  .kind { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
  .heap { background: var(--vscode-charts-green); } .heap.bad { background: var(--vscode-charts-red); }
  .fd { background: var(--vscode-charts-blue); } .mapping { background: var(--vscode-charts-purple); }
  .byte { cursor: text; } .byte:hover { outline: 1px solid var(--vscode-focusBorder); }
  .gap { color: var(--vscode-disabledForeground); }
  #status { color: var(--vscode-descriptionForeground); }
  svg { background: var(--vscode-editorWidget-background); }
  polyline { fill: none; stroke: var(--vscode-charts-orange); stroke-width: 2; }
</style></head>
<body>
<div id="status">Waiting for the debug session…</div>
<h2>Address space</h2>
<table id="map"><thead><tr><th>start</th><th>size</th><th>what</th><th>details</th></tr></thead><tbody></tbody></table>
<h2>Memory <span id="at"></span></h2>
<div>Click a byte to change it (two hex digits); the change goes through the debugger's writeMemory.</div>
<table id="hex"><tbody></tbody></table>
<h2>Predictor hit rate <span id="rate"></span></h2>
<svg id="chart" width="300" height="60" viewBox="0 0 300 60"><polyline id="line" points=""></polyline></svg>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  function cell(text, cls) { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; return td; }
  window.addEventListener("message", (e) => {
    const s = e.data;
    if (s.type !== "state") return;
    $("status").textContent = s.status;
    const map = $("map").querySelector("tbody");
    map.textContent = "";
    if (s.regions.length === 0) { const tr = document.createElement("tr"); tr.appendChild(cell("(none)")); map.appendChild(tr); }
    for (const r of s.regions) {
      const tr = document.createElement("tr");
      tr.className = "region";
      const what = cell(r.label);
      const sw = document.createElement("span"); sw.className = "kind " + r.kind + (r.state === "bad" ? " bad" : "");
      what.prepend(sw);
      tr.append(cell(r.startHex), cell(r.size + " bytes"), what, cell(r.detail));
      tr.addEventListener("click", () => vscode.postMessage({ type: "show", address: r.startHex }));
      map.appendChild(tr);
    }
    const hex = $("hex").querySelector("tbody");
    hex.textContent = "";
    $("at").textContent = s.dump ? "at " + s.dump.address : "";
    if (s.dump) {
      s.dump.rows.forEach((row, r) => {
        const tr = document.createElement("tr");
        tr.appendChild(cell(row.address));
        row.bytes.forEach((b, i) => {
          const td = cell(b === undefined ? "??" : b, b === undefined ? "gap" : "byte");
          if (b !== undefined) td.addEventListener("click", () => {
            const input = document.createElement("input");
            input.size = 2; input.value = b; td.textContent = ""; td.appendChild(input); input.focus(); input.select();
            input.addEventListener("keydown", (k) => {
              if (k.key === "Enter") vscode.postMessage({ type: "write", offset: r * 16 + i, value: input.value });
              if (k.key === "Enter" || k.key === "Escape") td.textContent = b;
            });
          });
          tr.appendChild(td);
        });
        tr.appendChild(cell(row.ascii));
        hex.appendChild(tr);
      });
    }
    $("line").setAttribute("points", s.chart || "");
    $("rate").textContent = s.rates.length ? "(" + s.rates[s.rates.length - 1] + "% after " + s.rates.length + " stops)" : "";
  });
</script>
</body></html>`;
}
