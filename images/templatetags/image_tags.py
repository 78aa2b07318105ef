"""``{% picture_of image "card" sizes="…" alt=… %}``: a ``<picture>`` in one of the named sizes.

The sizes are in ``images/renditions.py``, so that what a page shows can be made ahead of the
first visitor. Renditions missing when the page is drawn are made within the request's budget
or linked on demand (``images/models.py``). An image whose stored file is missing or cannot be
decoded draws the neutral placeholder (``placeholder=`` names what it is, ``large=True`` for a
page's main photo) and is logged by the model — never a 500 and never a broken image.
"""

import logging

from django import template
from django.template.loader import render_to_string
from wagtail.images.models import Picture, SourceImageIOError

from ..renditions import specs

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def picture_of(image, size: str, placeholder: str = "", large: bool = False, **attrs):
    if not image:
        return ""
    try:
        renditions = image.get_renditions(*specs(size))
    except SourceImageIOError:
        logger.warning("image %s drawn as a placeholder: its file is missing or unreadable", image.pk)
        return render_to_string("components/image_placeholder.html", {"label": placeholder, "large": large})
    return Picture(renditions, attrs)
