#!/usr/bin/env python3
"""The debug adapter's first steps measured by a client without a JIT of its own (docs/benchmarks.md, session 15).

Starts the adapter with the given command (e.g. ./eyn dap), stops on entry in the DapBenchmark's stepping
script, then makes STEPS (default 200) steps, each `next` to its `stopped` event followed by the refresh an
editor makes (threads, stackTrace, scopes, then the variables of every scope sent together), and prints
start -> initialized, `next` p50/p99 and stop + refresh p50/p99 over those steps, and each step over 4 ms with
the milliseconds since the process started when it began. One throwaway session of 50 steps comes first (the
page cache, the class-data archive). THINK_MS pauses that long after the stop on entry, as a person would.

Any command that speaks DAP on stdio will do, e.g. the floor (docs/benchmarks.md, session 16):
python3 server/src/test/python/dap_cold_steps.py java -cp server/target/test-classes eyn.bench.DapFloor

HOST=1 starts the command as an adapter host (it adds --listen SOCKET), waits for the end of its rehearsal and
measures the first session on its socket, as the VS Code extension's sessions run (session 17).

Usage: python3 server/src/test/python/dap_cold_steps.py ./eyn dap
"""
import json
import math
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time

SCRIPT = "set N=0\nloop 1000000\nset X=$N\nifeq $X 5\necho five\nendif\nendloop\necho after loop\n"


class ProcessTransport:
    """A new adapter process on stdio."""

    def __init__(self, command):
        self.p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        self.input = self.p.stdout

    def write(self, data):
        self.p.stdin.write(data)

    def close(self):
        self.p.stdin.close()
        self.p.wait(10)


class SocketTransport:
    """A session on an adapter host's Unix socket (eyn dap --listen)."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.input = self.sock.makefile("rb", buffering=0)

    def write(self, data):
        self.sock.sendall(data)

    def close(self):
        self.sock.close()


def start_host(command):
    """Starts COMMAND --listen SOCKET and waits for the end of its rehearsal; returns the process, the socket and the line."""
    path = os.path.join(tempfile.mkdtemp(), "dap.sock")
    host = subprocess.Popen(command + ["--listen", path], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in host.stderr:
        if line.startswith(b"eyn dap: rehearsal"):
            threading.Thread(target=lambda: host.stderr.read(), daemon=True).start()
            return host, path, line.decode().strip()
    sys.exit("the host ended before its rehearsal")


def session(transport, script, steps):
    p = transport
    responses, events, arrived = {}, queue.Queue(), threading.Condition()

    def reader():
        out = p.input
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    return
                header += c
            length = next(int(l.split(":")[1]) for l in header.decode().split("\r\n") if l.lower().startswith("content-length"))
            body = b""
            while len(body) < length:
                body += out.read(length - len(body))
            message = json.loads(body)
            if message["type"] == "response":
                with arrived:
                    responses[message["request_seq"]] = message
                    arrived.notify_all()
            elif message["type"] == "event":
                events.put(message)

    threading.Thread(target=reader, daemon=True).start()
    seq = [0]

    def send(command, arguments=None):
        seq[0] += 1
        message = {"seq": seq[0], "type": "request", "command": command}
        if arguments is not None:
            message["arguments"] = arguments
        body = json.dumps(message).encode()
        p.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return seq[0]

    def answer(request):
        with arrived:
            if not arrived.wait_for(lambda: request in responses, timeout=30):
                raise TimeoutError(f"no answer to request {request}")
            return responses.pop(request)

    def event(name):
        while True:
            e = events.get(timeout=30)
            if e["event"] == name:
                return e

    started = time.perf_counter()
    answer(send("initialize", {"adapterID": "eyn"}))
    event("initialized")
    start_ms = (time.perf_counter() - started) * 1000
    answer(send("launch", {"program": script, "stopOnEntry": True}))
    answer(send("configurationDone"))
    event("stopped")
    time.sleep(float(os.environ.get("THINK_MS", "0")) / 1000)
    figures = []
    for _ in range(steps):
        t = time.perf_counter()
        answer(send("next", {"threadId": 1}))
        event("stopped")
        stopped = time.perf_counter()
        answer(send("threads"))
        frames = answer(send("stackTrace", {"threadId": 1}))["body"]["stackFrames"]
        scopes = answer(send("scopes", {"frameId": frames[0]["id"]}))["body"]["scopes"]
        for request in [send("variables", {"variablesReference": s["variablesReference"]}) for s in scopes]:
            answer(request)
        figures.append(((stopped - t) * 1000, (time.perf_counter() - t) * 1000, (t - started) * 1000))
    answer(send("disconnect"))
    p.close()
    return start_ms, figures


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))]


def main():
    command = sys.argv[1:]
    if not command:
        sys.exit(__doc__)
    script = os.path.join(tempfile.mkdtemp(), "bench.eyn")
    with open(script, "w") as f:
        f.write(SCRIPT)
    steps = int(os.environ.get("STEPS", "200"))
    if os.environ.get("HOST") == "1":
        host, path, rehearsal = start_host(command)
        print(rehearsal)
        start_ms, figures = session(SocketTransport(path), script, steps)
        host.stdin.close()
        host.wait(10)
    else:
        session(ProcessTransport(command), script, 50)
        start_ms, figures = session(ProcessTransport(command), script, steps)
    nexts = [n for n, _, _ in figures]
    both = [b for _, b, _ in figures]
    print(f"start -> initialized {start_ms:.0f} ms; next p50/p99 {percentile(nexts, 50):.2f}/{percentile(nexts, 99):.2f} ms; "
          f"stop + refresh p50/p99 {percentile(both, 50):.2f}/{percentile(both, 99):.2f} ms, max {max(both):.1f} ms; "
          f"{sum(1 for b in both if b > 4)} of {len(both)} steps over 4 ms: "
          + ", ".join(f"#{i} {b:.1f} (at {at:.0f})" for i, (_, b, at) in enumerate(figures) if b > 4))


if __name__ == "__main__":
    main()
