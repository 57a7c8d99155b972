"""Bar charts as inline SVG, drawn on the server for the page and the PDF alike."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join


def bar_chart(title, rows, width=640):
    """A horizontal bar chart as inline SVG, for the page and the PDF alike.

    Accessible: ``role="img"`` with the title as its name; the page shows the same numbers in
    a table beside it. Labels are escaped like any other text. ``img-fluid`` lets Bootstrap
    shrink it on a narrow screen; the PDF (no Bootstrap) keeps the size it is drawn at."""
    bar, gap, left, right = 16, 6, 210, 60
    most = max((value for _label, value in rows), default=0) or 1
    height = len(rows) * (bar + gap) + gap

    def drawn(i, text, value):
        top, length = gap + i * (bar + gap), round((width - left - right) * value / most, 1)
        baseline = top + bar - 4
        number = number_format(value, force_grouping=True)
        return (
            left - 6,
            baseline,
            text,
            left,
            top,
            length,
            bar,
            left + length + 4,
            baseline,
            number,
        )

    bars = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#0b3d6b"></rect>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
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
