"""The fictional sample with French added to its English and Spanish, for the tests of sites in
several languages: the site's title and home text, the Forum, the fifth plan and three of the
Forum's meetings are translated (the minutes of two of them); the rest falls back to English."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

MEETINGS = {
    "2026-05-26-ordinary": "Deuxième séance ordinaire de 2026",
    "2026-09-15-ordinary": "Troisième séance ordinaire de 2026",
    "2026-11-17-ordinary": "Quatrième séance ordinaire de 2026",
}


def _after(path: Path, anchor: str, added: str) -> None:
    """Insert ``added`` after the line ``anchor`` (which the sample must hold)."""
    text = path.read_text(encoding="utf-8")
    assert anchor in text, (path, anchor)
    path.write_text(text.replace(anchor, anchor + added, 1), encoding="utf-8")


def make_bilingual(target: Path, prefix_all: bool = False) -> Path:
    """A records project at ``target``: the sample, published in English, Spanish and French
    (English at the site's root and the others under /es/ and /fr/; with ``prefix_all``, every
    language under its prefix)."""
    for name in ("content", "site_theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    content = target / "content"
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    more = "prefix_all_languages: true\n" if prefix_all else ""
    assert "languages: [es]\n" in text
    site.write_text(text.replace("languages: [es]\n", f"languages: [es, fr]\n{more}", 1), encoding="utf-8")
    _after(site, "  es: Gobierno Abierto en Arandia\n", "  fr: Gouvernement ouvert en Arandia\n")
    _after(
        site,
        "    secretaría publica con cogov.\n",
        "  fr: |\n"
        "    Les registres de cogouvernance du gouvernement ouvert d'Arandia : les plans d'action que\n"
        "    le gouvernement et la société civile co-créent dans le Partenariat pour un gouvernement\n"
        "    ouvert, qui siège dans les organes qui les pilotent, et ce qu'ils décident.\n\n"
        "    **Ceci est un exemple fictif.** L'Arandia n'existe pas.\n",
    )
    _after(content / "bodies" / "msf.yml", "  es: Foro Multiactor\n", "  fr: Forum multipartite\n")
    _after(
        content / "action-plans" / "nap-5" / "plan.yml",
        "  es: Quinto Plan de Acción Nacional 2024-2026\n",
        "  fr: Cinquième plan d'action national 2024-2026\n",
    )
    for meeting, title in MEETINGS.items():
        path = content / "meetings" / "msf" / f"{meeting}.md"
        spanish = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  es: "))
        _after(path, spanish + "\n", f"  fr: {title}\n")
    # The minutes of two of them in French, beside the English; the third has none.
    for meeting in list(MEETINGS)[:2]:
        (content / "meetings" / "msf" / f"{meeting}.fr.md").write_text(
            f"Procès-verbal de la séance ({meeting[:10]}). Le Forum a examiné l'avancement du plan.\n",
            encoding="utf-8",
        )
    return target
