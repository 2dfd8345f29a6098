from django.http import HttpResponse

from stimulans.accounts.decorators import role_required

from .. import exports
from ..models import Dialogue, SupportAction
from ..permissions import reads_dialogue_notes
from .common import NATIONAL, NEED_WRITERS
from .needs import ALL_ROLES, visible_needs

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content, name):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(*ALL_ROLES)
def needs_export(request):
    needs, _selected = visible_needs(request)
    return _download(exports.needs_xlsx(needs), "stodbehov.xlsx")


@role_required(*NEED_WRITERS)
def dialogues_export(request):
    dialogues = Dialogue.objects.visible_to(request.user)
    content = exports.dialogues_xlsx(dialogues, reads_dialogue_notes(request.user))
    return _download(content, "dialoger.xlsx")


@role_required(*NATIONAL)
def actions_export(request):
    return _download(exports.actions_xlsx(SupportAction.objects.all()), "atgarder.xlsx")
