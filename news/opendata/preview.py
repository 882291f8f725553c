"""The first rows of a CSV or XLSX resource, for the table (and chart) on the dataset's page.

Only the start of the file is read (``PREVIEW_BYTES`` of a CSV, ``PREVIEW_ROWS`` rows of the
first sheet of a workbook); a file that cannot be read gives no preview, never an error page.
"""

import csv
import io
import logging

from django.core.cache import cache

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
PREVIEW_BYTES = 256 * 1024
CHART_WIDTH = 600
CHART_HEIGHT = 240


class Preview:
    """A header, the first rows and, when a column of numbers runs over years, a bar chart."""

    def __init__(self, header, rows, truncated):
        self.header = header
        self.rows = rows
        self.truncated = truncated
        self.chart = chart_for(header, rows)


def read_start(document, size):
    with document.file.open("rb") as handle:
        return handle.read(size)


def csv_rows(data):
    text = data.decode("utf-8-sig")
    if len(data) == PREVIEW_BYTES:
        # The last line may be cut in the middle.
        text = text.rsplit("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def xlsx_rows(document):
    from openpyxl import load_workbook

    with document.file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(max_row=PREVIEW_ROWS + 2, values_only=True)
    ]
    workbook.close()
    return rows


def build_preview(resource):
    document = resource.document
    if document is None or resource.format not in ("CSV", "XLSX"):
        return None
    try:
        if resource.format == "CSV":
            rows = csv_rows(read_start(document, PREVIEW_BYTES))
        else:
            rows = xlsx_rows(document)
    except Exception:  # a damaged file gives no preview, never an error page
        log.warning("Pratinjau %s gagal", document.file.name, exc_info=True)
        return None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return None
    header, body = rows[0], rows[1:]
    width = len(header)
    body = [(row + [""] * width)[:width] for row in body]
    return Preview(header, body[:PREVIEW_ROWS], truncated=len(body) > PREVIEW_ROWS)


def resource_preview(resource):
    """The preview of a resource, kept in the cache as long as its file does not change."""
    if resource.document_id is None or resource.format not in ("CSV", "XLSX"):
        return None
    key = f"opendata:preview:{resource.document_id}:{resource.document.file.name}:{resource.format}"
    found = cache.get(key)
    if found is None:
        found = build_preview(resource) or False
        cache.set(key, found, 60 * 60)
    return found or None


def number(value):
    try:
        return float(value.replace(" ", "").replace(",", "."))
    except (ValueError, AttributeError):
        return None


def chart_for(header, rows):
    """Bars of the first numeric column against the first column when that one holds years."""
    if len(rows) < 2 or len(header) < 2:
        return None
    if not all(row[0].strip().isdigit() and 1900 <= int(row[0].strip()) <= 2100 for row in rows):
        return None
    for column in range(1, len(header)):
        values = [number(row[column]) for row in rows]
        if all(value is not None and value >= 0 for value in values) and max(values) > 0:
            break
    else:
        return None
    top = max(values)
    slot = CHART_WIDTH / len(rows)
    bars = []
    for position, (row, value) in enumerate(zip(rows, values, strict=True)):
        height = round(value / top * (CHART_HEIGHT - 40), 1)
        bars.append(
            {
                "x": round(position * slot + slot * 0.15, 1),
                "y": round(CHART_HEIGHT - 20 - height, 1),
                "width": round(slot * 0.7, 1),
                "height": height,
                "label": row[0].strip(),
                "label_x": round(position * slot + slot / 2, 1),
                "value": row[column],
            }
        )
    return {
        "title": header[column],
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "label_y": CHART_HEIGHT - 4,
        "bars": bars,
    }
