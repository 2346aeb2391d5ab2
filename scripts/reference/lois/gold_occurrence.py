#!/usr/bin/env python3
"""Helper for hand annotation: turns (line number, surface, type, normalized) rows into gold
JSON lines with the occurrence number GoldStandardTests expects (n-th whole-word occurrence
of the surface in the document's extracted text).
Usage: gold_occurrence.py DOC [EXTRACTED_TEXT] < rows.tsv > gold.jsonl
EXTRACTED_TEXT is the `text` of `cooplex extract --json DOC` saved to a file (line numbers
in rows refer to it); without it the raw file is used.
Rows: line<TAB>type<TAB>surface<TAB>normalized  (surface may contain \\n for a line break)."""
import json, sys

def is_word(b):
    return (0x30 <= b <= 0x39) or (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A) or b >= 0x80

def occurrences(hay, pat):
    out, i = [], hay.find(pat)
    while i >= 0:
        before_ok = i == 0 or not is_word(hay[i - 1]) or not is_word(pat[0])
        after = i + len(pat)
        after_ok = after == len(hay) or not is_word(hay[after]) or not is_word(pat[-1])
        if before_ok and after_ok:
            out.append(i)
        i = hay.find(pat, i + 1)
    return out

occurrences.used = {}
doc = sys.argv[1]
text = open(sys.argv[2] if len(sys.argv) > 2 else doc, 'rb').read()
line_starts = [0] + [i + 1 for i, b in enumerate(text) if b == 0x0A]
for row in sys.stdin:
    row = row.rstrip('\n')
    if not row or row.startswith('#'):
        continue
    line, typ, surface, norm = row.split('\t')
    surface = surface.replace('\\n', '\n')
    pat = surface.encode()
    start = line_starts[int(line) - 1]
    end = line_starts[int(line)] if int(line) < len(line_starts) else len(text)
    occ = occurrences(text, pat)
    hits = [n + 1 for n, o in enumerate(occ) if start <= o < end]
    if not hits:
        sys.exit(f"not found on line {line}: {surface!r}")
    # Several hits on one line: the row order decides (use the first unused).
    key = (line, surface)
    used = occurrences.used.setdefault(key, 0)
    occurrences.used[key] = used + 1
    print(json.dumps({"doc": doc, "type": typ, "text": surface, "normalized": norm, "occurrence": hits[used]}, ensure_ascii=False))

