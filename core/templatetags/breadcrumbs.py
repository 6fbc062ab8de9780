"""The breadcrumb trail every signed-in page shows (issue 17), written once.

    {% load breadcrumbs %}
    {% block breadcrumbs %}{% breadcrumbs %}
      {% crumb "Phong trào thi đua" "campaigns:campaign_list" %}
      {% crumb campaign.title campaign %}
      {% crumb "Đăng ký" %}
    {% endbreadcrumbs %}{% endblock %}

"Trang chủ" comes first by itself (for a signed-in user). Each `{% crumb label target %}` adds one step; the
target is a model instance (its get_absolute_url), a URL name without arguments ("app:name") or a path
("/…", "?…", "#…"). The LAST crumb is the current page: it is never a link and carries aria-current="page".
A crumb with an empty label is left out, so a step can depend on the page (`{% crumb title %}` with no
title); a step given without target (or an empty one) is shown as plain text: a parent the user may not
open. An anonymous visitor (the public pages) gets no "Trang chủ", and no trail on a page without
parent. Crumbs may come from {% if %}, {% for %} and {% include %} inside the block.
Markup: templates/includes/breadcrumbs.html.
"""
from django import template
from django.template.loader import render_to_string
from django.urls import reverse

register = template.Library()

_KEY = "_breadcrumb_trail"


def _url(target):
    if not target:
        return ""
    if not isinstance(target, str):  # an object: its own page, or none
        return target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
    if target.startswith(("/", "?", "#")):
        return target
    return reverse(target)  # a URL name; a wrong one fails loudly, as {% url %} does


class BreadcrumbsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        trail = []
        with context.push({_KEY: trail}):
            self.nodelist.render(context)
        request = context.get("request")
        user = getattr(request, "user", None) or context.get("user")
        if user is not None and user.is_authenticated:
            trail.insert(0, ("Trang chủ", reverse("home")))
        elif len(trail) < 2:  # an anonymous visitor's public page with no parent to go to: nothing to show
            return ""
        *parents, (current, _) = trail
        return render_to_string("includes/breadcrumbs.html", {"parents": parents, "current": current})


@register.tag
def breadcrumbs(parser, token):
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist)


@register.simple_tag(takes_context=True)
def crumb(context, label, target=None):
    """One step of the enclosing {% breadcrumbs %} trail (see the module docstring)."""
    if _KEY not in context:
        raise template.TemplateSyntaxError("{% crumb %} belongs inside {% breadcrumbs %}…{% endbreadcrumbs %}")
    label = str(label or "").strip()
    if label:
        context[_KEY].append((label, _url(target)))
    return ""
