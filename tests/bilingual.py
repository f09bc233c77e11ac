"""A bilingual copy of the fictional sample (English and French), for the tests of sites in
several languages: the site's title and home text, the Forum, the fifth plan and three of the
Forum's meetings are translated; the rest falls back to English."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

MEETINGS = {
    "2026-05-26-ordinary": "Deuxième séance ordinaire de 2026",
    "2026-09-15-ordinary": "Troisième séance ordinaire de 2026",
    "2026-11-17-ordinary": "Quatrième séance ordinaire de 2026",
}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_bilingual(target: Path) -> Path:
    """A records project at ``target``: the sample, published in English and French."""
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    content = target / "content"
    _replace(content / "site.yml", "language: en\n", "language: en\nlanguages: [fr]\n")
    _replace(
        content / "site.yml",
        "title: Open Government in Arandia\n",
        "title:\n  en: Open Government in Arandia\n  fr: Gouvernement ouvert en Arandia\n",
    )
    site = (content / "site.yml").read_text(encoding="utf-8")
    start = site.index("description: |")
    end = site.index("contact:")
    description = site[start:end].removeprefix("description: |\n")
    english = "".join("  " + line + "\n" if line.strip() else "\n" for line in description.splitlines())
    french = (
        "    Les registres de cogouvernance du gouvernement ouvert d'Arandia : les plans d'action que\n"
        "    le gouvernement et la société civile co-créent dans le Partenariat pour un gouvernement\n"
        "    ouvert, qui siège dans les organes qui les pilotent, et ce qu'ils décident.\n\n"
        "    **Ceci est un exemple fictif.** L'Arandia n'existe pas.\n"
    )
    site = site[:start] + "description:\n  en: |\n" + english + "  fr: |\n" + french + site[end:]
    (content / "site.yml").write_text(site, encoding="utf-8")
    _replace(
        content / "bodies" / "msf.yml",
        "name: Multi-stakeholder Forum\n",
        "name:\n  en: Multi-stakeholder Forum\n  fr: Forum multipartite\n",
    )
    _replace(
        content / "action-plans" / "nap-5" / "plan.yml",
        "title: Fifth National Action Plan 2024-2026\n",
        "title:\n  en: Fifth National Action Plan 2024-2026\n  fr: Cinquième plan d'action national 2024-2026\n",
    )
    for meeting, title in MEETINGS.items():
        path = content / "meetings" / "msf" / f"{meeting}.md"
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[1]
        assert first.startswith("title: "), first
        english = first.removeprefix("title: ")
        _replace(path, first + "\n", f"title:\n  en: {english}\n  fr: {title}\n")
    # The minutes of two of them in French, beside the English; the third has none.
    for meeting in list(MEETINGS)[:2]:
        (content / "meetings" / "msf" / f"{meeting}.fr.md").write_text(
            f"Procès-verbal de la séance ({meeting[:10]}). Le Forum a examiné l'avancement du plan.\n",
            encoding="utf-8",
        )
    return target
