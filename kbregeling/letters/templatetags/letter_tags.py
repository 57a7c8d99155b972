"""``{% decision_letters obj "app:besluitbrief" %}``: the letters on a plan, report or licence
with their download links (one query). The page shows it only to those who may see ``obj``."""

from django import template

from ..service import letters_of

register = template.Library()


@register.inclusion_tag("letters/_list.html")
def decision_letters(subject, url_name):
    return {"letters": list(letters_of(subject)), "subject": subject, "url_name": url_name}
