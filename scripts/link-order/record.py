#!/usr/bin/env python3
"""Records the functions a release `useepay` runs and writes them, first-run first, to
scripts/link-order/hot-functions.txt, the order in which scripts/release-build.sh asks the linker
(lld's --symbol-ordering-file) to lay out the code.

Why: the kernel maps a program's code 64 KB at a time around each page it touches. Linked in the
default order, the ~2 MB of functions the console runs are spread over ~18 MB of a 34 MB .text,
and all of it ends up in the console's resident memory. Laid out first-run first, they share pages.

How: trace-first-calls.c puts a breakpoint on every function of the binary and notes each one's
first hit while the console and the scripts do what merchants do, against a sandbox:
  1. the console on a day of 1,000 payments: launch, G, 100 j, gg, 100 k (the benchmark's walk),
     then detail, raw JSON, help, glance, the other lists, a search, the capture dialog, quit;
  2. the console on a day of 20,000: the whole-day summary to the end, G;
  3. scripts: payments list (csv, json), summary, show;
  4. the console on its embedded sandbox (--sandbox).
Functions are listed in that order (1 before 2, ...), so the first journey's code is densest.

A stale list only costs memory, never correctness: functions it does not name are laid out after
the ones it does. Run it again when the benchmark's memory figure drifts:

    bash scripts/release-build.sh useepay
    python3 scripts/link-order/record.py            # or: record.py PATH/TO/useepay
    bash scripts/release-build.sh useepay            # relinks with the new order

Linux x86-64, needs cc, nm and readelf. A development tool; CI does not run it.
"""
import os, pty, select, signal, socket, struct, fcntl, termios, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUTPUT = os.path.join(HERE, "hot-functions.txt")
CREDENTIALS = {
    "USEEPAY_MERCHANT_NO": "500000000000001",
    "USEEPAY_APP_ID": "sandbox.useepay.local",
    "USEEPAY_API_KEY": "UseePay_SK_sandbox_0000000000000000",
}


def functions_of(binary):
    """Link-time address -> names of every function in .text, from the symbol table."""
    text = None
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".text":
            text = (int(fields[3], 16), int(fields[3], 16) + int(fields[5], 16))
    if text is None:
        sys.exit(f"record: {binary} has no .text section")
    names = {}
    nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    for line in nm.splitlines():
        fields = line.split(None, 2)
        if len(fields) == 3 and fields[1] in "tTwW" and text[0] <= int(fields[0], 16) < text[1]:
            names.setdefault(int(fields[0], 16), []).append(fields[2])
    if not names:
        sys.exit(f"record: {binary} has no symbol table (stripped?); record on the unstripped build")
    return names


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sandbox:
    """A sandbox of the binary itself, untraced, seeded with one day."""

    def __init__(self, binary, payments):
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "sandbox", "serve", "--in-memory", "--seed", str(payments), "--seed-days", "0",
             "--time-zone", "UTC", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1)
                return
            except urllib.error.HTTPError:
                return  # answering (404 is an answer)
            except OSError:
                if self.process.poll() is not None:
                    sys.exit("record: the sandbox did not start")
                time.sleep(0.2)
        sys.exit("record: the sandbox did not answer within 2 minutes")

    def stop(self):
        self.process.terminate()
        self.process.wait()


def environment(home, sandbox=None):
    env = {"HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
           "XDG_DATA_HOME": home + "/data", "XDG_CACHE_HOME": home + "/cache", "TZ": "UTC",
           "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
           "USEEPAY_TEST_IDLE_FILE": home + "/idle"}
    if sandbox:
        env["USEEPAY_BASE_URL"] = f"http://127.0.0.1:{sandbox.port}"
        env.update(CREDENTIALS)
    return env


class Console:
    """The traced console on its own 120x40 pseudo-terminal; waits for its idle signal after each key."""

    def __init__(self, tracer, functions, hits, binary, args, env):
        self.idle_file = env["USEEPAY_TEST_IDLE_FILE"]
        if os.path.exists(self.idle_file):
            os.remove(self.idle_file)
        self.screen = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(tracer, [tracer, functions, hits, binary] + args, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.wait_for_idle(0, 60)

    def idle_count(self):
        try:
            with open(self.idle_file) as f:
                return int(f.read().strip() or 0)
        except (OSError, ValueError):
            return 0

    def read(self, timeout):
        if select.select([self.fd], [], [], timeout)[0]:
            try:
                self.screen += os.read(self.fd, 65536)
            except OSError:
                return False
        return True

    def wait_for_idle(self, after, seconds):
        deadline = time.time() + seconds
        while self.idle_count() <= after and time.time() < deadline:
            if not self.read(0.05):
                return

    def press(self, keys, seconds=10):
        for key in keys:
            before = self.idle_count()
            os.write(self.fd, key.encode())
            self.wait_for_idle(before, seconds)

    def wait_for_text(self, final, pending, seconds):
        """Until `final` was drawn after the last `pending` (e.g. the summary done after 'summing')."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            last_pending = self.screen.rfind(pending)
            if self.screen.rfind(final) > last_pending >= 0 or (last_pending < 0 and final in self.screen):
                return
            self.read(0.1)

    def quit(self):
        for _ in range(4):
            try:
                os.write(self.fd, b"\x1b")
                os.write(self.fd, b"q")
            except OSError:
                break
            deadline = time.time() + 3
            while time.time() < deadline:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return
                self.read(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def run_traced(tracer, functions, hits, binary, args, env):
    with open(os.devnull, "wb") as null:
        subprocess.run([tracer, functions, hits, binary] + args, env=env, stdout=null, stderr=null)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/useepay"))
    work = tempfile.mkdtemp(prefix="useepay-link-order-")
    tracer = os.path.join(work, "trace-first-calls")
    subprocess.run(["cc", "-O2", "-o", tracer, os.path.join(HERE, "trace-first-calls.c")], check=True)
    names = functions_of(binary)
    functions = os.path.join(work, "functions.txt")
    with open(functions, "w") as f:
        f.writelines(f"{address:x}\n" for address in names)
    journeys = []

    def hits_file(label):
        path = os.path.join(work, f"{len(journeys)}-{label}.txt")
        journeys.append((label, path))
        return path

    small = Sandbox(binary, 1000)
    try:
        home = os.path.join(work, "home-small")
        console = Console(tracer, functions, hits_file("day of 1,000"), binary, ["--refresh", "0"],
                          environment(home, small))
        console.press(["G"] + ["j"] * 100 + ["g", "g"] + ["k"] * 100)
        console.press(["\r", "v", "\x1b", "\x1b", "?", "\x1b"])
        console.press([":", *"glance", "\r", "\x1b"])
        for resource in ["cus", "sub", "re"]:
            console.press([":", *resource, "\r", "j", "\r", "\x1b", "\x1b"])
        console.press([":", *"pi", "\r", "/", *"ORD-000", "\r", "\x1b", "\x1b"])
        console.press(["2", "A", "\x1b", "0", "t", "t", "t", "o", "O", " ", "u", "p", "p"])
        console.quit()

        scripts_env = environment(os.path.join(work, "home-scripts"), small)
        for args in (["payments", "list", "--today", "--format", "csv"],
                     ["payments", "list", "--today", "--format", "json", "--limit", "5"],
                     ["payments", "summary", "--today"],
                     ["payments", "summary", "--today", "--format", "json"],
                     ["payments", "list", "--today"],
                     ["customers", "list"]):
            run_traced(tracer, functions, hits_file("scripts"), binary, args, scripts_env)
    finally:
        small.stop()

    large = Sandbox(binary, 20000)
    try:
        console = Console(tracer, functions, hits_file("day of 20,000"), binary, ["--refresh", "5"],
                          environment(os.path.join(work, "home-large"), large))
        console.wait_for_text(b"pmts \xc2\xb7", b"summing", 120)
        console.press(["G", "g", "g"])
        console.quit()
    finally:
        large.stop()

    console = Console(tracer, functions, hits_file("embedded sandbox"), binary, ["--sandbox"],
                      environment(os.path.join(work, "home-embedded")))
    console.press(["j", "G", "\r", "\x1b"])
    console.quit()

    ordered, seen = [], set()
    for label, path in journeys:
        before = len(ordered)
        with open(path) as f:
            for line in f:
                for name in names.get(int(line, 16), []):
                    if name not in seen:
                        seen.add(name)
                        ordered.append(name)
        print(f"record: {label}: {len(ordered) - before} new functions")
    if len(ordered) < 1000:
        sys.exit(f"record: only {len(ordered)} functions ran; the journeys did not run (see {work})")
    with open(OUTPUT, "w") as f:
        f.write("# Functions a release useepay runs, first-run first: written by scripts/link-order/record.py,\n"
                "# read by scripts/release-build.sh (lld --symbol-ordering-file). Generated; do not edit.\n")
        f.writelines(name + "\n" for name in ordered)
    print(f"record: {len(ordered)} functions -> {os.path.relpath(OUTPUT, ROOT)}")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
