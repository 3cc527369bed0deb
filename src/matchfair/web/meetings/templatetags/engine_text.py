"""Template filters showing text the engines stored in the reader's language.

``{{ item.reason|engine_text }}`` for one text, ``{{ recommendation.reasons|engine_texts }}``
for a list (then ``|join:"; "`` or a loop).
"""

from django import template

from matchfair.web.engine_language import all_in_reader_language, in_reader_language

register = template.Library()
register.filter("engine_text", in_reader_language)
register.filter("engine_texts", all_in_reader_language)
