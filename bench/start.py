#!/usr/bin/env python3
"""Start time: process spawn to the first 200 of GET /health, and admin command cost.

Runs COMMAND serve --port P --data-dir D --seed S RUNS times on a NEW (empty) data dir and RUNS
times on an EXISTING one (started once before with the same seed), polling /health every 5 ms
over loopback from the moment the process is spawned. Then runs `admin list-users` RUNS times.
Prints the median (and min/max) wall time and the server's user+sys CPU at its first 200.
Usage: start.py WORKDIR RUNS COMMAND...   (COMMAND: e.g. ./keyloom, or java -jar target/keyloom.jar)
"""
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

SEED = """\
domains:
  - name: bench
    projects:
      - name: cn-north-4
        id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
    users:
      - name: alice
        password: "Alice-Passw0rd!"
        access_keys:
          - access: ALICEACCESSKEY00001
            secret: aliceSecretKey0000000000000000000000001
      - name: bob
        password: "Bob-Passw0rd!!"
"""
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """user+sys of the process and its waited-for children (the launcher's find, say)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / TICKS


def healthy(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/health")
        ok = c.getresponse().status == 200
        c.close()
        return ok
    except OSError:
        return False


def serve_once(command, data_dir, seed):
    port = free_port()
    t0 = time.monotonic()
    proc = subprocess.Popen(
        command + ["serve", "--port", str(port), "--data-dir", data_dir, "--seed", seed],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not healthy(port):
            if proc.poll() is not None:
                sys.exit("server exited: " + proc.stderr.read().decode(errors="replace"))
            if time.monotonic() - t0 > 60:
                sys.exit("no 200 from /health within 60 s")
            time.sleep(0.005)
        wall = time.monotonic() - t0
        return wall, cpu_seconds(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def admin_once(command, data_dir):
    t0 = time.monotonic()
    proc = subprocess.Popen(command + ["admin", "--data-dir", data_dir, "list-users"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("admin failed: " + proc.stderr.read().decode(errors="replace"))
    return wall, usage.ru_utime + usage.ru_stime


def report(name, samples):
    walls = [w for w, _ in samples]
    cpus = [c for _, c in samples]
    print(f"{name:<22} median {statistics.median(walls):5.2f} s  (min {min(walls):.2f}, "
          f"max {max(walls):.2f})   user+sys median {statistics.median(cpus):5.2f} s")


def main():
    work, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    seed = os.path.join(work, "seed.yaml")
    with open(seed, "w") as f:
        f.write(SEED)
    new = []
    for i in range(runs):
        new.append(serve_once(command, os.path.join(work, f"new{i}"), seed))
    existing_dir = os.path.join(work, "existing")
    serve_once(command, existing_dir, seed)  # makes it; not counted
    existing = [serve_once(command, existing_dir, seed) for _ in range(runs)]
    admin = [admin_once(command, existing_dir) for _ in range(runs)]
    print(f"{runs} runs each; wall = spawn to first 200 of GET /health (admin: to exit)")
    report("serve, new data dir", new)
    report("serve, existing", existing)
    report("admin list-users", admin)


if __name__ == "__main__":
    main()
