#!/usr/bin/env python3
"""Generates Cooplex's PDF samples and PDF test fixtures, reproducibly.

    pip install fpdf2 pyphen        # generator only, never needed by Cooplex itself
    apt-get install qpdf            # for the encrypted fixture
    python3 scripts/corpus/make_pdfs.py

Writes:
  Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf
      the seed brochure text, un-hyphenated, then typeset in two justified, hyphenated
      columns (French patterns), with title/author/subject/keywords metadata;
  Corpus/conventions/convention-selestat-saa.pdf
      a convention of coopération décentralisée (fictitious, realistic) on one column;
  Tests/Fixtures/pdf/brochure-breaks.tsv
      every line-end break of the brochure PDF: left part, right part, expected word;
  Tests/Fixtures/pdf/two-columns.pdf, running-lines.pdf, encrypted.pdf, truncated.pdf,
  garbage.pdf, scanned.pdf — the bad and tricky cases the extractor tests use.
"""
import datetime
import os
import random
import subprocess
import sys

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(__file__))
from brochure_text import load_lexicon, paragraphs, unhyphenate  # noqa: E402
from layout import Typesetter  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FONTS = "/usr/share/fonts/truetype/dejavu"
FIXED_DATE = datetime.datetime(2013, 1, 15, 10, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


def new_pdf(title, author, subject, keywords, date=FIXED_DATE):
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("Serif", "", f"{FONTS}/DejaVuSerif.ttf")
    pdf.add_font("Serif", "B", f"{FONTS}/DejaVuSerif-Bold.ttf")
    pdf.add_font("Sans", "", f"{FONTS}/DejaVuSans.ttf")
    pdf.add_font("Sans", "B", f"{FONTS}/DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(subject)
    pdf.set_keywords(keywords)
    pdf.set_creator("scripts/corpus/make_pdfs.py")
    pdf.set_producer("fpdf2")
    pdf.set_creation_date(date)
    return pdf


def page_footer(label):
    def draw(pdf):
        pdf.set_font("Sans", "", 7.5)
        pdf.set_xy(15, pdf.h - 12)
        pdf.cell(pdf.w - 30, 4, f"{label} — page {pdf.page_no()}", align="C")
    return draw


def brochure():
    seed = os.path.join(ROOT, "Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt")
    with open(seed, encoding="utf-8") as f:
        lines = f.read().split("\n")
    text_lines, decisions = unhyphenate(lines, load_lexicon())
    paras = paragraphs(text_lines)
    pdf = new_pdf(
        "La coopération décentralisée : 30 ans d’action extérieure des collectivités territoriales",
        "Ministère des Affaires étrangères; Délégation pour l’action extérieure des collectivités territoriales",
        "Numéro spécial sur les 30 ans de la coopération décentralisée",
        "coopération décentralisée, collectivités territoriales, action extérieure, CNCD, DAECT",
    )
    ts = Typesetter(pdf, "Serif", 9.2, 4.15, columns=2, gutter=7, top=20, bottom=20, left=17, right=17,
                    footer=page_footer("La coopération décentralisée — 30 ans"))
    ts.full_width("La coopération décentralisée a 30 ans", 20, "B", space_after=2)
    ts.full_width("Numéro spécial — Délégation pour l’action extérieure des collectivités territoriales (DAECT)",
                  10, "", space_after=6)
    for kind, text in paras:
        if kind == "heading":
            ts.heading(text)
        else:
            ts.paragraph(text)
    out = os.path.join(ROOT, "Corpus/publications/brochure-30-ans-cooperation-decentralisee.pdf")
    pdf.output(out)
    with open(os.path.join(ROOT, "Tests/Fixtures/pdf/brochure-breaks.tsv"), "w", encoding="utf-8") as f:
        f.write("# left\tright\texpected (one line-end break of the brochure PDF per line)\n")
        for head, tail, word in ts.breaks:
            expected = word if head.endswith("/") or not head.endswith("-") else (
                word if head[:-1] + tail != word else head[:-1] + tail)
            f.write(f"{head}\t{tail}\t{expected}\n")
    print(f"{out}: {pdf.pages_count} pages, {len(ts.breaks)} line-end breaks, {len(decisions)} seed breaks undone")


def convention():
    src = os.path.join(os.path.dirname(__file__), "convention_selestat_saa.txt")
    pdf = new_pdf(
        "Convention de coopération décentralisée entre la Ville de Sélestat et la Commune de Sa’a",
        "Ville de Sélestat; Commune de Sa’a",
        "Renforcement des compétences municipales de Sa’a (2012-2014)",
        "coopération décentralisée, Sélestat, Sa’a, Cameroun, convention, L1115-1",
        datetime.datetime(2011, 11, 18, 9, 30, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
    )
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    width = pdf.w - 50
    with open(src, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if not line.strip():
                continue
            if line.startswith("# "):
                pdf.set_font("Serif", "B", 14)
                pdf.multi_cell(width, 7, line[2:], align="C")
                pdf.ln(1)
            elif line.startswith("## "):
                pdf.ln(2)
                pdf.set_font("Serif", "B", 11)
                pdf.multi_cell(width, 5.5, line[3:], align="L" if line[3:].startswith("Article") else "C")
                pdf.ln(1)
            else:
                pdf.set_font("Serif", "", 10.5)
                pdf.multi_cell(width, 5.2, line, align="J")
                pdf.ln(1.5)
    out = os.path.join(ROOT, "Corpus/conventions/convention-selestat-saa.pdf")
    pdf.output(out)
    print(f"{out}: {pdf.pages_count} pages")


def two_columns_fixture():
    """One page: a full-width title, then two columns of numbered sentences (L01…, R01…),
    then a full-width closing line. Reading order must be title, L…, R…, closing."""
    pdf = new_pdf("Deux colonnes", "Cooplex", "Ordre de lecture", "test, colonnes")
    ts = Typesetter(pdf, "Serif", 10, 4.6, columns=2, gutter=8, top=20, bottom=60, left=20, right=20)
    ts.full_width("Titre pleine largeur du test de colonnes", 16, "B", space_after=4)
    left = " ".join(f"Gauche{n:02d} phrase de la colonne de gauche numéro {n}." for n in range(1, 19))
    right = " ".join(f"Droite{n:02d} phrase de la colonne de droite numéro {n}." for n in range(1, 19))
    ts.paragraph(left)
    # Force the right column.
    ts.column, ts.y = 1, ts.region_top
    ts.paragraph(right)
    pdf.set_font("Serif", "B", 11)
    pdf.set_xy(20, pdf.h - 45)
    pdf.cell(pdf.w - 40, 6, "Ligne finale pleine largeur sous les deux colonnes du test.", align="L")
    path = os.path.join(ROOT, "Tests/Fixtures/pdf/two-columns.pdf")
    pdf.output(path)
    return path


def running_lines_fixture():
    """Five pages of a report: a running header on pages 2-5 (not on the title page), a
    page-number footer on every page, a word broken across the page 2 → 3 boundary, and a
    line repeated in the middle of every page (content: it must stay)."""
    pdf = new_pdf("Rapport d'activité", "Cooplex", "En-têtes et pieds de page", "test, en-têtes")
    bodies = [
        ["Rapport d'activité de la coopération décentralisée", "Région Bretagne, exercice 2024"],
        ["La Région a poursuivi ses partenariats avec la province de", "Kayes au Mali et le département de",
         "Tableau de suivi des engagements", "Matam au Sénégal, dans le cadre de la coopé-"],
        ["ration décentralisée définie à l'article L. 1115-1 du code", "général des collectivités territoriales.",
         "Tableau de suivi des engagements", "Les crédits votés s'élèvent à 450 000 euros."],
        ["Le comité de pilotage s'est réuni deux fois, à Rennes", "et à Kayes, avec les élus des deux collectivités.",
         "Tableau de suivi des engagements", "Les actions portent sur l'eau et l'assainissement."],
        ["Le bilan sera présenté à l'assemblée régionale", "lors de sa session de juin 2025.",
         "Tableau de suivi des engagements", "Fait à Rennes, le 15 janvier 2025."],
    ]
    for n, lines in enumerate(bodies, start=1):
        pdf.add_page()
        if n > 1:
            pdf.set_font("Sans", "", 8)
            pdf.set_xy(20, 10)
            pdf.cell(pdf.w - 40, 4, "Rapport d'activité 2024 — Coopération décentralisée", align="R")
        pdf.set_font("Serif", "", 11)
        y = 40
        for line in lines:
            pdf.set_xy(20, y)
            pdf.cell(pdf.w - 40, 6, line, align="L")
            y += 7 if line != "Tableau de suivi des engagements" else 14
        pdf.set_font("Sans", "", 8)
        pdf.set_xy(20, pdf.h - 14)
        pdf.cell(pdf.w - 40, 4, f"– {n} / {len(bodies)} –", align="C")
    path = os.path.join(ROOT, "Tests/Fixtures/pdf/running-lines.pdf")
    pdf.output(path)
    return path


def scanned_fixture():
    """An image-only page: text drawn as pixels, no text layer."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(f"{FONTS}/DejaVuSerif.ttf", 28)
    for k in range(30):
        draw.text((120, 150 + k * 45), f"Convention numérisée, ligne {k + 1} : texte en image seulement.",
                  fill=0, font=font)
    png = "/tmp/cooplex-scanned-page.png"
    img.save(png, optimize=True)
    pdf = new_pdf("Document numérisé", "Cooplex", "Scan sans couche texte", "test, scan")
    pdf.add_page()
    pdf.image(png, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(os.path.join(ROOT, "Tests/Fixtures/pdf/scanned.pdf"))


def bad_fixtures(source):
    fixtures = os.path.join(ROOT, "Tests/Fixtures/pdf")
    subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "lecture", "proprietaire", "256", "--",
                    source, os.path.join(fixtures, "encrypted.pdf")], check=True)
    with open(source, "rb") as f:
        data = f.read()
    # Reproducible bytes: static ID and IV are insecure, which is fine for a fixture.
    # Cut inside the first page's content stream: no xref, no trailer, no %%EOF.
    with open(os.path.join(fixtures, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 3])
    rng = random.Random(20131)
    with open(os.path.join(fixtures, "garbage.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4096)))


if __name__ == "__main__":
    brochure()
    convention()
    source = two_columns_fixture()
    running_lines_fixture()
    scanned_fixture()
    bad_fixtures(source)
