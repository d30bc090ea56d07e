"""Runs commands alternately and reports medians of wall time, CPU time and peak RSS.

Used by the bench/ scripts so that every comparison is made in one run, on the same machine and
the same endpoint, with the contenders interleaved (a slow minute hurts both alike).
"""
import os
import platform
import statistics
import subprocess
import time


def run_once(argv, env=None, cwd=None, stdin=None):
    """Runs argv once; returns (exit code, wall s, cpu s, peak rss MiB, stdout text)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL if stdin is None else stdin,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return proc.returncode, wall, cpu, usage.ru_maxrss / 1024.0, out.decode("utf-8", "replace")


def alternate(contenders, rounds, before_each=None, check=None):
    """Runs each contender once per round, in turn; returns {name: {wall, cpu, rss}} medians.

    contenders: list of (name, argv, env, cwd). before_each(name, round) may reset state and
    return extra env; check(name, exit, output) raises if a run did not do its job.
    """
    samples = {name: [] for name, *_ in contenders}
    for r in range(rounds):
        for name, argv, env, cwd in contenders:
            run_env = dict(env or os.environ)
            if before_each:
                run_env.update(before_each(name, r) or {})
            code, wall, cpu, rss, out = run_once(argv, run_env, cwd)
            if check:
                check(name, code, out)
            elif code != 0:
                raise SystemExit(f"{name} failed (exit {code}):\n{out}")
            samples[name].append((wall, cpu, rss))
    return summarize(samples)


def summarize(samples):
    """{name: [(wall, cpu, rss, ...)]} -> {name: {wall, cpu, rss, n}} medians."""
    return {name: {"wall": statistics.median(s[0] for s in runs),
                   "cpu": statistics.median(s[1] for s in runs),
                   "rss": statistics.median(s[2] for s in runs),
                   "n": len(runs)}
            for name, runs in samples.items()}


def machine():
    """One line describing this machine, for the results."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {java}"


def verdict(ratio, target):
    """'met' or 'missed' for a ratio of rolehop's wall time to ansible-playbook's, against 1/target."""
    return f"{ratio:.3f}: {'met' if ratio <= 1 / target else 'missed'}"


def load():
    """The 1-minute load average now: these benchmarks often share the machine, so it is recorded."""
    return f"{os.getloadavg()[0]:.1f}"


def table(results, baseline=None):
    """Markdown rows: name | wall | cpu | rss | ratio of wall to the baseline."""
    rows = ["| command | runs | wall (median) | CPU (median) | peak RSS | wall vs " + (baseline or "-") + " |",
            "|---|---|---|---|---|---|"]
    for name, r in results.items():
        ratio = f"{r['wall'] / results[baseline]['wall']:.2f}x" if baseline else "-"
        rows.append(f"| {name} | {r['n']} | {r['wall']:.2f} s | {r['cpu']:.2f} s | {r['rss']:.0f} MiB | {ratio} |")
    return "\n".join(rows)


def record(section, body, path=None):
    """Replaces (or appends) `## section` in bench/RESULTS.md with body."""
    path = path or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
    head = f"## {section}\n"
    if head in text:
        start = text.index(head)
        nxt = text.find("\n## ", start + len(head))
        text = text[:start] + head + "\n" + body.rstrip() + "\n" + (text[nxt:] if nxt >= 0 else "")
    else:
        text = text.rstrip() + "\n\n" + head + "\n" + body.rstrip() + "\n"
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)
