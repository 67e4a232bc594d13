"""The schematic map of the coverage page: one square per province in force since 01/07/2025, placed by hand on a
grid that roughly follows Viet Nam's shape, north at the top. No map tiles, no data from the internet: the grid is
ours, and the page draws it as SVG. Grid positions are keyed by the province's official code."""

from dataclasses import dataclass

# code: (row, column, the short name written in the square). Rows run north to south, columns west to east.
GRID = {
    "12": (0, 1, "Lai Châu"), "15": (0, 2, "Lào Cai"), "08": (0, 3, "Tuyên Quang"), "04": (0, 4, "Cao Bằng"),
    "11": (1, 0, "Điện Biên"), "14": (1, 1, "Sơn La"), "25": (1, 2, "Phú Thọ"), "19": (1, 3, "Thái Nguyên"),
    "20": (1, 4, "Lạng Sơn"),
    "01": (2, 2, "Hà Nội"), "24": (2, 3, "Bắc Ninh"), "22": (2, 4, "Quảng Ninh"),
    "37": (3, 2, "Ninh Bình"), "33": (3, 3, "Hưng Yên"), "31": (3, 4, "Hải Phòng"),
    "38": (4, 2, "Thanh Hóa"),
    "40": (5, 2, "Nghệ An"), "42": (5, 3, "Hà Tĩnh"),
    "44": (6, 3, "Quảng Trị"),
    "46": (7, 3, "Huế"), "48": (7, 4, "Đà Nẵng"),
    "51": (8, 4, "Quảng Ngãi"),
    "52": (9, 4, "Gia Lai"),
    "66": (10, 4, "Đắk Lắk"),
    "68": (11, 3, "Lâm Đồng"), "56": (11, 4, "Khánh Hòa"),
    "80": (12, 1, "Tây Ninh"), "79": (12, 2, "TP.HCM"), "75": (12, 3, "Đồng Nai"),
    "91": (13, 0, "An Giang"), "82": (13, 1, "Đồng Tháp"), "86": (13, 2, "Vĩnh Long"),
    "96": (14, 0, "Cà Mau"), "92": (14, 1, "Cần Thơ"),
}

TILE, GAP, MARGIN = 58, 4, 4  # in SVG units; the page scales the drawing to fit
WIDTH = MARGIN * 2 + 6 * (TILE + GAP) - GAP
HEIGHT = MARGIN * 2 + 15 * (TILE + GAP) - GAP

# Light colours (ColorBrewer Set3, its grey left out), so the black writing in a square stays readable, on
# paper too. Partners take them in the order of their short names; past ten they come round again.
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd",
           "#ccebc5")
NOT_COVERED = "#d9d9d9"


def partner_colours(partners):
    """{partner id: colour} for the partners holding provinces."""
    ordered = sorted(set(partners), key=lambda partner: (partner.short_name.casefold(), partner.pk))
    return {partner.pk: PALETTE[index % len(PALETTE)] for index, partner in enumerate(ordered)}


@dataclass(frozen=True)
class Tile:
    x: int
    y: int
    code: str
    label: str
    colour: str
    state: str
    title: str
    mark: str  # the state written in the square, beside the colour
    hatched: bool = False  # a report overdue
    dashed: bool = False  # at risk

    @property
    def right(self):
        return self.x + TILE

    @property
    def centre(self):
        return self.x + TILE // 2


def tile(code, **drawn):
    """The square of province `code`, or None for a province the grid does not place (one added by hand later:
    the page's table still lists it)."""
    if code not in GRID:
        return None
    row, column, label = GRID[code]
    return Tile(x=MARGIN + column * (TILE + GAP), y=MARGIN + row * (TILE + GAP), code=code, label=label, **drawn)
