"""Bar charts as inline SVG, drawn on the server for the page and the PDF alike."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join

#: Drawn size: 560 px wide with 14 px labels. site.css lets a chart shrink to no less than
#: 500 px on the page (labels never under 12 px); the PDF draws it at this size.
WIDTH = 560
FONT_SIZE = 14
CHAR_WIDTH = 0.62 * FONT_SIZE  # a generous average for DejaVu Sans


def bar_chart(title, rows, width=WIDTH):
    """A horizontal bar chart as inline SVG, for the page and the PDF alike.

    Accessible: ``role="img"`` with the title as its name; the page shows the title and the
    same numbers in a table beside it. Labels are escaped like any other text. The space for
    the labels on the left follows the longest label, so short labels (years) leave the bars
    room."""
    bar, gap = 20, 8
    numbers = [number_format(value, force_grouping=True) for _label, value in rows]
    longest = max((len(str(text)) for text, _value in rows), default=4)
    left = min(round(longest * CHAR_WIDTH) + 12, width // 2)
    right = round(max((len(n) for n in numbers), default=1) * CHAR_WIDTH) + 12
    most = max((value for _label, value in rows), default=0) or 1
    height = len(rows) * (bar + gap) + gap

    def drawn(i, text, value):
        top, length = gap + i * (bar + gap), round((width - left - right) * value / most, 1)
        baseline = top + bar - 5
        return (
            left - 6,
            baseline,
            FONT_SIZE,
            text,
            left,
            top,
            length,
            bar,
            left + length + 4,
            baseline,
            FONT_SIZE,
            numbers[i],
        )

    bars = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b3d6b"></rect>'
        '<text x="{}" y="{}" font-size="{}">{}</text>',
        (drawn(i, text, value) for i, (text, value) in enumerate(rows)),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" '
        'class="img-fluid" viewBox="0 0 {} {}" width="{}" height="{}" '
        'font-family="DejaVu Sans, sans-serif">'
        "<title>{}</title>{}</svg>",
        title,
        width,
        height,
        width,
        height,
        title,
        bars,
    )
