"""Summarizes the CPU samples of a JFR recording by package: where the server's time goes.

    python3 bench/jfr-summary.py <recording.jfr> [top]

Reads `jfr print --events jdk.ExecutionSample` and prints two tables: the package of the topmost
frame (self time), and the framework a sample is "in" (its topmost frame outside java.*, jdk.*,
sun.*, com.sun.proxy; so a HashMap lookup made by Weld counts for Weld).
"""
import collections
import re
import subprocess
import sys

GROUPS = [
    ("org.aybdb.", "ayb (the application)"),
    ("org.glassfish.jersey.", "Jersey"),
    ("org.glassfish.grizzly.", "Grizzly"),
    ("org.jboss.weld.", "Weld (CDI)"),
    ("org.eclipse.persistence.", "EclipseLink (JPA)"),
    ("com.sun.ejb.", "EJB container"),
    ("org.glassfish.ejb.", "EJB container"),
    ("com.sun.enterprise.naming.", "JNDI"),
    ("org.glassfish.resourcebase.", "JNDI"),
    ("com.sun.enterprise.resource.", "JDBC pool"),
    ("org.glassfish.hk2.", "HK2"),
    ("org.jvnet.hk2.", "HK2"),
    ("org.apache.catalina.", "Servlet container"),
    ("org.glassfish.wasp.", "Servlet container"),
    ("com.sun.enterprise.web.", "Servlet container"),
    ("org.apache.coyote.", "Servlet container"),
    ("com.sun.enterprise.transaction.", "JTA"),
    ("org.glassfish.json.", "JSON-P"),
    ("org.eclipse.parsson.", "JSON-P"),
    ("org.xerial.", "sqlite-jdbc"),
    ("org.postgresql.", "PostgreSQL driver"),
    ("org.sqlite.", "sqlite-jdbc"),
    ("com.sun.jna.", "JNA"),
    ("fish.payara.", "Payara"),
    ("com.sun.enterprise.", "Payara"),
    ("org.glassfish.", "Payara"),
]
JDK = ("java.", "jdk.", "sun.", "javax.", "com.sun.proxy.")
FRAME = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(.*\)\s+line:")


def package(cls):
    """The package of a class, cut to its first three names (org.glassfish.jersey)."""
    parts = cls.split(".")[:-1]
    return ".".join(parts[:3]) or cls


def group(frame):
    for prefix, name in GROUPS:
        if frame.startswith(prefix):
            return name
    return "other: " + package(frame)


def samples(path):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
        check=True, capture_output=True, text=True).stdout
    stack = None
    for line in out.splitlines():
        if line.strip().startswith("stackTrace = ["):
            stack = []
        elif stack is not None and line.strip() == "]":
            yield stack
            stack = None
        elif stack is not None:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12
    self_time, framework = collections.Counter(), collections.Counter()
    total = 0
    for stack in samples(path):
        if not stack:
            continue
        total += 1
        self_time[package(stack[0])] += 1
        owner = next((f for f in stack if not f.startswith(JDK)), None)
        framework[group(owner) if owner else "JDK only"] += 1
    if not total:
        print("no CPU samples recorded")
        return
    print(f"CPU samples: {total}")
    print("| in (topmost non-JDK frame) | share |")
    print("| --- | ---: |")
    for name, n in framework.most_common(top):
        print(f"| {name} | {100 * n / total:.1f} % |")
    print()
    print("| topmost frame's package (self) | share |")
    print("| --- | ---: |")
    for name, n in self_time.most_common(top):
        print(f"| {name} | {100 * n / total:.1f} % |")


main()
