"""Shared by every CSV and XLSX export."""


def csv_safe(value):
    """A spreadsheet never runs a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
