from django import template

from samenspel.web.history import history_entries

register = template.Library()


@register.inclusion_tag("web/includes/history_panel.html")
def history_panel(obj, limit: int = 20):
    """Who changed what and when, with before and after values: `{% history_panel object %}`."""
    return {"entries": history_entries(obj, limit=limit), "object": obj}
