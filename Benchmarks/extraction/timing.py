#!/usr/bin/env python3
"""Times `cooplex extract --json` against `pdftotext` on the same PDFs, in the same run.

    python3 Benchmarks/extraction/timing.py NAME REPEAT RUNS COOPLEX FILE...

For each tool, RUNS timed runs (after one warm-up); each run extracts the FILEs REPEAT
times: cooplex in one process (every file on one command line, as `cooplex extract` is
used), pdftotext once per file (as it is used; its process start counts). Reports, for
each tool the best wall time and the best CPU time (user + system, children included,
from wait4) of its runs, pages/s and MB/s of text per wall second and pages per CPU
second. cooplex runs twice per round: as shipped (all cores: files side by side, pages of
a large PDF on several threads) and pinned to one core (`taskset -c 0`: one file at a
time, one page worker), so the single-threaded pdftotext has a like-for-like anchor. The
tools alternate within each round, so a change in the machine's load hits them alike.
COOPLEX_BASELINE=/path/to/cooplex adds another build to the same rounds.
"""
import json
import os
import subprocess
import sys
import time


def run(argv, env=None, stdout=subprocess.DEVNULL):
    """Runs argv, returns (wall seconds, CPU seconds of the child)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"échec : {' '.join(argv[:3])}…")
    return wall, usage.ru_utime + usage.ru_stime


def pdftotext_pass(files, repeat, out):
    wall = cpu = 0.0
    for _ in range(repeat):
        for f in files:
            w, c = run(["pdftotext", "-enc", "UTF-8", f, out])
            wall += w
            cpu += c
    return wall, cpu


def pages_of(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))


def main():
    name, repeat, runs, cooplex, *files = sys.argv[1:]
    repeat, runs = int(repeat), int(runs)
    out = f"/tmp/cooplex-bench-pdftotext-{os.getpid()}.txt"
    pages = sum(pages_of(f) for f in files)
    # Text volume of each tool, measured once outside the timings.
    lines = subprocess.run([cooplex, "extract", "--json", *files], capture_output=True, text=True, check=True)
    cooplex_bytes = sum(len(json.loads(l)["text"].encode()) for l in lines.stdout.splitlines() if l.strip())
    pdftotext_bytes = 0
    for f in files:
        subprocess.run(["pdftotext", "-enc", "UTF-8", f, out], check=True)
        pdftotext_bytes += os.path.getsize(out)

    args = [cooplex, "extract", "--json", *(files * repeat)]
    variants = {
        "cooplex extract": lambda: run(args),
        "cooplex, 1 core": lambda: run(["taskset", "-c", "0", *args]),
        "pdftotext": lambda: pdftotext_pass(files, repeat, out),
    }
    baseline = os.environ.get("COOPLEX_BASELINE")
    if baseline:  # another build (e.g. an older commit), timed in the same rounds
        base_args = [baseline, "extract", "--json", *(files * repeat)]
        variants["baseline"] = lambda: run(base_args)
    for measure in variants.values():
        measure()  # warm-up: page cache, lexicon, fonts
    results = {label: [] for label in variants}
    for _ in range(runs):
        for label, measure in variants.items():
            results[label].append(measure())
    os.unlink(out)

    print(f"{name}: {pages} pages x {repeat}, best of {runs} runs (wall; CPU = user + sys)")
    best = {}
    for label, timings in results.items():
        wall = min(w for w, _ in timings)
        cpu = min(c for _, c in timings)
        best[label] = (wall, cpu)
        text = pdftotext_bytes if label == "pdftotext" else cooplex_bytes  # baseline: same text
        print(
            f"  {label:16}: wall {wall:7.3f} s  CPU {cpu:7.3f} s  "
            f"{pages * repeat / wall:7.1f} pages/s  {text * repeat / wall / 1e6:5.2f} MB/s (wall)  "
            f"{pages * repeat / cpu:7.1f} pages/CPU-s"
        )
    wall_p, cpu_p = best["pdftotext"]
    wall_c, cpu_c = best["cooplex extract"]
    wall_1, cpu_1 = best["cooplex, 1 core"]
    mb = cooplex_bytes / pdftotext_bytes
    print(f"  ratio wall, cooplex on {os.cpu_count()} cores vs pdftotext (single-threaded): "
          f"{wall_p / wall_c:.2f}x pages/s, {wall_p / wall_c * mb:.2f}x MB/s")
    print(f"  ratio wall, cooplex on 1 core vs pdftotext: {wall_p / wall_1:.2f}x pages/s, "
          f"{wall_p / wall_1 * mb:.2f}x MB/s")
    print(f"  ratio CPU time (pages per CPU-second): cooplex {cpu_p / cpu_c:.2f}x, "
          f"cooplex on 1 core {cpu_p / cpu_1:.2f}x")
    if baseline:
        wall_b, cpu_b = best["baseline"]
        print(f"  baseline {baseline}: ratio wall vs pdftotext {wall_p / wall_b:.2f}x, CPU {cpu_p / cpu_b:.2f}x")
    print("  all runs (wall s / CPU s): " + "; ".join(
        f"{label} " + " ".join(f"{w:.2f}/{c:.2f}" for w, c in timings) for label, timings in results.items()))


if __name__ == "__main__":
    main()
