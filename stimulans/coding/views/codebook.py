"""The codebook of a part: read and edited by the analysts, exported and imported as REFI-QDA
(`.qdc`) and Excel."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.reporting.imports import ImportFileError

from ..codebooks import codebook_for, entries_by_dimension, update_entries
from ..exchange import export_qdc, export_xlsx, import_qdc, import_xlsx
from ..forms import CodebookEntryForm, CodebookUploadForm
from ..models import CODEBOOK_DIMENSIONS, Dimension
from .common import CODERS, get_part

FORMATS = {
    "qdc": ("application/xml", export_qdc),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export_xlsx),
}


@role_required(*CODERS)
def codebook(request, year, part):
    part = get_part(year, part)
    book = codebook_for(part)
    if request.method == "POST":
        form = CodebookEntryForm(request.POST)
        if form.is_valid() and form.cleaned_data["dimension"] in CODEBOOK_DIMENSIONS:
            f = form.cleaned_data
            changed = update_entries(
                book,
                {
                    (f["dimension"], f["code"]): {
                        k: f[k]
                        for k in ("title", "definition", "inclusion", "exclusion", "examples")
                    }
                },
                request.user,
            )
            if changed:
                messages.success(request, _("Kodboken är sparad."))
            return redirect("coding:codebook", part.agreement.year, part.slug)
        messages.error(request, _("Koden kunde inte sparas: fyll i en titel."))
    grouped = entries_by_dimension(book)
    sections = [
        (
            Dimension(d).label,
            [
                CodebookEntryForm(
                    initial={
                        "dimension": e.dimension,
                        "code": e.code,
                        **{
                            k: getattr(e, k)
                            for k in ("title", "definition", "inclusion", "exclusion", "examples")
                        },
                    },
                    prefix=f"{e.dimension}-{e.code}",
                )
                for e in grouped[d]
            ],
        )
        for d in CODEBOOK_DIMENSIONS
    ]
    return render(
        request,
        "coding/codebook.html",
        {
            "part": part,
            "agreement": part.agreement,
            "codebook": book,
            "sections": sections,
            "changes": book.changes.select_related("changed_by"),
            "upload": CodebookUploadForm(),
        },
    )


@role_required(*CODERS)
def codebook_export(request, year, part, fmt):
    if fmt not in FORMATS:
        raise Http404
    part = get_part(year, part)
    content_type, export = FORMATS[fmt]
    response = HttpResponse(export(codebook_for(part)), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="kodbok-{part.agreement.year}-{part.slug}.{fmt}"'
    )
    return response


@role_required(*CODERS)
@require_POST
def codebook_import(request, year, part):
    part = get_part(year, part)
    form = CodebookUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Välj en fil."))
        return redirect("coding:codebook", part.agreement.year, part.slug)
    upload = form.cleaned_data["file"]
    data = upload.read()
    importer = import_xlsx if data[:4] == b"PK\x03\x04" else import_qdc
    try:
        changed = importer(codebook_for(part), data, request.user)
    except ImportFileError as exc:
        for error in exc.errors:
            messages.error(request, error)
    else:
        messages.success(
            request, _("Kodboken är importerad: %(n)d koder ändrade.") % {"n": len(changed)}
        )
    return redirect("coding:codebook", part.agreement.year, part.slug)
