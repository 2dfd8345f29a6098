"""Build the 2020 questionnaires (one XLSForm per pot) from the agreement file, at build time.

    .venv/bin/python scripts/build_questionnaires_2020.py [OUT_DIR]

writes `stimulans/reporting/questionnaires/2020/<part-slug>--<recipient-kind>.xlsx` (or into
OUT_DIR). The files
are committed; administrators may edit them in a spreadsheet and upload new versions. Every form
has the common core (funds, disruption, participation, support needed, attachments), the
part's module, and the repeat group `initiatives` that maps onto the Initiative model.
Questions are neutral: they ask what was done, not for good examples.
"""

import sys
from pathlib import Path

import openpyxl
import yaml

ROOT = Path(__file__).resolve().parents[1]
AGREEMENT = ROOT / "stimulans" / "funds" / "data" / "agreement-2020.yaml"
OUT = ROOT / "stimulans" / "reporting" / "questionnaires" / "2020"

COLUMNS = [
    "type",
    "name",
    "label",
    "hint",
    "required",
    "constraint",
    "constraint_message",
    "relevant",
    "instance::prefill",
]
KIND_LABEL = {"region": "regioner", "municipality": "kommuner", "county": "länen"}

YES_NO = [("yes", "Ja"), ("no", "Nej")]
COMMON_CHOICES = {
    "yes_no": YES_NO,
    "disruption": [
        ("no", "Nej"),
        ("pandemic", "Ja, av covid-19-pandemin"),
        ("other", "Ja, av annan störning"),
    ],
    "support": [
        ("knowledge", "Kunskapsstöd och vägledning"),
        ("data", "Stöd i uppföljning och data"),
        ("networks", "Nätverk och erfarenhetsutbyte"),
        ("training", "Utbildning"),
        ("none", "Inget stöd behövs"),
    ],
    "effect_level": [
        ("organisation", "Verksamhetsnivå (t.ex. rutiner, kompetens, samverkan)"),
        ("target_group", "Målgrupp, brukare eller patienter"),
    ],
    "phase": [("planned", "Planerad (inte påbörjad)"), ("implemented", "Genomförd eller pågående")],
    "funding": [
        ("yes", "Med överenskommelsens stimulansmedel"),
        ("no", "Med andra medel"),
    ],
}


def q(type_, name, label, hint="", required="", constraint="", message="", relevant="", prefill=""):
    return [type_, name, label, hint, required, constraint, message, relevant, prefill]


def core():
    return [
        q("begin_group", "funds", "Stimulansmedel"),
        q(
            "integer",
            "funds_received_sek",
            "Erhållna stimulansmedel för året (kr)",
            "Hela kronor.",
            "yes",
            ". >= 0",
            "Beloppet kan inte vara negativt.",
        ),
        q(
            "integer",
            "funds_carried_over_sek",
            "Medel överförda från föregående år (kr)",
            "Lämna tomt om inga medel fördes över.",
            "",
            ". >= 0",
            "Beloppet kan inte vara negativt.",
        ),
        q(
            "integer",
            "funds_used_sek",
            "Använda stimulansmedel under året (kr)",
            "Hela kronor. Räkna inte med arbete som betalats med andra medel.",
            "yes",
            ". >= 0",
            "Beloppet kan inte vara negativt.",
        ),
        q(
            "text",
            "funds_explanation",
            "Förklaring av medelsanvändningen",
            "Krävs om använda medel är fler än erhållna och överförda medel, "
            "och om medel inte har använts.",
        ),
        q("end_group", "", ""),
        q("begin_group", "disruption_group", "Störningar i arbetet"),
        q(
            "select_one disruption",
            "disruption",
            "Påverkades arbetet av covid-19-pandemin eller av någon annan störning?",
            "",
            "yes",
        ),
        q(
            "text",
            "disruption_description",
            "Beskriv hur arbetet påverkades",
            "",
            "yes",
            "",
            "",
            "${disruption} = 'pandemic' or ${disruption} = 'other'",
        ),
        q("end_group", "", ""),
        q("begin_group", "participation", "Brukares, patienters och närståendes delaktighet"),
        q(
            "select_one yes_no",
            "participation_goals",
            "Deltog brukare, patienter, närstående eller deras organisationer när målen "
            "för insatserna togs fram?",
            "",
            "yes",
        ),
        q(
            "select_one yes_no",
            "participation_activities",
            "Deltog brukare, patienter, närstående eller deras organisationer i att utforma "
            "eller genomföra aktiviteterna?",
            "",
            "yes",
        ),
        q(
            "text",
            "participation_description",
            "Beskriv hur de deltog",
            "T.ex. vilka organisationer, i vilka moment och hur ofta.",
            "yes",
            "",
            "",
            "${participation_goals} = 'yes' or ${participation_activities} = 'yes'",
            "yes",
        ),
        q("end_group", "", ""),
        q("begin_group", "support", "Stöd från nationella aktörer"),
        q(
            "select_multiple support",
            "support_needed",
            "Vilket stöd från nationella aktörer behöver ni för det fortsatta arbetet?",
            "Välj ett eller flera alternativ.",
            "yes",
            "not(selected(., 'none') and count-selected(.) > 1)",
            "”Inget stöd behövs” kan inte kombineras med andra alternativ.",
        ),
        q(
            "text",
            "support_description",
            "Beskriv stödbehovet",
            "",
            "",
            "",
            "",
            "not(selected(${support_needed}, 'none'))",
        ),
        q("end_group", "", ""),
        q("begin_group", "attachments_group", "Bilagor"),
        q(
            "text",
            "attachments",
            "Dokument som hör till redovisningen",
            "Ange namn och adress (länk) till t.ex. behovsanalys och handlingsplan, eller bifoga "
            "filerna under Bifogade filer.",
            "",
            "",
            "",
            "",
            "yes",
        ),
        q("end_group", "", ""),
    ]


def initiatives(list_name):
    return [
        q(
            "note",
            "initiatives_note",
            "Redovisa varje insats för sig: vad som gjordes, vad det skulle leda till, vad som "
            "levererades och vilka förändringar som uppnåddes. Beskriv det som gjordes, även "
            "det som inte gick som planerat.",
        ),
        q("begin_repeat", "initiatives", "Insatser", "", "", "", "", "", "yes"),
        q("text", "title", "Insatsens namn", "", "yes"),
        q(f"select_one {list_name}", "category", "Insatskategori", "", "yes"),
        q("text", "activities", "Aktiviteter: vad gjordes?", "", "yes"),
        q("text", "goals", "Mål: vad skulle insatsen uppnå?", "", "yes"),
        q(
            "text",
            "outputs",
            "Prestationer: vad levererades eller togs fram?",
            "T.ex. antal utbildade, framtagna rutiner, antal besök.",
            "${phase} = 'implemented'",
        ),
        q(
            "text",
            "effects",
            "Effekter: vilka förändringar har uppnåtts?",
            "Lämna tomt om inga förändringar kan redovisas ännu.",
        ),
        q(
            "select_one effect_level",
            "effect_level",
            "På vilken nivå uppnåddes effekten?",
            "",
            "yes",
            "",
            "",
            "string-length(${effects}) > 0",
        ),
        q(
            "select_one yes_no",
            "effect_measured",
            "Har effekten mätts?",
            "",
            "yes",
            "",
            "",
            "string-length(${effects}) > 0",
        ),
        q(
            "text",
            "measurement",
            "Hur mättes effekten?",
            "Metod, datakälla och resultat.",
            "yes",
            "",
            "",
            "${effect_measured} = 'yes'",
        ),
        q(
            "integer",
            "funds_sek",
            "Använda medel för insatsen (kr)",
            "Hela kronor.",
            "yes",
            ". >= 0",
            "Beloppet kan inte vara negativt.",
        ),
        q("select_one phase", "phase", "Fas", "", "yes"),
        q("select_one funding", "within_agreement", "Hur finansierades insatsen?", "", "yes"),
        q("end_repeat", "", ""),
    ]


def measures_group(measures):
    rows = [q("begin_group", "measures", "Tillgänglighet i BUP och första linjen")]
    codes = {m["code"] for m in measures}
    for m in measures:
        name = m["code"].replace(".", "_")
        constraint, message = ". >= 0", "Antalet kan inte vara negativt."
        if m["code"].endswith(".within_30_days"):
            total = m["code"].rsplit(".", 1)[0] + ".children"
            if total in codes:
                constraint = f". >= 0 and . <= ${{{total.replace('.', '_')}}}"
                message = "Antalet inom 30 dagar kan inte vara större än det totala antalet."
        if m["code"] == "first_line.seen_within_3_days" and "first_line.children_seen" in codes:
            constraint = ". >= 0 and . <= ${first_line_children_seen}"
            message = "Antalet inom tre dagar kan inte vara större än det totala antalet."
        rows.append(q("integer", name, m["title"], "Antal under året.", "yes", constraint, message))
    rows.append(q("end_group", "", ""))
    return rows


MODULES = {
    "handlingsplaner-mobila": (
        [
            q("begin_group", "module", "Handlingsplaner och mobila lösningar"),
            q(
                "select_one yes_no",
                "action_plan_revised",
                "Reviderades den lokala eller regionala handlingsplanen under året?",
                "",
                "yes",
            ),
            q(
                "select_multiple mobile_groups",
                "mobile_target_groups",
                "Vilka målgrupper har mobila eller digitala arbetssätt riktats till?",
                "",
                "yes",
            ),
            q(
                "text",
                "mobile_description",
                "Vilka mobila eller digitala arbetssätt har införts eller vidareutvecklats?",
                "",
                "yes",
            ),
            q("end_group", "", ""),
        ],
        {
            "mobile_groups": [
                ("children", "Barn och unga"),
                ("adults", "Vuxna"),
                ("older", "Äldre"),
                ("none", "Inga mobila eller digitala arbetssätt"),
            ]
        },
    ),
    "barn-unga": (
        [
            q("begin_group", "module", "Barn och unga"),
            q(
                "select_multiple youth_groups",
                "youth_target_groups",
                "Vilka åldersgrupper riktades insatserna till?",
                "",
                "yes",
            ),
            q(
                "integer",
                "youth_clinics_count",
                "Antal ungdomsmottagningar som fått del av medlen",
                "",
                "",
                ". >= 0",
                "Antalet kan inte vara negativt.",
            ),
            q("end_group", "", ""),
        ],
        {
            "youth_groups": [
                ("0-5", "0–5 år"),
                ("6-12", "6–12 år"),
                ("13-17", "13–17 år"),
                ("18-24", "18–24 år"),
            ]
        },
    ),
    "samsjuklighet": (
        [
            q("begin_group", "module", "Samsjuklighet"),
            q(
                "select_one yes_no",
                "coordination_agreement",
                "Finns en överenskommelse om samverkan mellan region och kommuner för "
                "personer med samsjuklighet?",
                "",
                "yes",
                "",
                "",
                "",
                "yes",
            ),
            q(
                "select_one yes_no",
                "sip_followed_up",
                "Följs användningen av samordnad individuell plan (SIP) upp?",
                "",
                "yes",
            ),
            q("end_group", "", ""),
        ],
        {},
    ),
    "god-vard": (
        [
            q("begin_group", "module", "Kunskapsbaserad vård och omsorg"),
            q(
                "select_multiple guidelines",
                "guidelines",
                "Vilka vård- och insatsprogram eller nationella riktlinjer har arbetet avsett?",
                "",
                "yes",
            ),
            q(
                "text",
                "guidelines_other",
                "Ange vilka andra",
                "",
                "yes",
                "",
                "",
                "selected(${guidelines}, 'other')",
            ),
            q("end_group", "", ""),
        ],
        {
            "guidelines": [
                ("vip_depression", "Vård- och insatsprogram för depression och ångest"),
                ("vip_adhd", "Vård- och insatsprogram för adhd"),
                ("vip_schizophrenia", "Vård- och insatsprogram för schizofreni"),
                ("nr_depression", "Nationella riktlinjer för depression och ångest"),
                ("other", "Annat"),
            ]
        },
    ),
    "brukarmedverkan": (
        [
            q("begin_group", "module", "Brukarmedverkan"),
            q(
                "select_one yes_no",
                "user_org_agreement",
                "Finns en skriftlig överenskommelse med brukar-, patient- eller "
                "anhörigorganisationer?",
                "",
                "yes",
                "",
                "",
                "",
                "yes",
            ),
            q(
                "integer",
                "user_org_funds",
                "Medel som gått till brukar-, patient- eller anhörigorganisationer (kr)",
                "",
                "",
                ". >= 0",
                "Beloppet kan inte vara negativt.",
            ),
            q("end_group", "", ""),
        ],
        {},
    ),
    "suicidprevention": (
        [
            q("begin_group", "module", "Suicidprevention"),
            q(
                "select_one plan_status",
                "suicide_plan",
                "Finns ett länsgemensamt suicidpreventivt handlingsprogram?",
                "",
                "yes",
                "",
                "",
                "",
                "yes",
            ),
            q(
                "date",
                "suicide_plan_adopted",
                "När antogs programmet?",
                "ÅÅÅÅ-MM-DD",
                "",
                "",
                "",
                "${suicide_plan} = 'adopted'",
            ),
            q(
                "select_one yes_no",
                "suicide_coordinator",
                "Finns en samordnare för det suicidpreventiva arbetet i länet?",
                "",
                "yes",
            ),
            q("end_group", "", ""),
        ],
        {
            "plan_status": [
                ("adopted", "Ja, antaget"),
                ("draft", "Under framtagande"),
                ("none", "Nej"),
            ]
        },
    ),
    "traumavard": (
        [
            q("begin_group", "module", "Psykiatrisk traumavård"),
            q(
                "select_multiple trauma_groups",
                "trauma_target_groups",
                "Vilka målgrupper har arbetet riktats till?",
                "",
                "yes",
            ),
            q("end_group", "", ""),
        ],
        {
            "trauma_groups": [
                ("refugees", "Asylsökande och nyanlända"),
                ("children", "Barn och unga"),
                ("adults", "Vuxna"),
                ("staff", "Personal"),
            ]
        },
    ),
}


def build_pot(agreement, part, pot, measures_by_group):
    kind = pot["recipient_kind"]
    list_name = "categories"
    rows = core()
    module_rows, module_choices = MODULES.get(part["slug"], ([], {}))
    rows += module_rows
    pot_measures = [m for g in pot.get("measures") or [] for m in measures_by_group[g]]
    if pot_measures:
        rows += measures_group(pot_measures)
    rows += initiatives(list_name)
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(COLUMNS)
    for row in rows:
        survey.append(row)
    sheet = wb.create_sheet("choices")
    sheet.append(["list_name", "name", "label"])
    choices = dict(COMMON_CHOICES)
    choices.update(module_choices)
    choices[list_name] = [(c["slug"], c["title"]) for c in pot.get("categories", [])]
    for name, items in choices.items():
        for value, text in items:
            sheet.append([name, value, text])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    title = f"Redovisning {agreement['year']}: {part['title']} ({KIND_LABEL[kind]})"
    settings.append([title, f"stimulans_{agreement['year']}_{part['slug']}_{kind}", "2020"])
    return wb


def filename(part_slug, kind):
    return f"{part_slug}--{kind}.xlsx"


def main(out=OUT):
    data = yaml.safe_load(AGREEMENT.read_text(encoding="utf-8"))
    agreement = data["agreement"]
    measures_by_group = data.get("measures") or {}
    out = Path(out)
    out.mkdir(exist_ok=True)
    for part in agreement["parts"]:
        for pot in part["pots"]:
            wb = build_pot(agreement, part, pot, measures_by_group)
            path = out / filename(part["slug"], pot["recipient_kind"])
            wb.save(path)
            print(path)


if __name__ == "__main__":
    main(*sys.argv[1:2])
