"""Demo reports (a hook of `stimulans demo`): a few reports per pot from several organisations,
mostly submitted, with realistic initiatives so the overview and analysis pages have data.
Idempotent: an organisation's existing report for a pot is left alone."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from stimulans.funds.models import Agreement, Allocation, Pot
from stimulans.organisations.models import Organisation

from . import services
from .models import Report, ReportStatus
from .services.workflow import validate_report

DEADLINE_2020 = datetime.date(2021, 3, 31)

# Organisations that report in the demo, per recipient kind (codes).
DEMO_ORGANISATIONS = {
    "municipality": ["0180", "0127", "0380", "1480", "1280", "2480", "0580"],
    "region": ["01", "03", "14", "12", "24"],
    "county": ["01", "03", "14", "12", "24"],
}

# Initiatives per category slug: (title, activities, goals, outputs, effects, measurement).
# An empty effect means the initiative reported no effect yet.
INITIATIVES = {
    "mobila-digitala-insatser": [
        (
            "Mobilt psykiatriskt team för unga vuxna",
            "Ett mobilt team med två sjuksköterskor och en kurator startades och besöker unga "
            "vuxna med psykisk ohälsa i hemmet efter utskrivning.",
            "Färre återinläggningar och snabbare kontakt efter utskrivning.",
            "312 hembesök till 74 personer under året.",
            "Andelen som återinlades inom 30 dagar minskade från 21 till 14 procent.",
            "Återinläggningar inom 30 dagar jämfördes med 2019 ur patientadministrativt system.",
        ),
        (
            "Digitala vårdbesök i öppenvårdspsykiatrin",
            "Videobesök infördes på tre mottagningar; personalen utbildades i digitala "
            "samtal och rutiner för säker inloggning togs fram.",
            "Ökad tillgänglighet för patienter som har långt till mottagningen.",
            "1 450 digitala besök; rutin för videobesök antagen.",
            "Färre uteblivna besök på de tre mottagningarna.",
            "",
        ),
        (
            "Mobil krisverksamhet för barn och unga",
            "Ett mobilt team från BUP och socialtjänsten rycker ut vid akuta kriser hos barn och "
            "unga, även kvällar och helger.",
            "Barn i akut kris ska få hjälp hemma i stället för på akutmottagningen.",
            "180 utryckningar under året.",
            "Färre besök på barnpsykiatrisk akutmottagning från upptagningsområdet.",
            "Besöksstatistik från akutmottagningen jämförd med 2019.",
        ),
    ],
    "verksamhetsutveckling": [
        (
            "Gemensam mottagningsfunktion för vuxna med psykisk ohälsa",
            "En gemensam ingång för socialtjänst och psykiatri inrättades med telefontid "
            "varje vardag och gemensam bedömning.",
            "Kortare väntetid till första bedömning och färre som hänvisas mellan huvudmän.",
            "Telefontid 08–16 alla vardagar; 620 samtal under hösten.",
            "Väntetiden till första bedömning kortades från sex till tre veckor.",
            "Väntetid mätt i verksamhetssystemet före och efter starten.",
        ),
        (
            "Stegvis vårdmodell i elevhälsan",
            "Elevhälsans arbetssätt gicks igenom och en stegvis modell för tidiga insatser "
            "vid psykisk ohälsa infördes på fyra skolor.",
            "Elever med lindrig psykisk ohälsa ska få stöd tidigt i skolan.",
            "Modell och rutin framtagna; fyra skolor arbetar enligt modellen.",
            "",
            "",
        ),
        (
            "Boendestöd med återhämtningsinriktning",
            "Boendestödet arbetade om sina rutiner utifrån en återhämtningsinriktad modell med "
            "gemensamma mål som brukaren formulerar.",
            "Brukarna ska få stöd som utgår från deras egna mål.",
            "Ny rutin; 60 brukare har egna mål i sin genomförandeplan.",
            "Fler brukare anger att stödet hjälper dem att nå sina mål.",
            "Uppföljningssamtal med brukarna två gånger under året.",
        ),
        (
            "Tidiga samordnade insatser för barn och unga",
            "Skola, socialtjänst och barnhälsovård prövade en gemensam arbetsmodell för att fånga"
            " upp barn med begynnande psykisk ohälsa.",
            "Barn och unga ska få stöd innan problemen växer.",
            "Modellen prövas i två skolområden; 35 barn fick samordnat stöd.",
            "",
            "",
        ),
        (
            "Digital egenvård och stöd för lindrig psykisk ohälsa",
            "Internetbaserade självhjälpsprogram med stöd av behandlare erbjöds via "
            "vårdcentralerna.",
            "Personer med lindrig ångest och depression ska få stöd snabbt.",
            "280 personer påbörjade ett program; fyra behandlare utbildade.",
            "De flesta som fullföljde programmet skattade lägre symtom efteråt.",
            "Symtomskattning (PHQ-9 och GAD-7) före och efter programmet.",
        ),
    ],
    "kunskap-kompetens": [
        (
            "Utbildning i första hjälpen till psykisk hälsa",
            "Instruktörer utbildades och höll kurser i första hjälpen till psykisk hälsa för "
            "personal i socialtjänst, skola och vård.",
            "Personal ska känna igen tecken på psykisk ohälsa och veta hur de kan hjälpa.",
            "14 kurser med 236 deltagare.",
            "Deltagarna skattade sin förmåga att bemöta personer med psykisk ohälsa högre "
            "efter kursen.",
            "Enkät före och efter kursen (svarsfrekvens 81 procent).",
        ),
        (
            "Kompetenslyft i lågaffektivt bemötande",
            "Personal på boenden och i daglig verksamhet gick en utbildning i lågaffektivt "
            "bemötande med handledning efteråt.",
            "Färre konflikter och hot i verksamheterna.",
            "6 utbildningstillfällen, 95 deltagare, handledning en gång i månaden.",
            "Personalen beskriver ett lugnare klimat på boendena.",
            "",
        ),
        (
            "Utbildning i suicidprevention för skolpersonal",
            "Elevhälsans personal och lärare på högstadiet gick en halvdagsutbildning i att "
            "upptäcka och samtala om suicidtankar (YAM och Ung Pluss).",
            "Skolpersonal ska våga fråga om suicidtankar och veta vart eleven kan hänvisas.",
            "9 utbildningstillfällen med 184 deltagare från 12 skolor.",
            "Fler elever hänvisades till elevhälsan under hösten än året innan.",
            "Elevhälsans ärendestatistik jämförd med hösten 2019.",
        ),
        (
            "Webbutbildning om psykisk ohälsa hos äldre",
            "En webbutbildning om depression, ångest och ensamhet hos äldre togs fram för "
            "hemtjänst och särskilt boende.",
            "Personal i äldreomsorgen ska känna igen psykisk ohälsa och veta hur de ska agera.",
            "Webbutbildningen är genomförd av 540 medarbetare.",
            "",
            "",
        ),
        (
            "Kompetensstöd till socialtjänstens barn- och ungdomsenhet",
            "Socialsekreterare fick handledning och en utbildningsserie om psykisk ohälsa och "
            "neuropsykiatriska funktionsnedsättningar hos barn.",
            "Bättre bedömningar och rätt insats för barn med psykisk ohälsa.",
            "Åtta utbildningstillfällen och handledning varannan vecka.",
            "Socialsekreterarna anger att de känner sig säkrare i bedömningarna.",
            "Enkät till deltagarna efter utbildningsserien.",
        ),
    ],
    "metod-kunskapsutveckling": [
        (
            "Införande av Komet för föräldrar",
            "Två gruppledare utbildades och föräldragrupper enligt Komet startades i samarbete "
            "med kommunerna.",
            "Föräldrar till barn med utagerande beteende ska få stöd i föräldraskapet.",
            "Fyra grupper med 38 föräldrar.",
            "Föräldrarna rapporterade färre konflikter hemma efter avslutad grupp.",
            "Formulär om barnets beteende före och efter gruppen.",
        ),
    ],
    "uppfoljning-utvardering-analys": [
        (
            "Uppföljning av väntetider inom BUP",
            "Ett månatligt underlag om väntetider och vårdgarantin togs fram och följdes upp "
            "i ledningsgruppen.",
            "Ledningen ska kunna styra mot kortare väntetider med aktuella data.",
            "Tolv månadsrapporter; analys av orsaker till långa väntetider.",
            "Resurser flyttades till utredning där väntetiderna var längst.",
            "",
        ),
        (
            "Behovsanalys av ungas psykiska hälsa",
            "En analys av enkätdata, vårdstatistik och intervjuer med unga togs fram som underlag"
            " för den lokala handlingsplanen.",
            "Insatserna ska riktas dit behoven är störst.",
            "Rapport med behovsanalys; presenterad för tre nämnder.",
            "Två nya insatser prioriterades i handlingsplanen utifrån analysen.",
            "",
        ),
        (
            "Utvärdering av samverkansrutin för utskrivning",
            "Rutinen för samordnad utskrivning från psykiatrisk slutenvård följdes upp med "
            "journalgranskning och intervjuer.",
            "Ingen ska skrivas ut utan att uppföljningen är planerad.",
            "Granskning av 45 utskrivningar; förslag på ändringar i rutinen.",
            "",
            "",
        ),
    ],
    "samverkan-samarbete": [
        (
            "Samverkan mellan ungdomsmottagning och elevhälsa",
            "Ungdomsmottagningens kuratorer har regelbundna träffar med elevhälsan och "
            "öppna tider på gymnasieskolorna.",
            "Unga ska hitta rätt stöd snabbare och slussas mindre mellan verksamheter.",
            "Öppen mottagning på tre gymnasieskolor varje vecka; 410 besök.",
            "Fler unga söker stöd tidigt, särskilt pojkar.",
            "Besöksstatistik per kön jämfört med 2019.",
        ),
    ],
    "okad-tillganglighet": [
        (
            "Utökade öppettider och chatt på ungdomsmottagningen",
            "Kvällsöppet två dagar i veckan och chatt med kurator infördes.",
            "Unga ska kunna få kontakt när det passar dem.",
            "Kvällsmottagning 96 kvällar; 1 120 chattsamtal.",
            "Fler unga i åldern 20–24 år har sökt ungdomsmottagningen.",
            "Besöksstatistik per åldersgrupp.",
        ),
    ],
    "nya-samverkansformer": [
        (
            "Integrerat team för personer med samsjuklighet",
            "Ett team med personal från regionens beroendevård och kommunens socialtjänst "
            "arbetar med gemensamma ärenden enligt en gemensam rutin.",
            "Personer med missbruk och psykisk sjukdom ska få samordnade insatser.",
            "Gemensam rutin antagen; teamet har 45 aktiva ärenden.",
            "Klienterna har färre akuta kontakter med psykiatrin.",
            "",
        ),
    ],
    "andra-utvecklingsarbeten": [
        (
            "Kartläggning av behov hos personer med samsjuklighet",
            "En kartläggning gjordes i socialtjänst och psykiatri av hur många som har "
            "samsjuklighet och vilka insatser de får.",
            "Underlag för planering av gemensamma insatser.",
            "Rapport med kartläggning av 310 personer.",
            "",
            "",
        ),
        (
            "Förstudie om stöd till anhöriga",
            "Anhöriga till personer med psykisk ohälsa intervjuades om vilket stöd de saknar.",
            "Ett anhörigstöd som svarar mot anhörigas behov.",
            "Förstudie med 22 intervjuer och förslag till anhörigstöd.",
            "",
            "",
        ),
    ],
    "sip": [
        (
            "Fler och bättre samordnade individuella planer",
            "SIP-samordnare anställdes och höll utbildningar och stöd i att kalla till och "
            "genomföra SIP-möten.",
            "Fler personer med behov av insatser från flera huvudmän ska få en SIP.",
            "Antalet SIP ökade från 140 till 260; 12 utbildningstillfällen.",
            "Brukarna anger i större utsträckning att de varit delaktiga i sin plan.",
            "Uppföljningsenkät till brukare efter SIP-möte.",
        ),
    ],
    "vip-nationella-riktlinjer": [
        (
            "Införande av vård- och insatsprogrammet för adhd",
            "Rutiner i psykiatrin och kommunernas verksamheter sågs över mot programmet och "
            "en gemensam utredningsprocess togs fram.",
            "Personer med adhd ska få utredning och insatser enligt bästa tillgängliga kunskap.",
            "Gemensam processbeskrivning; utbildning för 120 medarbetare.",
            "Utredningarna följer processen på fem av sju enheter.",
            "Journalgranskning av 60 utredningar.",
        ),
        (
            "Införande av riktlinjerna för depression och ångest",
            "Vårdcentralerna gick igenom sina arbetssätt mot Socialstyrelsens riktlinjer och "
            "införde strukturerade bedömningar.",
            "Patienter med depression och ångest ska få vård enligt riktlinjerna.",
            "Rutin och bedömningsstöd på 14 vårdcentraler.",
            "Fler patienter erbjöds psykologisk behandling som första insats.",
            "Uppgifter ur journalsystemet före och efter införandet.",
        ),
    ],
    "patientsakerhet": [
        (
            "Suicidriskbedömning enligt strukturerad rutin",
            "En rutin för strukturerad suicidriskbedömning infördes och personalen utbildades.",
            "Alla patienter med förhöjd risk ska ha en dokumenterad bedömning och vårdplan.",
            "Rutin antagen; 210 medarbetare utbildade.",
            "Andelen patienter med dokumenterad bedömning ökade till 88 procent.",
            "Journalgranskning två gånger under året.",
        ),
        (
            "Säkrare läkemedelshantering i psykiatrin",
            "Läkemedelsgenomgångar infördes för patienter med många läkemedel i den psykiatriska "
            "öppenvården.",
            "Färre läkemedelsrelaterade problem hos patienterna.",
            "320 läkemedelsgenomgångar.",
            "",
            "",
        ),
    ],
    "systematisk-uppfoljning": [
        (
            "Lokala kvalitetsregister i socialpsykiatrin",
            "Uppföljning av boendestöd med standardiserade frågor till brukare infördes.",
            "Verksamheten ska kunna följa om insatserna leder till förbättring för brukarna.",
            "Uppföljningsfrågor används i 80 procent av ärendena.",
            "",
            "",
        ),
        (
            "Uppföljning av insatser i socialpsykiatrin med brukarenkät",
            "En årlig brukarenkät infördes i boendestöd och sysselsättning.",
            "Brukarnas erfarenheter ska styra utvecklingen av insatserna.",
            "Enkäten besvarades av 210 brukare.",
            "Resultaten ledde till ändrade öppettider i sysselsättningen.",
            "",
        ),
    ],
    "annat-forbattringsarbete": [
        (
            "Förbättringsarbete med brukarrevision",
            "Brukarrevisorer från en brukarorganisation granskade två verksamheter och "
            "verksamheterna tog fram handlingsplaner.",
            "Verksamheterna ska utvecklas utifrån brukarnas erfarenheter.",
            "Två brukarrevisioner och två handlingsplaner.",
            "Rutiner för bemötande ändrades på båda boendena.",
            "",
        ),
        (
            "Förbättringsarbete för kortare väntan på LSS-beslut",
            "Handläggningen av ansökningar om insatser för personer med psykisk "
            "funktionsnedsättning kartlades och förenklades.",
            "Kortare väntan på beslut.",
            "Ny handläggningsrutin.",
            "Handläggningstiden kortades från tolv till sju veckor.",
            "Handläggningstider ur verksamhetssystemet.",
        ),
    ],
    "samverkan": [
        (
            "Överenskommelse med brukar- och anhörigorganisationer",
            "En skriftlig överenskommelse om brukarmedverkan togs fram tillsammans med NSPH "
            "och anhörigföreningar.",
            "Brukar- och anhörigorganisationer ska delta i planering och uppföljning.",
            "Överenskommelse undertecknad; fyra samrådsmöten.",
            "Brukarrepresentanter deltar nu i länets styrgrupp.",
            "",
        ),
    ],
    "samordning-projektledning": [
        (
            "Länssamordnare för suicidprevention",
            "En länssamordnare anställdes och samordnade kommunernas och regionens arbete "
            "med suicidprevention.",
            "Ett samlat och långsiktigt suicidpreventivt arbete i länet.",
            "Länsnätverk med 26 kommuner; fyra nätverksträffar.",
            "",
            "",
        ),
    ],
    "suicidpreventiva-handlingsplaner": [
        (
            "Länsgemensamt handlingsprogram för suicidprevention",
            "Ett handlingsprogram togs fram med kommuner, region, polis och "
            "civilsamhälle, utifrån en analys av suicid i länet.",
            "Gemensamma mål och insatser för att minska antalet suicid i länet.",
            "Handlingsprogram antaget av den politiska samverkansberedningen.",
            "",
            "",
        ),
    ],
    "struktur-ledning-samverkan": [
        (
            "Suicidprevention i krisberedskapen",
            "Rutiner för stöd till efterlevande och för samverkan med räddningstjänst och "
            "polis vid suicid togs fram.",
            "Efterlevande ska få stöd snabbt och samordnat.",
            "Rutin antagen i 10 kommuner.",
            "Efterlevande har fått kontakt med stöd inom en vecka i alla kända fall.",
            "Genomgång av ärenden tillsammans med polisen.",
        ),
    ],
    "traumabehandling-traumastod": [
        (
            "Traumafokuserad behandling för nyanlända",
            "Behandlare utbildades i traumafokuserad KBT och en mottagning för nyanlända med "
            "traumarelaterade besvär öppnades.",
            "Nyanlända med PTSD ska få behandling med evidens.",
            "52 patienter fick behandling; tolkstöd i 70 procent av besöken.",
            "Symtomen minskade för de flesta patienter som fullföljde behandlingen.",
            "Skattningsskala (PCL-5) före och efter behandling.",
        ),
    ],
    "tidiga-forebyggande-insatser": [
        (
            "Stöd i grupp för barn som upplevt våld",
            "Gruppverksamhet för barn som upplevt våld startades tillsammans med kommunerna.",
            "Barnen ska få bearbeta sina upplevelser och må bättre.",
            "Sex grupper med 41 barn.",
            "",
            "",
        ),
    ],
}

MODULE_ANSWERS = {
    "handlingsplaner-mobila": {
        "action_plan_revised": "yes",
        "mobile_target_groups": ["adults", "children"],
        "mobile_description": "Mobila team och videobesök i öppenvården.",
    },
    "barn-unga": {"youth_target_groups": ["13-17", "18-24"], "youth_clinics_count": "4"},
    "samsjuklighet": {"coordination_agreement": "yes", "sip_followed_up": "yes"},
    "god-vard": {"guidelines": ["vip_adhd", "nr_depression"]},
    "brukarmedverkan": {"user_org_agreement": "yes", "user_org_funds": "350000"},
    "suicidprevention": {
        "suicide_plan": "adopted",
        "suicide_plan_adopted": "2020-11-12",
        "suicide_coordinator": "yes",
    },
    "traumavard": {"trauma_target_groups": ["refugees", "children"]},
}


def _initiatives(pot, rng, funds_used, taken=None):
    """2–4 initiatives of the pot's categories; `taken` (a set, updated) holds the titles the
    organisation already reported that year, which it does not report again in another pot."""
    taken = set() if taken is None else taken
    categories = list(pot.categories.all())
    rng.shuffle(categories)
    count = min(len(categories), rng.randint(2, 4))
    rows = []
    budget = funds_used
    for n, category in enumerate(categories[:count]):
        options = INITIATIVES.get(category.slug) or INITIATIVES["verksamhetsutveckling"]
        options = [o for o in options if o[0] not in taken] or options
        title, activities, goals, outputs, effects, measurement = rng.choice(options)
        taken.add(title)
        other_money = n == count - 1 and rng.random() < 0.3
        if other_money:
            funds = rng.randrange(50, 400) * 1000
        elif n == count - 1:
            funds = budget
        else:
            funds = int(budget * rng.uniform(0.3, 0.6)) // 1000 * 1000
            budget -= funds
        measured = bool(effects and measurement)
        rows.append(
            {
                "title": title,
                "category": category.slug,
                "activities": activities,
                "goals": goals,
                "outputs": outputs,
                "effects": effects,
                "effect_level": (
                    ("target_group" if "brukare" in effects or measured else "organisation")
                    if effects
                    else ""
                ),
                "effect_measured": ("yes" if measured else "no") if effects else "",
                "measurement": measurement if measured else "",
                "funds_sek": str(funds),
                "phase": "implemented",
                "within_agreement": "no" if other_money else "yes",
            }
        )
    return rows


def demo_answers(pot, allocation_sek, rng, taken=None):
    used = int(allocation_sek * rng.uniform(0.82, 1.0))
    data = {
        "funds_received_sek": str(allocation_sek),
        "funds_carried_over_sek": "",
        "funds_used_sek": str(used),
        "funds_explanation": (
            "Delar av medlen förs över till 2021 eftersom utbildningar sköts upp under pandemin."
            if used < allocation_sek
            else ""
        ),
        "disruption": rng.choice(["pandemic", "pandemic", "no"]),
        "participation_goals": rng.choice(["yes", "no"]),
        "participation_activities": "yes",
        "participation_description": (
            "Representanter för NSPH och anhörigföreningar deltog i arbetsgruppen och i "
            "uppföljningen av insatserna."
        ),
        "support_needed": rng.choice([["knowledge", "data"], ["networks"], ["data", "training"]]),
        "support_description": "Stöd i att mäta effekter för målgruppen.",
        "attachments": "Handlingsplan 2020 och behovsanalys (publicerade på webbplatsen).",
        "initiatives": _initiatives(pot, rng, used, taken),
    }
    if data["disruption"] != "no":
        data["disruption_description"] = (
            "Utbildningar och gruppverksamhet flyttades till digitala former eller sköts upp "
            "under pandemin."
        )
    data.update(MODULE_ANSWERS.get(pot.part.slug, {}))
    for measure in pot.measures.all():
        name = measure.code.replace(".", "_")
        if measure.code.endswith(".children") or measure.code.endswith("children_seen"):
            data[name] = str(rng.randint(800, 6000))
    for measure in pot.measures.all():
        name = measure.code.replace(".", "_")
        if name not in data:
            total_name = name.replace("within_30_days", "children").replace(
                "seen_within_3_days", "children_seen"
            )
            total = int(data.get(total_name, "1000"))
            data[name] = str(int(total * rng.uniform(0.45, 0.9)))
    return data


@transaction.atomic
def load_demo_reports(users, year=2020):
    """Create the demo reports of `year`; returns the number created."""
    agreement = Agreement.objects.filter(year=year).first()
    if agreement is None:
        return 0
    later = year - 2020  # the dates of a later year are moved as many years
    if agreement.reporting_deadline is None:
        agreement.reporting_deadline = DEADLINE_2020.replace(year=DEADLINE_2020.year + later)
        agreement.save(update_fields=["reporting_deadline"])
    admin = users.get("admin")
    created = 0
    taken = {}  # organisation code and kind -> the titles of its initiatives this year
    for pot in Pot.objects.filter(part__agreement=agreement).select_related("part"):
        codes = DEMO_ORGANISATIONS.get(pot.recipient_kind, [])
        for n, code in enumerate(codes):
            org = Organisation.objects.filter(kind=pot.recipient_kind, code=code).first()
            if org is None or Report.objects.filter(organisation=org, pot=pot).exists():
                continue
            allocation = Allocation.objects.filter(pot=pot, organisation=org).first()
            amount = allocation.amount_sek if allocation else 1_000_000
            seed = f"{pot.part.slug}-{pot.recipient_kind}-{code}" + (f"-{year}" if later else "")
            rng = random.Random(seed)
            report, _c = services.get_or_create_report(org, pot)
            services.save_draft(
                report,
                demo_answers(pot, amount, rng, taken.setdefault((pot.recipient_kind, code), set())),
                None,
                report.version,
                check_permission=False,
            )
            created += 1
            # The demo reporters' own 2020 reports stay drafts so they can be tried out.
            if not later and code in ("0180", "0127") and pot.part.slug == "handlingsplaner-mobila":
                continue  # Botkyrka too has a draft to finish
            if (
                not later
                and code == "01"
                and pot.recipient_kind == "region"
                and pot.part.slug == "traumavard"
            ):
                continue
            if validate_report(report):
                continue
            _mark(report, rng, n, admin, later)
    return created


def _mark(report, rng, n, admin, later=0):
    day = datetime.date(2021 + later, 2, 1) + datetime.timedelta(days=rng.randint(0, 55))
    if n == 3:
        day = datetime.date(2021 + later, 4, 12)  # one late report per pot
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    if n == 1:
        report.status = ReportStatus.APPROVED
        report.approved_at = report.submitted_at + datetime.timedelta(days=20)
        report._history_user = admin
    elif n == 4:
        report.status = ReportStatus.RETURNED
        report.return_comment = (
            "Beskriv vilka effekter insatserna har haft för målgruppen och hur de mättes."
        )
    report.version += 1
    report.save()
