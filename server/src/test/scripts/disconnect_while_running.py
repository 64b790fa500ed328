"""Disconnects from a running re-teeing script under -Xmx512m with the default history, as in
docs/debugger.md ("Known limits"): three rounds of run 0-8 s / pause / stepBack / continue, then run
0-8 s and disconnect while the script runs. Prints whether the adapter answered, its exit status and
whether it ran out of memory. Usage: python3 disconnect_while_running.py [server/target/eyn.jar]
(loop it for a rate: for i in $(seq 20); do python3 ... ; done)."""
import json, os, random, subprocess, sys, tempfile, threading, time, queue
jar = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "server/target/eyn.jar")
d = tempfile.mkdtemp()
with open(os.path.join(d, "big.bin"), "wb") as f:
    f.truncate(100 << 20); f.seek(12345); f.write(b"\x2a")
open(os.path.join(d, "out.bin"), "w").write("x")
script = os.path.join(d, "retee.eyn")
open(script, "w").write("zopen big.bin r\nzopen out.bin rw\nloop 1000000\nzseek 1 0\nztee 0 1 104857600\nloop 100\nset X=1\nendloop\nendloop\necho done\n")
err = open(os.path.join(d, "stderr.txt"), "w")
p = subprocess.Popen(["java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar, "dap"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, cwd=d)
q = queue.Queue()
def reader():
    f = p.stdout
    while True:
        line = f.readline()
        if not line: q.put(None); return
        n = int(line.split(b":")[1])
        f.readline()
        q.put(json.loads(f.read(n)))
threading.Thread(target=reader, daemon=True).start()
seq = 0
def send(cmd, args):
    global seq; seq += 1
    b = json.dumps({"seq": seq, "type": "request", "command": cmd, "arguments": args}).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush(); return seq
def wait(pred, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        try: m = q.get(timeout=max(0.01, end - time.time()))
        except queue.Empty: break
        if m is None: return None
        if pred(m): return m
    return "timeout"
resp = lambda s: (lambda m: m.get("type") == "response" and m.get("request_seq") == s)
ev = lambda e: (lambda m: m.get("type") == "event" and m.get("event") == e)
wait(resp(send("initialize", {"adapterID": "eyn"})))
wait(resp(send("launch", {"program": script, "ram": 1024})))
wait(resp(send("configurationDone", {})))
for r in range(3):
    time.sleep(random.uniform(0, 8))
    wait(resp(send("pause", {"threadId": 1}))); wait(ev("stopped"))
    wait(resp(send("stepBack", {"threadId": 1}))); wait(ev("stopped"))
    wait(resp(send("continue", {"threadId": 1})))
time.sleep(random.uniform(0, 8))
t = time.time()
m = wait(resp(send("disconnect", {})), 120)
answered = isinstance(m, dict)
p.stdin.close()
try: rc = p.wait(60)
except subprocess.TimeoutExpired: p.kill(); rc = "hung"
e = open(os.path.join(d, "stderr.txt")).read()
oom = "OutOfMemoryError" in e or "out of host memory" in e
print(f"answered={answered} in {time.time()-t:.2f}s rc={rc} oom={oom}")
