"""Rebuild examples/pilot-orkdal: made with the jv commands, then written in from orkdal_content.yaml.

Run from the repository root:  python examples/tools/build_orkdal.py
The result is committed; this script documents (and can repeat) how it was made.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "pilot-orkdal"
CONTENT = HERE / "orkdal_content.yaml"


def jv(*args: str, cwd: Path | None = None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jobbvinner_cli", *args],
        cwd=cwd or TARGET,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"jv {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def yaml_text(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


def set_field(text: str, key: str, value: Any) -> str:
    """Replace one top-level front matter line ``key: …`` (comments included) with a value."""
    rendered = yaml_text({key: value}).rstrip("\n")
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
    if not pattern.search(text):
        raise SystemExit(f"no field {key!r}")
    return pattern.sub(lambda _m: rendered, text, count=1)


def drop_intro_guidance(body: str) -> str:
    """Writers delete the guidance under the title; so do we."""
    return re.sub(r"\n> \*\*Veiledning:\*\*[^\n]*\n(?:>[^\n]*\n)*", "\n", body, count=1)


def fill_sections(text: str, sections: dict[str, str], table: str | None) -> str:
    head, _, rest = text.partition("\n## ")
    parts = ("## " + rest).split("\n## ")
    out = [drop_intro_guidance(head).rstrip("\n") + "\n"]
    for part in parts:
        heading, _, old = part.partition("\n")
        heading = heading.removeprefix("## ")
        title = re.sub(r"^\d+\.\s+", "", heading)
        if "| Delmål |" in old and table is not None:
            body = table
        elif title in sections:
            body = str(sections[title]).strip()
        else:
            raise SystemExit(f"no content for section {title!r}")
        out.append(f"\n## {heading}\n\n{body}\n")
    return "".join(out)


def month_table(scaffolded: str, rows: list[dict[str, Any]]) -> str:
    header = next(line for line in scaffolded.splitlines() if line.startswith("| Delmål |"))
    months = [cell.strip() for cell in header.strip("|").split("|")][3:]
    lines = [
        "| Delmål | Tiltak | Ansvarlig | " + " | ".join(months) + " |",
        "|---|---|---|" + "---|" * len(months),
    ]
    for row in rows:
        marked = {m.lower() for m in row["måneder"]}
        cells = ["x" if m.lower() in marked else "" for m in months]
        lines.append(
            f"| {row['delmål']} | {row['tiltak']} | {row['ansvarlig']} | "
            + " | ".join(cells)
            + " |"
        )
    return "\n".join(lines)


def with_email(member: dict[str, Any], leader: str, slug: str) -> dict[str, Any]:
    """The group leader gets an (invented) address, where `jv remind` sends the reminders."""
    if member["navn"] != leader:
        return member
    plain = member["navn"].lower().translate(str.maketrans({"ø": "o", "æ": "ae", "å": "a"}))
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return {**member, "epost": ".".join(plain.split()) + f"@{slug}.kommune.example.no"}


def main() -> None:
    content = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    pilot = content["pilot"]
    # the attendance lists and evaluations are kept as the project leader keeps them: CSV
    kept = {
        f"{folder}/{path.name}": path.read_bytes()
        for folder in ("oppmote", "evaluering")
        for path in sorted((TARGET / folder).glob("*.csv"))
    }
    if TARGET.exists():
        shutil.rmtree(TARGET)
    samling_args: list[str] = []
    for g in pilot["samlinger"]:
        day = str(g["dato"]) + (f"..{g['til']}" if g.get("til") else "")
        samling_args += ["--samling", day]
    jv(
        "init", str(TARGET), "--name", pilot["navn"], "--region", pilot["region"],
        "--prosjektleder", pilot["prosjektleder"]["navn"], "--epost", pilot["prosjektleder"]["epost"],
        "--no-git", *samling_args, cwd=HERE,
    )  # fmt: skip
    # the example is checked by this repository's CI, not by a workflow of its own
    shutil.rmtree(TARGET / ".github")
    (TARGET / ".pre-commit-config.yaml").unlink()
    for rel, data in kept.items():
        (TARGET / rel).parent.mkdir(exist_ok=True)
        (TARGET / rel).write_bytes(data)

    # pilot.yaml: what init wrote, with the pilot's facts written in.
    data = yaml.safe_load((TARGET / "pilot.yaml").read_text(encoding="utf-8"))
    data["periode"] = pilot["periode"]
    data["mål"] = pilot["mål"]
    data["organisasjon"] = {"prosjekteier": "KS", **pilot["organisasjon"]}
    data["samlinger"] = [{k: v for k, v in g.items() if v is not None} for g in pilot["samlinger"]]
    header = (
        "# pilot.yaml – Jobbvinner Orkdalsregionen (eksempelpilot for jv).\n"
        "# Fakta fra pilotens sluttrapport; navn på personer er oppdiktet.\n"
        "# Fristene er jv sine standardregler: de gir fristene i sluttrapporten (hovedplan\n"
        "# 01.12.2017, fremdriftsplan 2 21.03.2018, statusrapport 2 04.06.2018, sluttrapport\n"
        "# 24.05.2019), og sluttrapporten erstatter statusrapporten før siste samling.\n\n"
    )
    (TARGET / "pilot.yaml").write_text(header + yaml_text(data), encoding="utf-8")

    teams: dict[str, Any] = content["teams"]
    for slug, team in teams.items():
        jv("new-team", team["kommune"], "--gruppeleder", team["gruppeleder"], "--slug", slug)
    for slug, team in teams.items():
        info: dict[str, Any] = {
            "kommune": team["kommune"],
            "gruppeleder": team["gruppeleder"],
            "medlemmer": [with_email(m, team["gruppeleder"], slug) for m in team["medlemmer"]],
            "referansegruppe": team["referansegruppe"],
            "status": team["status"],
        }
        if team.get("trukket"):
            info["trukket"] = team["trukket"]
        info["frister"] = {}
        info["fritak"] = []
        (TARGET / "teams" / slug / "team.yaml").write_text(
            f"# team.yaml – {team['kommune']}\n" + yaml_text(info), encoding="utf-8"
        )

    for slug, team in teams.items():
        hours = team.get("timer", [])
        for doc_id, doc in team["dokumenter"].items():
            kind, _, number = doc_id.partition("-")
            path = TARGET / "teams" / slug / f"{doc_id}.md"
            if not path.exists():
                args = ["scaffold", kind, "--team", slug] + (["--nr", number] if number else [])
                jv(*args)
            text = path.read_text(encoding="utf-8")
            front, _, body = text[4:].partition("\n---\n")
            front = "---\n" + front
            front = set_field(front, "status", "levert")
            front = set_field(front, "levert", doc["levert"])
            front = set_field(front, "effektmål", team["effektmål"])
            if "resultatmål" in doc:
                front = set_field(front, "resultatmål", doc["resultatmål"])
            if kind == "statusrapport" and number and int(number) <= len(hours):
                front = set_field(front, "timer", hours[int(number) - 1])
            if kind == "sluttrapport" and hours:
                front = set_field(front, "timer", hours[-1])
            table = month_table(body, doc["tabell"]) if "tabell" in doc else None
            body = fill_sections(body, doc.get("seksjoner", {}), table)
            path.write_text(front + "\n---\n" + body, encoding="utf-8")

    jv("scaffold", "prosjektplan")
    plan = TARGET / "prosjektplan.md"
    text = plan.read_text(encoding="utf-8")
    front, _, body = text[4:].partition("\n---\n")
    front = set_field("---\n" + front, "status", "levert")
    front = set_field(front, "levert", "2017-10-20")
    plan.write_text(
        front + "\n---\n" + fill_sections(body, content["prosjektplan"]["seksjoner"], None),
        encoding="utf-8",
    )

    chapters = content["rapport"]
    for path in sorted((TARGET / "rapport").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title_line = text.splitlines()[0]
        title = title_line.removeprefix("# ").replace(" {.unnumbered}", "")
        prose = str(chapters[title]).strip()
        # markers placed in the prose stay there; the others go after it
        markers = [m for m in re.findall(r"^<!-- jv:.*-->$", text, re.MULTILINE) if m not in prose]
        path.write_text(
            title_line + "\n\n" + prose + "\n" + "".join(f"\n{m}\n" for m in markers),
            encoding="utf-8",
        )
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
