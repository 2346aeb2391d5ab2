#!/usr/bin/env python3
"""Typesets French legal texts from a JSON Lines corpus ({title, text} per line) into a
large two-column, justified, hyphenated PDF, for the extraction benchmark.

    python3 Benchmarks/extraction/make_large_pdf.py CORPUS.jsonl OUT.pdf PAGES
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "corpus"))
from make_pdfs import new_pdf, page_footer  # noqa: E402
from layout import Typesetter  # noqa: E402


def main(corpus, out, pages):
    pdf = new_pdf("Corpus de banc d’essai", "Cooplex", "Textes juridiques en deux colonnes", "benchmark")
    ts = Typesetter(pdf, "Serif", 9.2, 4.15, columns=2, gutter=7, top=20, bottom=20, left=17, right=17,
                    footer=page_footer("Banc d’essai Cooplex"))
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            ts.heading(doc.get("title", "")[:160])
            for para in doc.get("text", "").split("\n"):
                para = " ".join(para.split())
                if para:
                    ts.paragraph(para)
            if pdf.pages_count > pages:
                break
    pdf.output(out)
    # The line-end breaks, to check their repair: left, right, expected token.
    with open(out + ".breaks.tsv", "w", encoding="utf-8") as f:
        for head, tail, word in ts.breaks:
            f.write(f"{head}\t{tail}\t{word}\n")
    print(f"{out}: {pdf.pages_count} pages, {len(ts.breaks)} line-end breaks")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
