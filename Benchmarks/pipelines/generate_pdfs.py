#!/usr/bin/env python3
"""Writes text PDFs for the pipelines benchmark from real French legal text.

Usage: generate_pdfs.py CORPUS.jsonl OUT_DIR COUNT

Each PDF takes consecutive articles of CORPUS.jsonl (one JSON object per line with
"title" and "text") and sets them on A4 pages (Helvetica, WinAnsiEncoding, so accents are
real text), 2 to 8 pages each. No dependency beyond the standard library. The PDFs go to
OUT_DIR (under /tmp): never commit them.
"""
import json
import sys
import textwrap
import zlib


def pdf_string(s):
    data = s.encode("cp1252", errors="replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(path, title, paragraphs):
    lines = []
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, 95) or [""])
        lines.append("")
    per_page = 60
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[title]]
    objects = []  # bytes of each object, numbered from 1

    def add(obj):
        objects.append(obj)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # placeholder index computed below
    page_ids = []
    content_ids = []
    for page in pages:
        stream = [b"BT /F1 10 Tf 14 TL 50 800 Td"]
        for line in page:
            stream.append(pdf_string(line) + b" Tj T*")
        stream.append(b"ET")
        raw = zlib.compress(b"\n".join(stream))
        content_ids.append(add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"))
        page_ids.append(add(None))
    pages_id = add(None)
    for cid, pid in zip(content_ids, page_ids):
        objects[pid - 1] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, cid))
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title " + pdf_string(title) + b" /Producer (cooplex benchmark) >>")
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    with open(path, "wb") as f:
        f.write(out)


def main():
    corpus, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    articles = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            articles.append((obj.get("title") or "", obj.get("text") or ""))
            if len(articles) >= count * 40:
                break
    pos = 0
    for n in range(count):
        # 2 to 8 pages: take articles until about that many lines.
        target_lines = 120 + (n * 37) % 360
        title = articles[pos % len(articles)][0]
        paragraphs, lines = [], 0
        while lines < target_lines:
            t, text = articles[pos % len(articles)]
            pos += 1
            paragraphs.append(t)
            paragraphs.extend(p for p in text.split("\n") if p.strip())
            lines += 2 + len(text) // 95
        write_pdf("%s/publication-%04d.pdf" % (out_dir, n), title, paragraphs)


if __name__ == "__main__":
    main()
