"""Pages of a list: ``?pagina=2&per_pagina=100`` (at most 100 a page), with the total count
and links to the next and previous page."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    max_page_size = 100
    page_query_param = "pagina"
    page_query_description = _("The page number, from 1.")
    page_size_query_param = "per_pagina"
    page_size_query_description = _("The number of results a page (at most 100).")
    # DRF's "Invalid page." with the page asked for and Django's reason (both in Dutch).
    invalid_page_message = _("Page {page_number} does not exist: {message}")
