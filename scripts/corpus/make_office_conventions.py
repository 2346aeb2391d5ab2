#!/usr/bin/env python3
"""Writes the office-format conventions of Corpus/conventions/ reproducibly (fixed entry
order and timestamps: the same bytes on every run), with Python's zipfile only:

- convention-bourgogne-franche-comte-ninh-binh.docx: Région Bourgogne-Franche-Comté and the
  Province of Ninh Bình (Viêt Nam) — DELIBERATELY WITHOUT any financial commitment (the
  compliance stage must report `engagements-financiers` as missing);
- convention-saint-brieuc-mbour.odt: Commune de Saint-Brieuc and Commune de Mbour (Sénégal),
  complete.

Both are fictional conventions written for Cooplex (see Corpus/README.md).
Usage: python3 scripts/corpus/make_office_conventions.py Corpus/conventions
"""
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

STAMP = (2024, 1, 1, 0, 0, 0)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, compress in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


# ---------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

DOCX_TITLE = ("Convention de coopération décentralisée entre la Région Bourgogne-Franche-Comté "
              "et la Province de Ninh Bình")

DOCX_BODY = [
    ("Title", DOCX_TITLE),
    ("", "Entre"),
    ("", "La Région Bourgogne-Franche-Comté, collectivité territoriale dont le siège est situé "
         "4, square Castan à Besançon (25000), représentée par la Présidente du conseil régional, "
         "dûment habilitée par délibération n° 24AP.112 de l’assemblée plénière du 28 juin 2024, "
         "ci-après dénommée « la Région »,"),
    ("", "d’une part,"),
    ("", "Et"),
    ("", "Le Comité populaire de la Province de Ninh Bình, République socialiste du Viêt Nam, "
         "dont le siège est situé rue Lê Hồng Phong, ville de Ninh Bình, représenté par son "
         "Président, ci-après dénommé « la Province »,"),
    ("", "d’autre part,"),
    ("", "Vu le code général des collectivités territoriales, et notamment son article L1115-1 ;"),
    ("", "Vu la loi n° 2014-773 du 7 juillet 2014 d’orientation et de programmation relative à "
         "la politique de développement et de solidarité internationale ;"),
    ("", "Considérant les relations d’amitié nouées depuis 2016 entre les deux territoires, "
         "notamment dans les domaines du tourisme patrimonial et de la formation professionnelle ;"),
    ("", "Il est convenu ce qui suit :"),
    ("Heading1", "Article 1 – Objet"),
    ("", "La présente convention a pour objet d’organiser la coopération décentralisée entre la "
         "Région et la Province dans les domaines du tourisme durable, de la valorisation du "
         "patrimoine et de la formation professionnelle agricole."),
    ("Heading1", "Article 2 – Actions"),
    ("List", "la mise en valeur du site paysager de Tràng An et l’accompagnement des acteurs du tourisme rural ;"),
    ("List", "l’accueil en stage, dans les lycées agricoles de la Région, de jeunes techniciens de la Province ;"),
    ("List", "l’échange d’expériences entre les services chargés de la gestion des espaces naturels protégés."),
    ("Heading1", "Article 3 – Modalités de mise en œuvre"),
    ("", "Un programme d’actions est arrêté chaque année par un comité de suivi composé de "
         "représentants des deux parties. Le comité se réunit une fois par an, alternativement "
         "en France et au Viêt Nam, et peut associer les établissements d’enseignement et les "
         "associations des deux territoires."),
    ("TABLE", [["Domaine", "Pilote pour la Région", "Pilote pour la Province"],
               ["Tourisme durable", "Direction du tourisme", "Service de la culture, des sports et du tourisme"],
               ["Formation agricole", "Direction de la formation", "Service de l’agriculture et du développement rural"]]),
    ("Heading1", "Article 4 – Durée"),
    ("", "La présente convention est conclue pour une durée de quatre ans. Elle peut être "
         "prolongée par avenant."),
    ("Heading1", "Article 5 – Entrée en vigueur"),
    ("", "La présente convention entre en vigueur dès sa transmission au représentant de l’État "
         "dans la région, dans les conditions fixées aux articles L4141-1 et L4141-2 du code "
         "général des collectivités territoriales."),
    ("Heading1", "Article 6 – Résiliation"),
    ("", "Chacune des parties peut mettre fin à la présente convention, par écrit, moyennant un "
         "préavis de trois mois."),
    ("", "Fait à Besançon, le 9 septembre 2024, en deux exemplaires originaux, en langues "
         "française et vietnamienne, les deux versions faisant également foi."),
    ("", "Pour la Région Bourgogne-Franche-Comté, la Présidente du conseil régional, Anne Vautrin"),
    ("", "Pour la Province de Ninh Bình, le Président du Comité populaire, Trần Văn Hòa"),
]


def docx_run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def docx_paragraph(style, text):
    ppr = ""
    if style == "List":
        ppr = '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    elif style:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    return f"<w:p>{ppr}{docx_run(text)}</w:p>"


def docx_table(rows):
    out = ["<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>"]
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc><w:p>{docx_run(c)}</w:p></w:tc>" for c in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def make_docx(path):
    parts = []
    for style, content in DOCX_BODY:
        parts.append(docx_table(content) if style == "TABLE" else docx_paragraph(style, content))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}"><w:body>{"".join(parts)}'
                f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(DOCX_TITLE)}</dc:title>'
            '<dc:creator>Direction des relations internationales</dc:creator>'
            '<cp:keywords>coopération décentralisée; Viêt Nam</cp:keywords>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-09T10:00:00Z</dcterms:created>'
            '</cp:coreProperties>')
    write_zip(path, [("[Content_Types].xml", content_types, True), ("_rels/.rels", rels, True),
                     ("word/document.xml", document, True), ("docProps/core.xml", core, True)])


# ---------------------------------------------------------------- ODT

ODT_TITLE = "Convention de coopération décentralisée entre la Commune de Saint-Brieuc et la Commune de Mbour"

ODT_BODY = [
    ("h1", ODT_TITLE),
    ("p", "Entre la Commune de Saint-Brieuc (Côtes-d’Armor), représentée par son Maire, "
          "autorisé par délibération du conseil municipal du 24 avril 2023, ci-après « Saint-Brieuc »,"),
    ("p", "et la Commune de Mbour (République du Sénégal), représentée par son Maire, autorisé "
          "par délibération du conseil municipal du 2 mars 2023, ci-après « Mbour »,"),
    ("p", "Vu le code général des collectivités territoriales, et notamment ses articles L1115-1 et L1115-2 ;"),
    ("p", "Vu la loi n° 2013-10 du 28 décembre 2013 portant code général des collectivités locales du Sénégal ;"),
    ("p", "il est convenu ce qui suit."),
    ("h2", "Article premier – Objet"),
    ("p", "La présente convention a pour objet la mise en œuvre d’un programme de coopération "
          "décentralisée consacré à la gestion des déchets ménagers et à la salubrité du littoral de Mbour."),
    ("h2", "Article 2 – Actions"),
    ("li", "l’équipement de deux points de regroupement des déchets et la formation des agents municipaux ;"),
    ("li", "la sensibilisation des habitants et des écoles au tri et à la réduction des déchets ;"),
    ("li", "l’échange de pratiques entre les services techniques des deux communes."),
    ("h2", "Article 3 – Engagements financiers"),
    ("p", "Le montant prévisionnel des engagements financiers de Saint-Brieuc s’élève à 45 000 euros "
          "sur la durée de la convention, financés sur le budget annexe des déchets dans la limite "
          "de 1 % des ressources qui lui sont affectées, conformément à l’article L1115-2 du code "
          "général des collectivités territoriales."),
    ("p", "Mbour apporte une contribution de 9 800 000 francs CFA et met à disposition un terrain "
          "et deux agents municipaux."),
    ("table", [["Exercice", "Saint-Brieuc (euros)", "Mbour (francs CFA)"],
               ["2023", "15 000", "3 300 000"], ["2024", "15 000", "3 250 000"], ["2025", "15 000", "3 250 000"]]),
    ("h2", "Article 4 – Durée"),
    ("p", "La présente convention est conclue pour trois ans à compter de son entrée en vigueur."),
    ("h2", "Article 5 – Entrée en vigueur"),
    ("p", "Elle entre en vigueur dès sa transmission au préfet des Côtes-d’Armor, représentant de "
          "l’État, dans les conditions fixées aux articles L2131-1 et L2131-2 du code général des "
          "collectivités territoriales."),
    ("p", "Fait à Saint-Brieuc, le 15 mai 2023."),
    ("p", "Pour la Commune de Saint-Brieuc, le Maire, Yannick Le Goff"),
    ("p", "Pour la Commune de Mbour, le Maire, Abdou Karim Diop"),
]

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def make_odt(path):
    parts = []
    items = []

    def flush_list():
        if items:
            parts.append("<text:list>" + "".join(
                f"<text:list-item><text:p>{escape(t)}</text:p></text:list-item>" for t in items) + "</text:list>")
            items.clear()

    for kind, content in ODT_BODY:
        if kind != "li":
            flush_list()
        if kind == "h1":
            parts.append(f'<text:h text:outline-level="1">{escape(content)}</text:h>')
        elif kind == "h2":
            parts.append(f'<text:h text:outline-level="2">{escape(content)}</text:h>')
        elif kind == "li":
            items.append(content)
        elif kind == "table":
            rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
                + "</table:table-row>" for row in content)
            parts.append(f'<table:table table:name="Financement"><table:table-column table:number-columns-repeated="3"/>{rows}</table:table>')
        else:
            parts.append(f"<text:p>{escape(content)}</text:p>")
    flush_list()
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NS} office:version="1.3">'
               f'<office:body><office:text>{"".join(parts)}</office:text></office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODT_NS} office:version="1.3">'
            f'<office:meta><dc:title>{escape(ODT_TITLE)}</dc:title>'
            '<meta:initial-creator>Service des relations internationales de Saint-Brieuc</meta:initial-creator>'
            '<meta:creation-date>2023-05-15T09:00:00</meta:creation-date>'
            '<meta:keyword>coopération décentralisée</meta:keyword><meta:keyword>Sénégal</meta:keyword>'
            '</office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text", False),
                     ("content.xml", content, True), ("meta.xml", meta, True),
                     ("META-INF/manifest.xml", manifest, True)])


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "Corpus/conventions")
    out.mkdir(parents=True, exist_ok=True)
    make_docx(out / "convention-bourgogne-franche-comte-ninh-binh.docx")
    make_odt(out / "convention-saint-brieuc-mbour.odt")


if __name__ == "__main__":
    main()
