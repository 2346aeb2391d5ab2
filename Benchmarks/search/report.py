#!/usr/bin/env python3
"""Prints p50/p95 per query type for Cooplex and the anchors, with ratios."""
import json, statistics, sys, os

out, anchors = sys.argv[1], sys.argv[2:]
def load(name):
    d = json.load(open(os.path.join(out, "q-%s.json" % name)))
    by = {}
    for q in d["queries"]:
        by.setdefault(q["type"], []).extend(q["ms"])
    return d, {t: (statistics.median(v), sorted(v)[max(0, int(len(v) * 0.95) - 1)]) for t, v in by.items()}

cd, c = load("cooplex")
rows = [("type", "cooplex p50", "cooplex p95")]
others = {a: load(a)[1] for a in anchors}
print("| type | cooplex p50 / p95 (ms) | " + " | ".join("%s p50 / p95 (ms) | p50 ratio" % a for a in anchors) + " |")
print("|---|---|" + "---|---|" * len(anchors))
for t, (p50, p95) in c.items():
    cells = ["%.3f / %.3f" % (p50, p95)]
    for a in anchors:
        a50, a95 = others[a].get(t, (float("nan"),) * 2)
        cells += ["%.3f / %.3f" % (a50, a95), "%.2f×" % (p50 / a50 if a50 else float("nan"))]
    print("| %s | %s |" % (t, " | ".join(cells)))
print()
for q in cd["queries"]:
    print("  %-10s %-32s hits %6d  p50 %.3f ms" % (q["type"], q["query"], q["hits"], statistics.median(q["ms"])))
