"""Export of a plan as a Word document (python-docx). No HTTP here."""

from io import BytesIO

from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from stimulans.lib import wordfile
from stimulans.lib.cells import text as _t
from stimulans.lib.numbers import sek

from .contents import document_title, indicator_titles, version_label
from .models import ActivityKind, GoalTerm


def _heading(doc, text, level):
    return doc.add_heading(_t(text), level=level)


def _paragraph(doc, text, style=None):
    """A paragraph of `text`; every text of the document goes through `cells.text`, so that
    characters Word cannot hold never break the export."""
    return doc.add_paragraph(_t(text), style=style)


def _bullets(doc, items):
    for item in items:
        _paragraph(doc, item, style="List Bullet")


def _activity_table(doc, activities, titles):
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    # Mark the first row as the header row (repeated on each page, read as headers).
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    head = table.rows[0].cells
    for cell, text in zip(
        head,
        [_("Aktivitet"), _("Samarbetspartner och målgrupper"), _("Tid"), _("Mål"), _("Status")],
        strict=True,
    ):
        cell.text = _t(text)
    for act in activities:
        row = table.add_row().cells
        title = f"{act.get_kind_display()} {act.number}: {act.title}"
        if act.conditional:
            title += " " + _("(villkorad)")
        if act.description:
            title += "\n" + act.description
        if act.subtasks:
            title += "\n" + "\n".join(f"– {s}" for s in act.subtasks)
        if act.child_participation:
            title += "\n" + _("Barns delaktighet: %(text)s") % {"text": act.child_participation}
        row[0].text = _t(title)
        who = [str(act.get_actor_display())] if act.actor else []
        if act.partners:
            who.append(_("Partner: %(list)s") % {"list": ", ".join(act.partners)})
        if act.target_groups:
            who.append(_("Målgrupper: %(list)s") % {"list": ", ".join(act.target_groups)})
        row[1].text = _t("\n".join(who))
        row[2].text = _t(" – ".join(d.isoformat() for d in (act.starts, act.ends) if d is not None))
        goals = [g.text for g in act.goals.all()]
        if act.indicator_codes:
            names = [titles.get(code, code) for code in act.indicator_codes]
            goals.append(_("Indikatorer: %(list)s") % {"list": ", ".join(names)})
        funds = [f"{f.pot}: {sek(f.amount_sek or 0)} kr" for f in act.funds.all()]
        row[3].text = _t("\n".join(goals + funds))
        row[4].text = _t(str(act.get_status_display()))


def _area(doc, plan, area, level, titles):
    _heading(doc, area.path.split(" › ")[-1], level=level)
    goals = list(area.goals.all())
    for term in (GoalTerm.LONG, GoalTerm.SHORT):
        texts = [g.text for g in goals if g.term == term]
        if texts:
            _paragraph(
                doc, str(_("Långsiktiga mål") if term == GoalTerm.LONG else _("Kortsiktiga mål"))
            ).runs[0].bold = True
            _bullets(doc, texts)
    activities = list(
        plan.activities.filter(area=area).prefetch_related("goals", "funds__pot__part")
    )
    if activities:
        activities.sort(key=lambda a: (ActivityKind.order(a.kind), a.number))
        _activity_table(doc, activities, titles)
    for sub in area.subareas.all():
        _area(doc, plan, sub, min(level + 1, 9), titles)


def build_docx(plan):
    """The plan as a .docx document; returns bytes."""
    status = plan.get_status_display()
    doc = wordfile.new_document(
        document_title(plan),
        [f"{plan.owner_name} – {plan.year}, version {plan.version} ({status})"],
        version_label(plan),
        contents_heading=_("Innehåll"),
        contents_hint=_("Innehållsförteckningen visas när fälten uppdateras (F9)."),
        page_label=_("Sida {page} av {pages}"),
    )
    if plan.purpose:
        _heading(doc, _("Syfte"), level=1)
        _paragraph(doc, plan.purpose)
    if plan.overall_goals:
        _heading(doc, _("Övergripande mål"), level=1)
        _bullets(doc, plan.overall_goals)
    members = list(plan.steering_group.all())
    if members or plan.political_anchor or plan.secretariat or plan.network:
        _heading(doc, _("Organisation"), level=1)
        if members:
            _paragraph(doc, _("Styrgrupp")).runs[0].bold = True
            _bullets(doc, [f"{m.name} ({m.role})" if m.role else m.name for m in members])
        for label, value in (
            (_("Politisk förankring"), plan.political_anchor),
            (_("Sekretariat"), plan.secretariat),
            (_("Samordnarnätverk"), plan.network),
        ):
            if value:
                _paragraph(doc, f"{label}: {value}")
    sections = list(plan.sections.prefetch_related("attachments"))
    if sections:
        _heading(doc, _("Nulägesanalys"), level=1)
        for section in sections:
            _heading(doc, section.title, level=2)
            for paragraph in section.body.split("\n\n"):
                if paragraph.strip():
                    _paragraph(doc, paragraph.strip())
            names = [a.name for a in section.attachments.all()]
            if names:
                _paragraph(doc, _("Bilagor: %(list)s") % {"list": ", ".join(names)})
    _heading(doc, _("Områden, mål och aktiviteter"), level=1)
    titles = indicator_titles()
    for area in plan.areas.filter(parent__isnull=True):
        _area(doc, plan, area, 2, titles)
    decisions = list(plan.decisions.all())
    if decisions or plan.adopted_by:
        _heading(doc, _("Beslut och antagande"), level=1)
        if plan.adopted_by:
            adopted = plan.get_adopted_by_display()
            if plan.adopted_on:
                adopted += f", {plan.adopted_on.isoformat()}"
            _paragraph(doc, _("Antagen av: %(who)s") % {"who": adopted})
        _bullets(doc, [f"{d.decided_on.isoformat()} – {d.body}: {d.text}" for d in decisions])
    participation = list(plan.participations.all())
    if participation:
        _heading(doc, _("Brukar-, patient- och anhörigorganisationers medverkan"), level=1)
        _bullets(
            doc,
            [
                f"{p.organisation} ({p.get_kind_display()}): {p.get_mode_display()}"
                for p in participation
            ],
        )
    if plan.previous_documents:
        _heading(doc, _("Tidigare planer och analyser"), level=1)
        _bullets(doc, [f"{d.get('year')}: {d.get('title')}" for d in plan.previous_documents])
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
