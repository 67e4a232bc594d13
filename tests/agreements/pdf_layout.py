"""Measuring the minutes as printed: every piece of text with its start, end, baseline, size, font and
colour, and every rule drawn, read back from the PDF's content streams in points from the bottom left
corner of the page. pdf_reading.py reads where text starts; this reads how wide it is too (from the
fonts' glyph widths) and the thin filled rectangles and stroked lines that make the rules.

Only what WeasyPrint writes is understood: Type0 fonts with Identity-H encoding and a ToUnicode map
(simple fonts as a fallback), text shown with Tj, TJ, ' and ", rules filled with re or drawn with m/l/S,
form XObjects followed."""

import io
import math
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4  # PDF points per millimetre
IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


@dataclass(frozen=True)
class Run:
    """Text shown by one operator, in one font."""
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float  # font size in points, as it appears on the page
    font: str  # the base font, subset prefix removed, e.g. "Liberation-Serif-Bold"
    upright: bool  # not rotated or mirrored (the "DỰ THẢO" watermark is rotated)
    colour: tuple
    ascent: float  # points above the baseline the glyphs may reach
    descent: float  # points below it (positive)

    @property
    def bold(self):
        return "Bold" in self.font

    @property
    def italic(self):
        return "Italic" in self.font or "Oblique" in self.font

    @property
    def top(self):
        return self.y + self.ascent

    @property
    def bottom(self):
        return self.y - self.descent

    @property
    def centre(self):
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Rule:
    """A horizontal rule: a filled area or stroked line much wider than it is high."""
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def width(self):
        return self.x1 - self.x0

    @property
    def centre(self):
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    """Runs on one baseline with no wide gap between them (two columns on one baseline are two lines)."""
    runs: list

    @property
    def text(self):
        out = ""
        for before, run in zip([None] + self.runs[:-1], self.runs):
            gap = before is not None and run.x0 - before.x1 > 0.15 * run.size and not out.endswith(" ")
            out += (" " if gap else "") + run.text
        return " ".join(out.split())

    x0 = property(lambda self: self.runs[0].x0)
    x1 = property(lambda self: max(r.x1 for r in self.runs))
    y = property(lambda self: self.runs[0].y)
    size = property(lambda self: max(r.size for r in self.runs))
    top = property(lambda self: max(r.top for r in self.runs))
    bottom = property(lambda self: min(r.bottom for r in self.runs))


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    runs: list = field(default_factory=list)
    rules: list = field(default_factory=list)

    def lines(self, *, upright=True):
        """Lines top to bottom, left to right."""
        runs = sorted((r for r in self.runs if r.upright == upright and r.text.strip()),
                      key=lambda r: (-round(r.y, 1), r.x0))
        lines = []
        for run in runs:
            last = lines[-1] if lines else None
            if last and abs(last.y - run.y) < 0.5 and run.x0 - last.x1 < 2 * run.size:
                last.runs.append(run)
            else:
                lines.append(Line([run]))
        return sorted(lines, key=lambda line: (-line.y, line.x0))


def read(data):
    """The pages of a PDF, measured."""
    reader = PdfReader(io.BytesIO(data))
    measured = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        found = Page(number, float(box.width), float(box.height))
        _Interpreter(found, reader).run(page.get_contents(), page.get("/Resources"), IDENTITY)
        measured.append(found)
    return measured


# --- the interpreter -------------------------------------------------------------------------------

def _multiply(m, n):
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def _apply(m, x, y):
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


def _raw(string):
    return bytes(string.original_bytes) if hasattr(string, "original_bytes") else bytes(string)


class _Font:
    def __init__(self, font):
        font = font.get_object()
        self.name = re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont", "/?"))[1:])
        self.two_bytes = font.get("/Subtype") == "/Type0"
        self.widths, self.default_width = {}, 1000.0
        descriptor = None
        if self.two_bytes:
            descendant = font["/DescendantFonts"][0].get_object()
            self.default_width = float(descendant.get("/DW", 1000))
            items = list(descendant.get("/W", []))
            i = 0
            while i < len(items):
                first, second = int(items[i]), items[i + 1]
                second = second.get_object() if hasattr(second, "get_object") else second
                if isinstance(second, list):
                    for offset, width in enumerate(second):
                        self.widths[first + offset] = float(width)
                    i += 2
                else:
                    for code in range(first, int(second) + 1):
                        self.widths[code] = float(items[i + 2])
                    i += 3
            descriptor = descendant.get("/FontDescriptor")
        else:
            first = int(font.get("/FirstChar", 0))
            for offset, width in enumerate(font.get("/Widths", [])):
                self.widths[first + offset] = float(width)
            self.default_width = 0.0
            descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        self.ascent = float(descriptor.get("/Ascent", 900)) / 1000
        self.descent = -float(descriptor.get("/Descent", -200)) / 1000
        self.unicode = self._to_unicode(font.get("/ToUnicode"))

    @staticmethod
    def _to_unicode(stream):
        mapping = {}
        if stream is None:
            return mapping
        text = stream.get_object().get_data().decode("latin-1")
        hexes = lambda s: bytes.fromhex(s).decode("utf-16-be")  # noqa: E731
        for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
            for code, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                mapping[int(code, 16)] = hexes(target)
        for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
            for first, last, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])",
                                                  block):
                first, last = int(first, 16), int(last, 16)
                if target.startswith("["):
                    for offset, each in enumerate(re.findall(r"<([0-9a-fA-F]+)>", target)):
                        mapping[first + offset] = hexes(each)
                else:
                    start = bytes.fromhex(target[1:-1])
                    for offset in range(last - first + 1):
                        mapping[first + offset] = (start[:-2] + (int.from_bytes(start[-2:], "big") + offset)
                                                   .to_bytes(2, "big")).decode("utf-16-be")
        return mapping

    def codes(self, raw):
        if self.two_bytes:
            return [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw) - 1, 2)]
        return list(raw)

    def text(self, code):
        return self.unicode.get(code, chr(code) if not self.two_bytes else "\ufffd")


class _Interpreter:
    def __init__(self, page, reader):
        self.page, self.reader = page, reader
        self.fonts = {}

    def run(self, contents, resources, ctm):
        resources = resources.get_object() if resources is not None else {}
        state = {"ctm": ctm, "colour": (0.0,), "font": None, "size": 0.0, "Tc": 0.0, "Tw": 0.0, "Tz": 1.0,
                 "TL": 0.0, "Ts": 0.0, "lw": 1.0}
        stack, tm, tlm, path = [], IDENTITY, IDENTITY, []
        if contents is None:
            return
        for operands, operator in ContentStream(contents, self.reader).operations:
            op = operator.decode("latin-1") if isinstance(operator, bytes) else operator
            if op == "q":
                stack.append(dict(state))
            elif op == "Q":
                state = stack.pop() if stack else state
            elif op == "cm":
                state["ctm"] = _multiply([float(v) for v in operands], state["ctm"])
            elif op in ("rg", "g", "k"):
                state["colour"] = tuple(float(v) for v in operands)
            elif op == "w":
                state["lw"] = float(operands[0])
            elif op == "BT":
                tm = tlm = IDENTITY
            elif op == "Tf":
                state["font"] = self._font(resources, operands[0])
                state["size"] = float(operands[1])
            elif op in ("Tc", "Tw", "TL", "Ts"):
                state[op] = float(operands[0])
            elif op == "Tz":
                state["Tz"] = float(operands[0]) / 100
            elif op in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if op == "TD":
                    state["TL"] = -ty
                tm = tlm = _multiply([1, 0, 0, 1, tx, ty], tlm)
            elif op == "Tm":
                tm = tlm = [float(v) for v in operands]
            elif op in ("T*", "'", '"'):
                tm = tlm = _multiply([1, 0, 0, 1, 0, -state["TL"]], tlm)
                if op == '"':
                    state["Tw"], state["Tc"] = float(operands[0]), float(operands[1])
                if op != "T*":
                    tm = self._show(state, tm, [operands[-1]])
            elif op == "Tj":
                tm = self._show(state, tm, [operands[0]])
            elif op == "TJ":
                tm = self._show(state, tm, list(operands[0]))
            elif op == "re":
                x, y, w, h = (float(v) for v in operands)
                path.append(self._box(state["ctm"], [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]))
            elif op == "m":
                path.append([_apply(state["ctm"], float(operands[0]), float(operands[1]))])
            elif op == "l" and path:
                path[-1].append(_apply(state["ctm"], float(operands[0]), float(operands[1])))
            elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
                self._fill(path, even_odd=op.endswith("*"))
                path = []
            elif op in ("S", "s"):
                self._stroke(path, state)
                path = []
            elif op == "n":
                path = []
            elif op == "Do":
                xobject = resources["/XObject"][operands[0]].get_object()
                if xobject.get("/Subtype") == "/Form":
                    matrix = [float(v) for v in xobject.get("/Matrix", IDENTITY)]
                    self.run(xobject, xobject.get("/Resources", resources), _multiply(matrix, state["ctm"]))

    def _font(self, resources, name):
        font = resources["/Font"][name]
        key = font.idnum if hasattr(font, "idnum") else id(font)
        if key not in self.fonts:
            self.fonts[key] = _Font(font)
        return self.fonts[key]

    def _show(self, state, tm, items):
        """One run from the first to the last glyph that is not a space."""
        font, size, scale = state["font"], state["size"], state["Tz"]
        if font is None:
            return tm
        rise = [1, 0, 0, 1, 0, state["Ts"]]
        on_page = lambda matrix: _multiply(_multiply(rise, matrix), state["ctm"])  # noqa: E731
        start, text, first, last, inking = tm, "", None, None, False
        for item in items:
            if not isinstance(item, (str, bytes)):
                tm = _multiply([1, 0, 0, 1, -float(item) / 1000 * size * scale, 0], tm)
                last = tm if inking else last  # a mark's own advance taken back after it
                continue
            for code in font.codes(_raw(item)):
                advance = font.widths.get(code, font.default_width) / 1000 * size + state["Tc"]
                if not font.two_bytes and code == 32:
                    advance += state["Tw"]
                after = _multiply([1, 0, 0, 1, advance * scale, 0], tm)
                character = font.text(code)
                inking = bool(character.strip())
                if inking:
                    first, last = first or tm, after
                text += character
                tm = after
        first, last = (first, last) if first else (start, tm)
        begin = on_page(start)
        x0, y = _apply(on_page(first), 0, 0)
        x1, _ = _apply(on_page(last), 0, 0)
        a, b, c, d = begin[:4]
        height = size * math.hypot(c, d)
        self.page.runs.append(Run(text=text, x0=x0, x1=x1, y=y, size=round(height, 3), font=font.name,
                                  upright=abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0 and d > 0,
                                  colour=state["colour"], ascent=font.ascent * height,
                                  descent=font.descent * height))
        return tm

    @staticmethod
    def _box(ctm, corners):
        return [_apply(ctm, x, y) for x, y in corners]

    def _fill(self, path, *, even_odd):
        boxes = []
        for points in path:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes.append((min(xs), max(xs), min(ys), max(ys)))
        same_x = boxes and all(abs(b[0] - boxes[0][0]) < 0.01 and abs(b[1] - boxes[0][1]) < 0.01 for b in boxes)
        if even_odd and same_x and len(boxes) > 1:
            edges = sorted({y for b in boxes for y in b[2:]})
            bands = []
            for low, high in zip(edges, edges[1:]):
                covered = sum(b[2] <= low and high <= b[3] for b in boxes)
                if covered % 2:
                    bands.append((low, high))
            boxes = [(boxes[0][0], boxes[0][1], low, high) for low, high in bands]
        for x0, x1, y0, y1 in boxes:
            self._rule(x0, x1, y0, y1)

    def _stroke(self, path, state):
        scale = math.hypot(state["ctm"][2], state["ctm"][3])
        half = state["lw"] * scale / 2
        for points in path:
            for (xa, ya), (xb, yb) in zip(points, points[1:]):
                if abs(ya - yb) < 0.01:
                    self._rule(min(xa, xb), max(xa, xb), ya - half, ya + half)

    def _rule(self, x0, x1, y0, y1):
        if 0 < y1 - y0 <= 3 and x1 - x0 > 3 * (y1 - y0):
            self.page.rules.append(Rule(x0, x1, y0, y1))
