"""Reading the seed brochure text: undo its line-end hyphenation, cut it into paragraphs.

Independent of Cooplex's own Dehyphenator (so the PDF is not made by the code it tests):
the rule of DATA-NOTES, with Debian's wfrench word list and the text's own words.
"""
import re
import unicodedata

LEXICON_PATH = "/usr/share/dict/french"
WORD = re.compile(r"[\w]+(?:-[\w]+)*", re.UNICODE)


def load_lexicon(path=LEXICON_PATH):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def known(word, lexicon, vocabulary):
    return word in lexicon or word.lower() in lexicon or word.lower() in vocabulary


def unhyphenate(lines, lexicon):
    """Joins 'X-⏎y' breaks. Returns (lines, decisions) with one decision per break."""
    lines = [l.rstrip() for l in lines]
    vocabulary = set()
    for i, line in enumerate(lines):
        words = WORD.findall(line)
        if line.endswith("-") and words:
            words = words[:-1]
        if i > 0 and lines[i - 1].endswith("-") and words:
            words = words[1:]
        for w in words:
            vocabulary.add(w.lower())
            vocabulary.update(p.lower() for p in w.split("-"))
    decisions = []
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.search(r"([\w]+(?:-[\w]+)*)-$", line)
        if m and i + 1 < len(lines) and lines[i + 1].strip():
            nxt = lines[i + 1].lstrip()
            n = re.match(r"([\w]+)", nxt)
            url = re.search(r"(https?://|www\.)\S*$", line)
            if n:
                x, y = m.group(1), n.group(1)
                joined, hyphenated = x + y, x + "-" + y
                if url:
                    keep = not (joined.lower() in vocabulary)
                elif y[0].isupper():
                    keep = not (x.split("-")[-1].isupper() and y.isupper())
                elif x[-1].isdigit() or y[0].isdigit():
                    keep = True
                else:
                    keep = known(hyphenated, lexicon, vocabulary) and not known(joined, lexicon, vocabulary)
                    if not known(hyphenated, lexicon, vocabulary) and not known(joined, lexicon, vocabulary):
                        last = x.split("-")[-1]
                        keep = known(last, lexicon, vocabulary) and known(y, lexicon, vocabulary) and len(last) > 2
                decisions.append((x, y, hyphenated if keep else joined))
                head = line[: m.start(1)] + (hyphenated if keep else joined)
                rest = nxt[len(y):]
                # The whole token (with trailing punctuation) moves up.
                tail = re.match(r"\S*", rest).group(0)
                out.append(head + tail)
                lines[i + 1] = rest[len(tail):].lstrip()
                i += 1
                continue
        if re.search(r"(https?://)\S*/$", line) and i + 1 < len(lines) and re.match(r"[\w-]+/", lines[i + 1]):
            lines[i + 1] = line + lines[i + 1].strip()
            i += 1
            continue
        out.append(line)
        i += 1
    return out, decisions


def paragraphs(lines):
    """Blank lines separate blocks; inside a block a line starting with ►, a URL or ©
    starts a new paragraph. Returns [(kind, text)] with kind 'heading' or 'paragraph'."""
    blocks, current = [], []
    for line in lines + [""]:
        s = unicodedata.normalize("NFC", line.strip())
        if not s:
            if current:
                blocks.append(current)
            current = []
            continue
        current.append(s)
    result = []
    for block in blocks:
        if len(block) == 1 and len(block[0]) < 48 and not block[0].endswith((".", ":", ";")) \
                and not block[0].startswith(("►", "http", "©")):
            result.append(("heading", block[0]))
            continue
        para = []
        for s in block:
            if para and (s.startswith(("►", "http", "©")) or para[-1].startswith("http")):
                result.append(("paragraph", " ".join(para)))
                para = []
            para.append(s)
        if para:
            result.append(("paragraph", " ".join(para)))
    return [(k, re.sub(r"\s+", " ", t)) for k, t in result if t.strip()]
