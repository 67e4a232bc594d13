"""Small charts drawn by our own server-rendered SVG: one figure over reporting periods, as bars or as a line
with square marks. Black on white, each mark titled with its period and value, the axes labelled with the
periods' first days (dd/mm/yyyy), so a chart reads the same printed in black and white."""

from dataclasses import dataclass

WIDTH, HEIGHT = 260, 150
LEFT, RIGHT, TOP, BOTTOM = 46, 8, 18, 52  # room for the value labels and the slanted dates


@dataclass(frozen=True)
class Mark:
    day: object  # the period's first day
    value: int
    x: float  # the centre of its slot
    y: float  # the top of its bar, or its point on the line
    left: float  # its bar's left side
    height: float  # its bar's height

    @property
    def label(self):
        return f"{self.day:%d/%m/%Y}"

    @property
    def dot(self):
        """The top left corner of its square on the line."""
        return round(self.x - 3, 1), round(self.y - 3, 1)


@dataclass(frozen=True)
class Chart:
    title: str
    kind: str  # "bars" or "line"
    marks: tuple
    top_value: int
    bar_width: float

    width, height, left, top, bottom = WIDTH, HEIGHT, LEFT, TOP, HEIGHT - BOTTOM
    right, value_x, top_value_y, date_y = WIDTH - RIGHT, LEFT - 4, TOP + 3, HEIGHT - BOTTOM + 9

    @property
    def points(self):
        """The line's points, as SVG's polyline wants them."""
        return " ".join(f"{mark.x},{mark.y}" for mark in self.marks)


def chart(points, *, title, kind="bars"):
    """A chart of `points`, [(period start, value)] oldest first; the scale runs from 0 to the highest value."""
    top_value = max([value for _, value in points] + [1])
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    plot, bar_width = HEIGHT - BOTTOM - TOP, round(min(slot * 0.6, 24), 1)
    marks = []
    for index, (day, value) in enumerate(points):
        x, height = LEFT + slot * (index + 0.5), plot * value / top_value
        marks.append(Mark(day, value, x=round(x, 1), y=round(TOP + plot - height, 1),
                          left=round(x - bar_width / 2, 1), height=round(height, 1)))
    return Chart(title, kind, tuple(marks), top_value, bar_width)
