"""Rules across a team's documents and files: effektmål, due dates and municipality."""

from __future__ import annotations

from jobbvinner_cli.check.context import CheckContext
from jobbvinner_cli.dates import format_date
from jobbvinner_cli.diagnostics import Rule, Severity, Sink
from jobbvinner_cli.pipeline.document import DocFacts

FAMILY = "Sammenheng"

JV401 = Rule(
    "JV401",
    "effektmal-endret",
    Severity.WARNING,
    FAMILY,
    "Effektmålet er et annet enn i hovedplanen.",
    "Effektmålet settes i hovedplanen og følger teamet gjennom hele piloten. Står det noe "
    "annet i et senere dokument, er enten målet endret (skriv det inn i hovedplanen også) "
    "eller dokumentet kopiert fra et annet team. Meldingen viser begge tekstene. Forskjeller "
    "i mellomrom, store og små bokstaver og punktum til slutt teller ikke.",
    "hovedplan.md: effektmål: Ingen ufrivillig deltid\nstatusrapport-1.md: effektmål: "
    "Flere lærlinger",
    "statusrapport-1.md: effektmål: Ingen ufrivillig deltid",
)

JV402 = Rule(
    "JV402",
    "feil-periode",
    Severity.WARNING,
    FAMILY,
    "Perioden i dokumentet stemmer ikke med samlingene.",
    "Perioden regnes fra samlingene i pilot.yaml: fremdriftsplan og statusrapport N gjelder "
    "fra samling N til samling N+1. Er datoene for samlingene endret etter at dokumentet ble "
    "laget, rett periode.fra og periode.til.",
    "periode: {fra: 2018-02-27, til: 2018-06-01}  (samling 3 er 2018-06-14)",
    "periode: {fra: 2018-02-27, til: 2018-06-14}",
)

JV403 = Rule(
    "JV403",
    "feil-frist",
    Severity.WARNING,
    FAMILY,
    "Fristen i dokumentet er en annen enn fristen piloten regner ut.",
    "Fristen i dokumentets felter ble skrevet da dokumentet ble laget. jv regner alltid "
    "fristen på nytt fra pilot.yaml og team.yaml, og bruker den. Rett feltet frist, så "
    "teamet ser riktig frist.",
    "frist: 2018-03-21  (piloten sier 2018-03-20)",
    "frist: 2018-03-20",
)

JV404 = Rule(
    "JV404",
    "feil-kommune",
    Severity.WARNING,
    FAMILY,
    "Kommunen i dokumentet er en annen enn i team.yaml.",
    "Feltet kommune skal være det samme som i teamets team.yaml.",
    "kommune: Fauske  (team.yaml: kommune: Bodø)",
    "kommune: Bodø",
)

JV405 = Rule(
    "JV405",
    "referansegruppe",
    Severity.WARNING,
    FAMILY,
    "Referansegruppen er ikke et annet team i piloten.",
    "Teamene følger hverandre som referansegrupper («trekløver»). Feltet referansegruppe i "
    "team.yaml er mappenavnet til et annet team under teams/, ikke teamet selv.",
    "referansegruppe: bodø   (mappen heter bodo)",
    "referansegruppe: fauske",
)

JV406 = Rule(
    "JV406",
    "teamsammensetning",
    Severity.WARNING,
    FAMILY,
    "Teamet har ikke gruppeleder, leder, tillitsvalgt eller 4–6 medlemmer.",
    "Et kommuneteam har 4–6 personer, med minst én leder med beslutningsmyndighet "
    "(leder: true) og minst én tillitsvalgt (tillitsvalgt: true), og en av dem er "
    "gruppeleder. Team som har trukket seg, sjekkes ikke.",
    "medlemmer:\n  - navn: Kari Nordmann",
    "gruppeleder: Kari Nordmann\nmedlemmer:\n  - {navn: Kari Nordmann, leder: true}\n"
    "  - {navn: Ola Nordmann, tillitsvalgt: true}\n  - {navn: …}\n  - {navn: …}",
)

JV407 = Rule(
    "JV407",
    "frist-pa-fridag",
    Severity.WARNING,
    FAMILY,
    "En frist faller på en lørdag, søndag eller helligdag.",
    "Fristen regnes fra en samling og et antall dager, og kan havne på en helg eller en "
    "norsk helligdag (påske, 17. mai, pinse, jul …). Flytt fristen med frister.unntak i "
    "pilot.yaml (eller frister i team.yaml), eller juster regelen.",
    "frister:\n  unntak:\n    hovedplan: 2019-05-17",
    "frister:\n  unntak:\n    hovedplan: 2019-05-16",
)

RULES = (JV401, JV402, JV403, JV404, JV405, JV406, JV407)


def check_effect_goals(
    ctx: CheckContext, slug: str, facts: dict[str, DocFacts], sink: Sink
) -> None:
    main = facts.get("hovedplan")
    if main is None or not main.effect:
        return

    def norm(text: str) -> str:
        return " ".join(text.split()).strip(" .\"'«»").casefold()

    for doc_id, doc in facts.items():
        if doc_id == "hovedplan" or not doc.effect or norm(doc.effect) == norm(main.effect):
            continue
        sink.document = doc.task.type_name
        sink.add(
            JV401,
            doc.effect_line,
            f"Effektmålet er et annet enn i hovedplanen. Her: «{doc.effect}». Hovedplanen: "
            f"«{main.effect}». Er målet endret, skriv det nye også i hovedplanen; ellers skriv "
            "det som i hovedplanen.",
            path=doc.task.rel,
        )
    sink.document = None


def check_against_team(ctx: CheckContext, facts: DocFacts, sink: Sink) -> None:
    """The due date and municipality a document states, against its team's."""
    task = facts.task
    sink.document = task.type_name
    where = ctx.slot(task.team, task.doc_id)
    if (
        where is not None
        and where.due is not None
        and facts.frist is not None
        and facts.frist != where.due
    ):
        sink.add(
            JV403,
            facts.frist_line,
            f"Fristen i dokumentet er {facts.frist}, men piloten regner fristen til "
            f"{format_date(where.due)} ({where.due}), og jv bruker den. Skriv "
            f"«frist: {where.due}».",
        )
    info = ctx.teams.get(task.team) if task.team is not None else None
    team = info.team if info is not None else None
    if (
        team is not None
        and facts.kommune is not None
        and " ".join(facts.kommune.split()).casefold() != " ".join(team.kommune.split()).casefold()
    ):
        sink.add(
            JV404,
            facts.kommune_line,
            f"Kommunen er «{facts.kommune}», men team.yaml sier «{team.kommune}». Skriv "
            f'«kommune: "{team.kommune}"».',
        )
