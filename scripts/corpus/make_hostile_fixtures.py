#!/usr/bin/env python3
"""Writes the hostile and broken inputs of Tests/Fixtures/hostile/ reproducibly.

Each file attacks one defence of the Extraction stage (see Tests/ExtractionTests/HostileInputTests.swift).
Usage: python3 scripts/corpus/make_hostile_fixtures.py Tests/Fixtures/hostile
"""
import os
import random
import struct
import sys
import zipfile
from pathlib import Path

STAMP = (2024, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_entries(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx_document(text):
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
            f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')


def padded_document(size):
    """A well-formed document.xml of `size` bytes, mostly spaces (compresses ~1000:1)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'
    tail = '</w:t></w:r></w:p></w:body></w:document>'
    return head + " " * (size - len(head) - len(tail)) + tail


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/hostile")
    out.mkdir(parents=True, exist_ok=True)

    # XXE: an external entity pointing at a local file, and an external parameter entity
    # pointing at the network.
    (out / "xxe-file.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE convention [\n'
        '  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
        '<convention><objet>Coopération décentralisée</objet><annexe>&secret;</annexe></convention>\n',
        encoding="utf-8")
    (out / "xxe-parameter.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE flux [\n'
        '  <!ENTITY % distant SYSTEM "http://127.0.0.1:9/evil.dtd">\n  %distant;\n]>\n'
        '<flux><titre>Flux</titre></flux>\n', encoding="utf-8")

    # Billion laughs: ten levels of ten references (10^9 "lol").
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '  <!ENTITY lol "lol">']
    prev = "lol"
    for i in range(1, 10):
        lines.append(f'  <!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
        prev = f"lol{i}"
    lines += ["]>", f"<lolz>&{prev};</lolz>", ""]
    (out / "billion-laughs.xml").write_text("\n".join(lines), encoding="utf-8")

    # Quadratic blow-up: one 20 KB entity referenced 20,000 times (400 MB if expanded);
    # libxml2 accepts it, so our own expansion budget must stop it.
    big = "A" * 20_000
    (out / "quadratic-blowup.xml").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE bombe [<!ENTITY a "{big}">]>\n<bombe>' + "&a;" * 20_000 + "</bombe>\n",
        encoding="utf-8")

    # Zip bombs dressed as DOCX.
    zip_entries(out / "zip-bomb-declared.docx", [("word/document.xml", padded_document(100 * 1024 * 1024))])
    zip_entries(out / "zip-bomb-ratio.docx", [("word/document.xml", padded_document(40 * 1024 * 1024))])
    lying = out / "zip-bomb-lying-size.docx"
    zip_entries(lying, [("word/document.xml", padded_document(80 * 1024 * 1024))])
    patch_sizes(lying, 4096)

    # Zip slip: entry names that would escape a folder if used as paths.
    zip_entries(out / "zip-slip.docx", [
        ("word/document.xml", docx_document("Convention lue sans jamais écrire de fichier.")),
        ("../../../../tmp/cooplex-zip-slip.txt", "evil"),
        ("/etc/cooplex-absolute.txt", "evil"),
    ])
    # A DOCX cut in the middle.
    good = out / "zip-slip.docx"
    (out / "truncated.docx").write_bytes(good.read_bytes()[:200])

    # Empty, binary garbage, malformed XML.
    (out / "empty.txt").write_bytes(b"")
    rng = random.Random(20240101)
    (out / "garbage.bin").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (out / "malformed.xml").write_text(
        '<?xml version="1.0"?>\n<convention><article>Texte non fermé</convention>\n', encoding="utf-8")

    # Invalid UTF-8: Windows-1252 prose (decoded with a warning) and undecodable bytes.
    (out / "windows-1252.txt").write_bytes(
        "Coopération décentralisée : la Région verse 15 000 € à la province d’Essaouira.\n\n"
        "Les « engagements financiers » sont précisés dans l’annexe.\n".encode("cp1252"))
    (out / "undecodable.txt").write_bytes(
        b"Convention \x81\x8d\x8f\x90\x9d\xc3\x28\xa0\xa1\xe2\x28\xa1\x8d\x90 " * 20)

    # A directory given as a file, and a dangling symbolic link (tests run as root, so a
    # chmod 000 file would still be readable).
    (out / "un-repertoire").mkdir(exist_ok=True)
    (out / "un-repertoire" / ".gitkeep").write_text("")
    link = out / "lien-casse.txt"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink("fichier-qui-n-existe-pas.txt", link)


def patch_sizes(path, fake_size):
    """Overwrites the uncompressed size of the first entry in the local header and the
    central directory with `fake_size` (a lying archive)."""
    data = bytearray(path.read_bytes())
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<I", data, 22, fake_size)
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, fake_size)
    path.write_bytes(bytes(data))


if __name__ == "__main__":
    main()
