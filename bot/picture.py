"""A picture of a learner's path: the checklist drawn as a PNG that reads well on a phone.

Sections come in learning order, each item is a box (filled with a tick when done) and the
next step is outlined, marked and labelled. The picture is portrait and its text is about a
thirtieth of its width, so a phone showing it full width shows body-sized text. Every string in
it comes from the caller or the knowledge file. Pure: progress in, PNG bytes out. The font
comes with Pillow, so the picture looks the same on every machine.

Speed: a palette PNG encodes several times faster than an RGB one (and is far smaller), so the
picture is drawn in 8-bit "L" mode on palette indices and saved as "P". Text is the only thing
drawn with smoothed edges, and Pillow blends it linearly between the ink's index and the
background's; so each (background, ink) pair owns a run of indices that the palette fills
with the matching colour ramp, and smoothed text comes out in true colour.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from bot.checklist import Progress

Colour = tuple[int, int, int]

#: The picture's width in pixels; its height follows from the checklist.
WIDTH = 900
MARGIN = 40
GAP = 16
COLUMNS = 2
PADDING = 16
TITLE_SIZE = 40
HEADING_SIZE = 32
ITEM_SIZE = 28
SMALL_SIZE = 23
LINE_GAP = 6
#: Lines of an item's title a box shows at most (the last one ends with "…" if cut).
MAX_LINES = 3
BAR_HEIGHT = 16
RADIUS = 12
MARK = ITEM_SIZE - 8
#: The PNG's zlib level: flat colours compress well even at a fast level.
PNG_LEVEL = 3

BACKGROUND: Colour = (247, 248, 250)
INK: Colour = (26, 32, 44)
MUTED: Colour = (92, 100, 116)
LINE: Colour = (190, 196, 207)
OPEN_FILL: Colour = (255, 255, 255)
DONE_FILL: Colour = (36, 118, 79)
DONE_INK: Colour = (255, 255, 255)
NEXT_FILL: Colour = (255, 241, 219)
NEXT_EDGE: Colour = (200, 86, 10)
BAR_EMPTY: Colour = (221, 225, 232)

#: The label under the next step's title.
NEXT_LABEL = "NEXT STEP"
ELLIPSIS = "…"

#: Index steps between a background and an ink: the levels of smoothing text gets.
RAMP = 31


class _Palette:
    """Palette indices for solid colours and for (background, ink) pairs of smoothed text.

    A background sits between at most two ink ramps (one below its index, one above), so text
    in either ink blends towards the background along indices of its own colours.
    """

    def __init__(self, pairs: dict[Colour, tuple[Colour, ...]], solids: tuple[Colour, ...]) -> None:
        self.colours: list[Colour] = []
        self.backgrounds: dict[Colour, int] = {}
        self.inks: dict[tuple[Colour, Colour], int] = {}
        for background, inks in pairs.items():
            below, *above = inks
            self._ramp(below, background)
            self.backgrounds[background] = len(self.colours) - 1
            self.inks[background, below] = len(self.colours) - 1 - RAMP
            for ink in above:  # at most one
                self._ramp(background, ink, skip_first=True)
                self.inks[background, ink] = len(self.colours) - 1
        self.solids = {colour: self._add(colour) for colour in solids}
        if len(self.colours) > 256:
            raise ValueError("too many colours for a palette")

    def _add(self, colour: Colour) -> int:
        self.colours.append(colour)
        return len(self.colours) - 1

    def _ramp(self, start: Colour, end: Colour, *, skip_first: bool = False) -> None:
        for step in range(1 if skip_first else 0, RAMP + 1):
            self._add(
                tuple(a + (b - a) * step // RAMP for a, b in zip(start, end, strict=True))  # type: ignore[arg-type]
            )

    def solid(self, colour: Colour) -> int:
        """The index of a colour used for shapes (a background, an ink or a solid)."""
        if colour in self.backgrounds:
            return self.backgrounds[colour]
        if colour in self.solids:
            return self.solids[colour]
        return next(index for (_, ink), index in self.inks.items() if ink == colour)

    def text(self, background: Colour, ink: Colour) -> int:
        """The index to draw ``ink`` text with on ``background``."""
        return self.inks[background, ink]

    def flat(self) -> list[int]:
        """The palette as Pillow wants it: r, g, b, r, g, b, …."""
        return [channel for colour in self.colours for channel in colour]


PALETTE = _Palette(
    {
        BACKGROUND: (INK, MUTED),
        OPEN_FILL: (INK,),
        DONE_FILL: (DONE_INK,),
        NEXT_FILL: (INK, NEXT_EDGE),
    },
    (LINE, BAR_EMPTY),
)


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled font at ``size`` pixels, loaded once per size."""
    font = ImageFont.load_default(size)
    if not isinstance(font, ImageFont.FreeTypeFont):  # a Pillow built without FreeType
        raise RuntimeError("Pillow has no FreeType support; the progress picture needs it")
    return font


def _line_height(size: int) -> int:
    return size + LINE_GAP


@lru_cache(maxsize=1024)
def _wrap(text: str, size: int, width: int, max_lines: int) -> tuple[str, ...]:
    """``text`` in lines no wider than ``width``, at most ``max_lines`` (the last one cut)."""
    font = _font(size)
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return tuple(_fit(line, font, width) for line in lines) or ("",)


def _fit(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``line`` cut with "…" so it is no wider than ``width`` (unchanged if it fits)."""
    if font.getlength(line) <= width:
        return line
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


@dataclass(frozen=True, slots=True)
class _Box:
    """One item laid out: its lines of text and whether it is ticked or the next step."""

    lines: tuple[str, ...]
    ticked: bool
    is_next: bool

    @property
    def height(self) -> int:
        """The box's height in pixels (the next step has a label line more)."""
        text = len(self.lines) * _line_height(ITEM_SIZE)
        label = _line_height(SMALL_SIZE) if self.is_next else 0
        return 2 * PADDING + text + label - LINE_GAP


BOX_WIDTH = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
TEXT_LEFT = PADDING + MARK + PADDING // 2
TEXT_WIDTH = BOX_WIDTH - TEXT_LEFT - PADDING


def draw_path(progress: Progress, heading: str) -> bytes:
    """The checklist in ``progress`` as a PNG: ``heading`` on top, then section by section."""
    next_id = next((item.id for item in progress.plan.items if item.id not in progress.ticked), "")
    sections = [
        (
            part,
            [
                [
                    _Box(
                        _wrap(item.title, ITEM_SIZE, TEXT_WIDTH, MAX_LINES),
                        item.id in progress.ticked,
                        item.id == next_id,
                    )
                    for item in part.items[start : start + COLUMNS]
                ]
                for start in range(0, len(part.items), COLUMNS)
            ],
        )
        for part in progress.sections
    ]
    title_lines = _wrap(heading, TITLE_SIZE, WIDTH - 2 * MARGIN, 2)
    summary = f"{progress.done_count} of {progress.total} done · {progress.percent}%"

    height = MARGIN + len(title_lines) * _line_height(TITLE_SIZE)
    height += _line_height(SMALL_SIZE) + BAR_HEIGHT + GAP
    for _, rows in sections:
        height += 2 * GAP + _line_height(HEADING_SIZE)
        height += sum(max(box.height for box in row) + GAP for row in rows)
    height += MARGIN - GAP

    image = Image.new("P", (WIDTH, height), PALETTE.solid(BACKGROUND))
    image.putpalette(PALETTE.flat())
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in title_lines:
        _text(image, (MARGIN, y), line, TITLE_SIZE, BACKGROUND, INK)
        y += _line_height(TITLE_SIZE)
    _text(image, (MARGIN, y), summary, SMALL_SIZE, BACKGROUND, MUTED)
    y += _line_height(SMALL_SIZE)
    _bar(draw, y, progress.done_count, progress.total)
    y += BAR_HEIGHT + GAP
    for part, rows in sections:
        y += GAP
        count = f"{part.done_count}/{len(part.items)}"
        count_width = int(_font(HEADING_SIZE).getlength(count))
        name_width = WIDTH - 2 * MARGIN - count_width - GAP
        name = _wrap(part.section.title, HEADING_SIZE, name_width, 1)[0]
        _text(image, (MARGIN, y), name, HEADING_SIZE, BACKGROUND, INK)
        _text(image, (WIDTH - MARGIN - count_width, y), count, HEADING_SIZE, BACKGROUND, MUTED)
        y += _line_height(HEADING_SIZE)
        draw.line((MARGIN, y + GAP // 2, WIDTH - MARGIN, y + GAP // 2), PALETTE.solid(LINE), 2)
        y += GAP
        for row in rows:
            row_height = max(box.height for box in row)
            for column, box in enumerate(row):
                left = MARGIN + column * (BOX_WIDTH + GAP)
                _box(image, draw, box, (left, y, left + BOX_WIDTH, y + row_height))
            y += row_height + GAP
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=PNG_LEVEL)
    return out.getvalue()


def _text(
    image: Image.Image,
    at: tuple[int, int],
    text: str,
    size: int,
    background: Colour,
    ink: Colour,
) -> None:
    """Draw ``text`` in ``ink`` on ``background`` with its top left at ``at``."""
    mask = _mask(text, size)
    image.paste(PALETTE.text(background, ink), (*at, at[0] + mask.width, at[1] + mask.height), mask)


@lru_cache(maxsize=1024)
def _mask(text: str, size: int) -> Image.Image:
    """``text`` rendered once as a coverage mask: item titles repeat in every learner's picture."""
    font = _font(size)
    _, _, right, bottom = font.getbbox(text)
    mask = Image.new("L", (max(1, int(right)), max(1, int(bottom))))
    ImageDraw.Draw(mask).text((0, 0), text, font=font, fill=255)
    return mask


def _bar(draw: ImageDraw.ImageDraw, y: int, done: int, total: int) -> None:
    """The overall progress bar across the picture."""
    right, radius = WIDTH - MARGIN, BAR_HEIGHT // 2
    draw.rounded_rectangle((MARGIN, y, right, y + BAR_HEIGHT), radius, PALETTE.solid(BAR_EMPTY))
    if total and done:
        filled = max(MARGIN + BAR_HEIGHT, MARGIN + (right - MARGIN) * done // total)
        draw.rounded_rectangle(
            (MARGIN, y, filled, y + BAR_HEIGHT), radius, PALETTE.solid(DONE_FILL)
        )


def _box(
    image: Image.Image, draw: ImageDraw.ImageDraw, box: _Box, area: tuple[int, int, int, int]
) -> None:
    """One item: filled with a tick when done; outlined, marked and labelled when it is next."""
    left, top, _, _ = area
    mark_x, mark_y = left + PADDING, top + PADDING + 6
    if box.ticked:
        fill, ink = DONE_FILL, DONE_INK
        draw.rounded_rectangle(area, RADIUS, PALETTE.solid(fill))
        tick = (
            (mark_x, mark_y + MARK // 2),
            (mark_x + MARK // 3, mark_y + MARK - 2),
            (mark_x + MARK, mark_y + 2),
        )
        draw.line(tick, PALETTE.solid(DONE_INK), 5, joint="curve")
    elif box.is_next:
        fill, ink = NEXT_FILL, INK
        draw.rounded_rectangle(area, RADIUS, PALETTE.solid(fill), PALETTE.solid(NEXT_EDGE), 5)
        arrow = ((mark_x, mark_y), (mark_x + MARK, mark_y + MARK // 2), (mark_x, mark_y + MARK))
        draw.polygon(arrow, PALETTE.solid(NEXT_EDGE))
    else:
        fill, ink = OPEN_FILL, INK
        draw.rounded_rectangle(area, RADIUS, PALETTE.solid(fill), PALETTE.solid(LINE), 2)
        draw.ellipse((mark_x, mark_y, mark_x + MARK, mark_y + MARK), None, PALETTE.solid(LINE), 3)
    x, y = left + TEXT_LEFT, top + PADDING
    for line in box.lines:
        _text(image, (x, y), line, ITEM_SIZE, fill, ink)
        y += _line_height(ITEM_SIZE)
    if box.is_next:
        _text(image, (x, y), NEXT_LABEL, SMALL_SIZE, NEXT_FILL, NEXT_EDGE)
