#!/usr/bin/env python3
"""Builds Corpus/lois/*.xml: CGCT articles L1115-1 to L1115-7 (chapter V, "Action extérieure
des collectivités territoriales") in Légifrance's LEGI open-data layout (one ARTICLE file per
article, plus the SECTION_TA of the chapter).

The article TEXT is official: it is read from the bench corpus (shared/bench-corpus/corpus.jsonl),
itself taken from etalab/codes-juridiques-francais at commit 2afcea3fd50a, a mirror of DILA's
LEGI base. The XML wrapping is ours: no LEGIARTI identifiers or validity dates are invented
(the mirror does not carry them), so ID and DATE_DEBUT/DATE_FIN are left empty.

Usage: python3 scripts/corpus/make_legi_xml.py /path/to/corpus.jsonl Corpus/lois
"""
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

PREFIX = ("codes-en-vigueur/code-general-des-collectivites-territoriales/partie-legislative/"
          "premiere-partie/livre-ier/titre-unique/chapitre-v/article-l1115-")
ORDER = ["1", "1-1", "2", "4", "4-1", "4-2", "5", "6", "7"]
CODE = "Code général des collectivités territoriales"
CGCT_ID = "LEGITEXT000006070633"
TM = ["Partie législative", "PREMIÈRE PARTIE : DISPOSITIONS GÉNÉRALES",
      "LIVRE Ier : PRINCIPES GÉNÉRAUX DE LA DÉCENTRALISATION",
      "TITRE UNIQUE : LIBRE ADMINISTRATION DES COLLECTIVITÉS TERRITORIALES",
      "CHAPITRE V : Action extérieure des collectivités territoriales"]
NOTE = ("<!-- Texte officiel de l'article (base LEGI de la DILA, via le miroir "
        "etalab/codes-juridiques-francais, commit 2afcea3fd50a, version en vigueur à cette date). "
        "Mise en forme LEGI reconstituée par Cooplex : identifiant LEGIARTI et dates de vigueur "
        "non disponibles dans la source, laissés vides. -->")


def contexte():
    tm = ""
    for title in reversed(TM):
        tm = f"<TM><TITRE_TM>{escape(title)}</TITRE_TM>{tm}</TM>"
    return (f'<CONTEXTE><TEXTE cid="{CGCT_ID}" nature="CODE"><TITRE_TXT c_titre_court="{escape(CODE)}" '
            f'id_txt="{CGCT_ID}">{escape(CODE)}</TITRE_TXT>{tm}</TEXTE></CONTEXTE>')


def article_xml(num, text):
    paragraphs = [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{NOTE}
<ARTICLE>
<META>
<META_COMMUN><ID/><ANCIEN_ID/><ORIGINE>LEGI</ORIGINE><NATURE>Article</NATURE></META_COMMUN>
<META_SPEC><META_ARTICLE><NUM>{num}</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT/><DATE_FIN/><TYPE>AUTONOME</TYPE></META_ARTICLE></META_SPEC>
</META>
{contexte()}
<NOTA><CONTENU/></NOTA>
<BLOC_TEXTUEL><CONTENU>
{body}
</CONTENU></BLOC_TEXTUEL>
</ARTICLE>
"""


def section_xml(nums):
    links = "\n".join(f'<LIEN_ART etat="VIGUEUR" num="{n}" origine="LEGI"/>' for n in nums)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{NOTE}
<SECTION_TA>
<ID/>
<TITRE_TA>{escape(TM[-1])}</TITRE_TA>
<COMMENTAIRE/>
{contexte()}
<STRUCTURE_TA>
{links}
</STRUCTURE_TA>
</SECTION_TA>
"""


def main():
    corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
    found = {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if PREFIX not in line:
                continue
            d = json.loads(line)
            if d["id"].startswith(PREFIX):
                found[d["id"][len(PREFIX):]] = d["text"]
    out.mkdir(parents=True, exist_ok=True)
    nums = []
    for key in ORDER:
        num = "L1115-" + key
        (out / f"cgct-{num}.xml").write_text(article_xml(num, found[key]), encoding="utf-8")
        nums.append(num)
    (out / "cgct-chapitre-V.xml").write_text(section_xml(nums), encoding="utf-8")


if __name__ == "__main__":
    main()
