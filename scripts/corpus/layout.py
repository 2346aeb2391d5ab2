"""A small justified, hyphenated multi-column typesetter on top of fpdf2.

Words are placed one by one at computed positions, so lines are justified exactly; words
too long for the rest of a line are hyphenated with pyphen (French patterns) or broken
after a hyphen they already contain (compounds: "Sud-⏎Est"), URLs after a "/" (no hyphen
added). Every line-end break is recorded so tests can check its repair.
"""
import re

import pyphen

HYPHENATOR = pyphen.Pyphen(lang="fr_FR", left=2, right=3)
URL = re.compile(r"^(https?://|www\.)|@")


class Typesetter:
    def __init__(self, pdf, font, size, leading, columns, gutter, top, bottom, left, right, footer=None):
        self.pdf, self.font, self.size, self.leading = pdf, font, size, leading
        self.columns, self.gutter = columns, gutter
        self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.footer = footer
        self.breaks = []  # (left fragment, right fragment, whole token)
        self.column = 0
        self.y = None
        self.region_top = top

    @property
    def column_width(self):
        width = self.pdf.w - self.left - self.right
        return (width - (self.columns - 1) * self.gutter) / self.columns

    def column_x(self):
        return self.left + self.column * (self.column_width + self.gutter)

    def new_page(self):
        self.pdf.add_page()
        if self.footer:
            self.footer(self.pdf)
        self.column = 0
        self.region_top = self.top
        self.y = self.top

    def advance(self, height):
        if self.y is None:
            self.new_page()
        if self.y + height > self.pdf.h - self.bottom:
            self.column += 1
            if self.column >= self.columns:
                self.new_page()
            else:
                self.y = self.region_top
        line_y = self.y
        self.y += height
        return line_y

    def full_width(self, text, size, style="B", space_after=4):
        """A line across all columns (titles). Starts below everything placed so far."""
        if self.y is None:
            self.new_page()
        self.pdf.set_font(self.font, style, size)
        self.pdf.set_xy(self.left, self.y)
        self.pdf.multi_cell(self.pdf.w - self.left - self.right, size * 0.45, text, align="L")
        self.y = self.pdf.get_y() + space_after
        self.region_top = self.y
        self.column = 0

    def heading(self, text):
        self.pdf.set_font(self.font, "B", self.size + 1.5)
        self.advance(self.leading * 0.6)
        for line in self._lines(text.split(" "), self.size + 1.5, "B"):
            y = self.advance(self.leading * 1.15)
            self._place(line, y, justify=False, style="B", size=self.size + 1.5)
        self.advance(self.leading * 0.3)

    def paragraph(self, text, space_after=0.55):
        words = text.split(" ")
        lines = self._lines(words, self.size, "")
        for k, line in enumerate(lines):
            y = self.advance(self.leading)
            self._place(line, y, justify=k < len(lines) - 1, style="", size=self.size)
        self.y += self.leading * space_after

    # Line breaking -------------------------------------------------------------------

    def _width(self, s, style, size):
        self.pdf.set_font(self.font, style, size)
        return self.pdf.get_string_width(s)

    def _split_options(self, word):
        """Ways to cut a word at a line end: (head including its mark, tail, kind)."""
        options = []
        if URL.search(word):
            for m in re.finditer(r"[/.]", word):
                if 4 < m.end() < len(word) - 2 and word[m.end() - 1] == "/":
                    options.append((word[: m.end()], word[m.end():]))
            for m in re.finditer(r"-", word):
                if 4 < m.end() < len(word) - 2:
                    options.append((word[: m.end()], word[m.end():]))
            return sorted(options, key=lambda o: -len(o[0]))
        # After an existing hyphen of a compound.
        for m in re.finditer(r"(?<=\w)-(?=\w)", word):
            options.append((word[: m.end()], word[m.end():]))
        # Inside one part, with pyphen.
        start = 0
        for part in re.split(r"(-)", word):
            if part != "-" and not any(c.isdigit() for c in part):
                core = re.match(r"^(\W*)(\w+)(\W*)$", part)
                if core and len(core.group(2)) >= 5:
                    lead, body, trail = core.groups()
                    for a, b in HYPHENATOR.iterate(body):
                        options.append((word[: start + len(lead) + len(a)] + "-",
                                        word[start + len(lead) + len(a):]))
            start += len(part)
        return sorted(options, key=lambda o: -len(o[0]))

    def _lines(self, words, size, style):
        space = self._width(" ", style, size)
        width = self.column_width
        lines, current, used = [], [], 0.0
        queue = list(words)
        while queue:
            word = queue.pop(0)
            if not word:
                continue
            w = self._width(word, style, size)
            needed = w if not current else used + space + w
            if needed <= width:
                current.append(word)
                used = needed
                continue
            # Try to hyphenate the word into the remaining room.
            room = width - (used + space if current else 0)
            placed = False
            for head, tail in self._split_options(word):
                if self._width(head, style, size) <= room:
                    current.append(head)
                    self.breaks.append((head, tail, word))
                    queue.insert(0, tail)
                    placed = True
                    break
            lines.append(current)
            if placed:
                current, used = [], 0.0
            else:
                if current:
                    current, used = [word], w
                else:  # a word wider than the column: put it alone
                    lines[-1] = [word]
                    current, used = [], 0.0
        if current:
            lines.append(current)
        return [l for l in lines if l]

    def _place(self, words, y, justify, style, size):
        self.pdf.set_font(self.font, style, size)
        x = self.column_x()
        widths = [self.pdf.get_string_width(w) for w in words]
        space = self.pdf.get_string_width(" ")
        if justify and len(words) > 1:
            space = (self.column_width - sum(widths)) / (len(words) - 1)
        baseline = y + size * 0.35
        for word, w in zip(words, widths):
            self.pdf.text(x, baseline, word)
            x += w + space
