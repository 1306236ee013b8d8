"""Build generator/data/demonyms.tsv (demonym -> ISO 3166 country code) from countryinfo.

Build-time only: `pip install countryinfo==1.0.1` (MIT licence; wheel sha256
b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350), then
`python scripts/build_demonyms.py`. Plural forms ("Ukrainians") are
added; a demonym shared by several countries goes to the most populous one.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "demonyms.tsv"
UNCOUNTABLE_ENDINGS = ("ese", "ch", "sh", "s")  # "Chinese", "Dutch", "British", "Swiss"


def main() -> None:
    best: dict[str, tuple[int, str]] = {}
    for path in resources.files("countryinfo").joinpath("data").iterdir():
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        population = int(data.get("population") or 0)
        for demonym in str(data.get("demonym") or "").split(","):
            demonym = demonym.strip()
            if not code or not demonym:
                continue
            forms = [demonym]
            if not demonym.lower().endswith(UNCOUNTABLE_ENDINGS):
                forms.append(demonym + "s")
            for form in forms:
                if form not in best or best[form][0] < population:
                    best[form] = (population, code)
    rows = sorted((form, code) for form, (_, code) in best.items())
    OUT.write_text("demonym\tcountry\n" + "".join(f"{d}\t{c}\n" for d, c in rows), encoding="utf-8")
    print(f"{len(rows)} demonyms -> {OUT}")


if __name__ == "__main__":
    main()
