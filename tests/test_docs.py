"""The README stays true to the code: every command, option and problem code is documented."""

from __future__ import annotations

import argparse
import re

from cogov.cli import _parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_in_the_readme() -> None:
    for name, sub in _subcommands().items():
        assert f"cogov {name}" in README, f"`cogov {name}` is not documented"
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"`cogov {name} {option}` is not documented"


def test_every_problem_code_is_in_the_readme() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator" / "cogov").rglob("*.py"))
    codes = set(re.findall(r'"((?:LOAD|SCH|ID|REF|DATE|MEM|ATT|MIN|MD|FILE|SITE|SEAT|PRO|TRN)[0-9]{3})"', source))
    assert codes, "the code pattern found nothing"
    documented = set(re.findall(r"^\| ([A-Z]+[0-9]{3}) \|", README, re.MULTILINE))
    assert codes == documented


def test_readme_links_the_field_reference() -> None:
    assert "(schemas/REFERENCE.md)" in README
    assert (ROOT / "schemas" / "REFERENCE.md").is_file()


def test_quick_start_commands_exist_in_the_makefile() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"make {target} is not a target"


def test_every_message_key_used_exists() -> None:
    from cogov.messages import CATALOGS

    sources = [*(ROOT / "generator" / "cogov").rglob("*.py"), *(ROOT / "generator" / "cogov").rglob("*.j2")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    used = set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z0-9_.\-]*[a-z0-9_])"', text))
    used |= set(re.findall(r'\b_\("([a-z_]+\.[a-z0-9_.\-]*[a-z0-9_])"', text))
    assert used, "the pattern found no key"
    assert sorted(k for k in used if k not in CATALOGS["en"]) == []


def test_every_path_the_makefile_names_exists() -> None:
    """`make snapshots` once ran a test file that did not exist."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    paths = set(re.findall(r"(?<![\w/.])((?:tests|bench|generator|schemas|site_theme)/[\w./-]*[\w])", makefile))
    assert paths, "the Makefile names the files it runs"
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == []
