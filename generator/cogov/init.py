"""`cogov init DIR`: a new records project for another OGP member that builds at once.

Writes the folders with one example record each, the builder's settings, the workflows, the
review rules and the guides. Refuses to overwrite anything: every target is checked first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cogov import __version__
from cogov.errors import FileExists
from cogov.messages import t
from cogov.render.escape import yaml_string as q
from cogov.resources import resource


@dataclass(frozen=True)
class NewProject:
    title: str
    country: str | None = None
    member_type: str = "national"
    member_name: str | None = None
    language: str = "en"
    timezone: str = "UTC"
    url: str | None = None
    maintainers: str = "@your-org/maintainers"
    secretariat: str = "@your-org/secretariat"
    cogov_requirement: str = f"cogov=={__version__}"


def _site(p: NewProject) -> str:
    lines = [f"title: {q(p.title)}"]
    if p.country:
        lines.append(f"country: {q(p.country)}")
    lines.append(f"member_type: {p.member_type}")
    if p.member_name:
        lines.append(f"member_name: {q(p.member_name)}")
    lines += [
        f"language: {p.language}",
        f"timezone: {p.timezone}",
        "description: |",
        "  The co-governance records of our open government process: the action plans that",
        "  government and civil society co-create, who sits on the forum, and what it decides.",
        "# contact: {email: ogp@your-ministry.example, url: https://...}",
        "data_license: CC-BY-4.0",
        "# repository: https://github.com/your-org/your-records  (enables edit and history links)",
        f"url: {q(p.url)}"
        if p.url
        else "# url: https://your-org.github.io/your-records/  (the site's address: sitemap, feed, calendars)",
    ]
    return "\n".join(lines) + "\n"


def _mkdocs(p: NewProject) -> str:
    template = (resource("mkdocs.yml")).read_text(encoding="utf-8")
    head, _, _ = template.partition("site_name:")
    body = template[template.index("docs_dir:") :]
    nav_start = body.index("\nnav:") + 1
    nav = (
        "nav:\n  - Home: index.md\n  - Action plans: action-plans/index.md\n  - Meetings: meetings/index.md\n"
        "  - Actions: actions.md\n  - Bodies: bodies/index.md\n  - People: people/index.md\n"
        "  - Organizations: organizations/index.md\n  - Data: data.md\n  - OGP standards: standards/index.md\n"
        "  - About: pages/about.md\n"
    )
    body = body[:nav_start] + nav
    body = body.replace("language: en", f"language: {p.language.split('-')[0]}")
    return f"{head}site_name: {q(p.title)}\nsite_description: {q('Co-governance records: ' + p.title)}\n{body}"


def _records(p: NewProject, today: dt.date) -> dict[str, str]:
    start = today.replace(month=1, day=1).isoformat()
    end = today.replace(year=today.year + 1, month=12, day=31).isoformat()
    day = today.isoformat()
    return {
        "content/site.yml": _site(p),
        "content/organizations/example-ministry.yml": (
            'name: "Example Ministry (replace me)"\nsector: government\n# abbreviation: EXM\n# url: https://...\n'
        ),
        "content/organizations/example-network.yml": (
            'name: "Example Civil Society Network (replace me)"\nsector: civil-society\n'
        ),
        "content/people/example-coordinator.yml": (
            'name: "Example Coordinator"\norganization: example-ministry\nposition: "Open Government Coordinator"\n'
        ),
        "content/people/example-member.yml": 'name: "Example Member"\norganization: example-network\n',
        "content/bodies/forum.yml": (
            'name: "Multi-stakeholder Forum"\ntype: multi-stakeholder-forum\n'
            f"established: {start}\nseats: {{government: 1, civil-society: 1}}\nchair: co-chairs\n"
            "meeting_target_per_year: 4\nmembers:\n"
            f"  - {{person: example-coordinator, role: co-chair, start: {start}}}\n"
            f"  - {{person: example-member, role: co-chair, start: {start}}}\n"
        ),
        "content/action-plans/plan-1/plan.yml": (
            f'title: "First action plan (example)"\nstart: {start}\nend: {end}\nstatus: co-creation\nforum: forum\n'
        ),
        "content/action-plans/plan-1/commitments/example-commitment.md": (
            '---\ntitle: "Example commitment (replace me)"\nlead: example-ministry\nsupporting: [example-network]\n'
            f'status: not-started\nmilestones:\n  - {{title: "First milestone", end: {end}, status: not-started}}\n'
            "---\n\nWhat problem the commitment addresses, and what it will change.\n"
        ),
        f"content/meetings/forum/{day}-constitutive-session.md": (
            f'---\ntitle: "Constitutive session (example)"\ndate: {day}\nstatus: held\nchair: example-coordinator\n'
            "attendance:\n  - {person: example-coordinator, status: present}\n"
            "  - {person: example-member, status: present}\n"
            'decisions:\n  - text: "The forum adopts its rules."\nminutes: draft\n---\n\n## Summary\n\n'
            "Write the minutes here, in Markdown.\n"
        ),
        "content/pages/about.md": (
            "---\ntitle: About this site\norder: 1\n---\n# About this site\n\n"
            "Explain who publishes these records and how the public can take part.\n"
        ),
    }


def _support_files(p: NewProject) -> dict[str, str]:
    contributing = resource("CONTRIBUTING.md").read_text(encoding="utf-8")
    contributing = contributing.split("\n## For maintainers", 1)[0].rstrip() + "\n"
    codeowners = (
        "# Who must review what: the secretariat reviews the records, maintainers the settings.\n"
        f"/content/          {p.secretariat}\n"
        f"/.github/          {p.maintainers}\n/mkdocs.yml        {p.maintainers}\n"
        f"/site_theme/       {p.maintainers}\n/requirements.txt  {p.maintainers}\n"
    )
    readme = (
        f"# {p.title}\n\nCo-governance records published with cogov. Records live in `content/`;\n"
        "[CONTRIBUTING.md](CONTRIBUTING.md) explains how to add minutes, membership changes and progress.\n\n"
        "```sh\npython -m pip install -r requirements.txt\ncogov validate   # check the records\n"
        "cogov serve      # preview the site at http://127.0.0.1:8000\n```\n"
    )
    files = {
        "mkdocs.yml": _mkdocs(p),
        "requirements.txt": f"{p.cogov_requirement}\n",
        ".gitignore": "/build/\n/site/\n.venv/\n__pycache__/\n",
        ".github/CODEOWNERS": codeowners,
        "CONTRIBUTING.md": contributing,
        "README.md": readme,
    }
    for rel in (
        ".github/pull_request_template.md",
        ".yamllint.yml",
        *(f"site_theme/{f.name}" for f in sorted(resource("site_theme").glob("*.html"))),
        *(f"site_theme/assets/{f.name}" for f in sorted(resource("site_theme/assets").glob("*.*"))),
        *(f"site_theme/partials/{f.name}" for f in sorted(resource("site_theme/partials").glob("*.html"))),
        *(f".github/workflows/{f.name}" for f in sorted(resource(".github/workflows").glob("*.yml"))),
    ):
        files[rel] = resource(rel).read_text(encoding="utf-8")
    return files


def init_project(target: Path, project: NewProject, today: dt.date) -> list[Path]:
    """Write the new project; nothing is written if any file already exists."""
    files = {**_records(project, today), **_support_files(project)}
    existing = [rel for rel in files if (target / rel).exists()]
    if existing:
        raise FileExists(t("cli.file_exists", path=target / existing[0]))
    written = []
    for rel, text in sorted(files.items()):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written


__all__ = ["NewProject", "init_project"]
