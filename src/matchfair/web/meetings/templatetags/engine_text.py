"""Template filters showing what the engines and the site stored, in the reader's language.

``{{ item.stored_reason|engine_text }}`` for one stored message (or an old row's text),
``{{ recommendation.reasons|engine_texts }}`` for a list (then ``|join:"; "`` or a loop).
"""

from django import template

from matchfair.web.stored_text import render, render_all

register = template.Library()
register.filter("engine_text", render)
register.filter("engine_texts", render_all)
