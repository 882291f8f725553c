"""CSV and XLSX downloads of a table (the DIP, the service report)."""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # no formula injection into a spreadsheet program
    return value


def table_response(rows, fields, headings, filename, kind):
    """``rows`` (objects with ``fields`` as attributes) as a CSV or XLSX attachment."""
    header = [str(headings[field]) for field in fields]
    values = [[_cell(getattr(row, field)) for field in fields] for row in rows]
    if kind == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(header)
        for line in values:
            sheet.append([str(v) if not isinstance(v, int | float) else v for v in line])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(values)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    return response
