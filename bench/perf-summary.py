"""Summarizes perf recordings of the query benchmark: where the machine's CPU goes, and what the
scheduler's wake-ups cost a request.

    python3 bench/perf-summary.py cpu <perf.data> <requests>
    python3 bench/perf-summary.py sched <sched.data> <requests>

cpu: a `perf record -a` (system wide) during a run. Splits the CPU time by role (the server's HTTP
threads, the query daemons, the load generator, other processes, idle) and within each by kernel
and user space, and gives each role's CPU time per request. JFR alone cannot show this: it samples
only threads running Java code, and the server's request threads spend most of their time in the
kernel (wake-ups, pipes, sockets).

sched: a `perf sched record -a` during a run. For each role, how often its threads are woken per
request and how long a woken thread waits for a CPU (the "scheduling delay": on a virtual machine,
waking an idle virtual CPU is slow), then the whole chain: wake-ups per request and their summed
delay.
"""
import collections
import statistics
import subprocess
import sys

# Thread names (as the kernel truncates them to 15 characters) by role.
ROLES = [
    ("requests", "query daemon"),  # the daemon's serving thread
    ("http-thread-poo", "server: request threads"),
    ("http-listener-k", "server: selector thread"),
    ("wrk", "load generator (wrk)"),
    ("swapper", "idle"),
]


def role(comm):
    for prefix, name in ROLES:
        if comm.startswith(prefix):
            return name
    return "other (server background, system)"


def cpu(recording, requests):
    out = subprocess.run(
        ["perf", "report", "-i", recording, "--no-children", "--sort", "comm,dso", "-g", "none",
         "--stdio", "-F", "overhead,comm,dso", "--field-separator", "\t"],
        capture_output=True, text=True, check=True).stdout
    total = collections.Counter()
    kernel = collections.Counter()
    others = collections.Counter()
    for line in out.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].strip().endswith("%"):
            continue
        share = float(parts[0].strip().rstrip("%"))
        r = role(parts[1].strip())
        total[r] += share
        if r.startswith("other"):
            others[parts[1].strip()] += share
        if parts[2].strip() == "[kernel.kallsyms]":
            kernel[r] += share
    header = subprocess.run(["perf", "report", "-i", recording, "--header-only"],
                            capture_output=True, text=True).stdout
    seconds = None
    cpus = None
    for line in header.splitlines():
        if "duration" in line and ":" in line:
            try:
                seconds = float(line.split(":")[1].split()[0]) / 1000  # ms
            except ValueError:
                pass
        if line.startswith("# nrcpus avail"):
            cpus = int(line.split(":")[1])
    print("| role | share of all CPUs | of it in the kernel | CPU µs per request |")
    print("| --- | ---: | ---: | ---: |")
    for r, share in total.most_common():
        per = ""
        if seconds and cpus and requests > 0 and r != "idle":
            per = f"{share / 100 * cpus * seconds * 1e6 / requests:.0f}"
        k = f"{100 * kernel[r] / share:.0f} %" if share else ""
        print(f"| {r} | {share:.1f} % | {k} | {per} |")
    if others:
        top = ", ".join(f"{name} {share:.1f} %" for name, share in others.most_common(4))
        print(f"\nthe largest of the others (thread names): {top}")


def sched(recording, requests):
    out = subprocess.run(["perf", "sched", "timehist", "-i", recording],
                         capture_output=True, text=True).stdout
    delays = collections.defaultdict(list)
    for line in out.splitlines():
        parts = line.split()
        # time cpu task wait sch-delay run
        if len(parts) < 6 or not parts[1].startswith("["):
            continue
        try:
            float(parts[0])  # a row of the table, not a header or a note
            delay = float(parts[-2])
        except ValueError:
            continue
        task = " ".join(parts[2:-3])
        if task.startswith("<idle>"):
            continue
        delays[role(task)].append(delay * 1000)  # µs
    if not delays or requests <= 0:
        print("no scheduler events recorded")
        return
    print("| role | wake-ups per request | scheduling delay p50 µs | mean µs |")
    print("| --- | ---: | ---: | ---: |")
    chain_wakeups = 0.0
    chain_delay = 0.0
    for r in [name for _, name in ROLES if name != "idle"]:
        d = delays.get(r)
        if not d:
            continue
        per = len(d) / requests
        chain_wakeups += per
        chain_delay += sum(d) / requests
        print(f"| {r} | {per:.2f} | {statistics.median(d):.1f} | {statistics.fmean(d):.1f} |")
    print(f"\nper request: {chain_wakeups:.1f} wake-ups of the request's threads, "
          f"{chain_delay:.0f} µs spent waiting for a CPU after them")


if __name__ == "__main__":
    what, recording, n = sys.argv[1], sys.argv[2], float(sys.argv[3])
    {"cpu": cpu, "sched": sched}[what](recording, n)
