"""A person's own data, from their settings page: the JSON document and its readable PDF."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from matchfair.web.exports.personal_data import export_personal_data
from matchfair.web.exports.personal_data_pdf import personal_data_pdf


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def personal_data_json(request: HttpRequest) -> HttpResponse:
    """Everything held about the person, as ``matchfair-personal-data/1``."""
    document = export_personal_data(user=request.user, way="json")
    content = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()
    return _download(content, "matchfair-personal-data.json", "application/json")


@login_required
def personal_data_pdf_download(request: HttpRequest) -> HttpResponse:
    """The same document laid out for reading, in the person's language."""
    document = export_personal_data(user=request.user, way="pdf")
    return _download(personal_data_pdf(document), "matchfair-personal-data.pdf", "application/pdf")
