"""Evidence packs: one HTML and one PDF per flagged supplier, for a regulator.

Each pack gives the reasons, every source quoted with its document, date and link,
the list editions used, the rules applied and the time of the screening. HTML is
rendered with autoescaping (report text is untrusted); the PDF is drawn with
ReportLab, which needs no browser or system library.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from laborwatch.screen.findings import Quote, ReportRef
from laborwatch.screen.screening import Screening

RULE_TITLES = {
    "caatsa_321b": "CAATSA (Public Law 115-44) section 321(b): goods made with North Korean nationals' labour are presumed forced-labour goods",
    "uflpa": "Uyghur Forced Labor Prevention Act (Public Law 117-78): goods from Xinjiang are presumed forced-labour goods",
}


def _template() -> Any:
    environment = Environment(
        loader=PackageLoader("laborwatch", "screen/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return environment.get_template("pack.html")


def render_pack(run: Any, result: dict[str, Any], template: Any = None) -> str:
    """One stored screened row's evidence pack as HTML (``result`` as stored, by
    this version or an older one)."""
    return _render(run, Screening.from_record(result), template or _template())


def _render(run: Any, screening: Screening, template: Any) -> str:
    return str(template.render(run=run, s=screening.record(), rule_titles=RULE_TITLES))


def write_packs(folder: Path, run: Any, screenings: list[Screening]) -> list[Path]:
    """Write ``NNNN-name.html`` and ``.pdf`` for each screening; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    template = _template()
    written = []
    for screening in screenings:
        stem = f"{screening.row:05d}-{_slug(screening.name) or 'unnamed'}"
        html_path = folder / f"{stem}.html"
        html_path.write_text(_render(run, screening, template), encoding="utf-8")
        pdf_path = folder / f"{stem}.pdf"
        _write_pdf(pdf_path, run, screening)
        written += [html_path, pdf_path]
    return written


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]


def pdf_pack(run: Any, result: dict[str, Any], path: Path) -> bytes:
    """One stored screened row's evidence pack as PDF bytes (written via ``path``)."""
    _write_pdf(path, run, Screening.from_record(result))
    return path.read_bytes()


def _citation(quote: Quote, document: ReportRef) -> str:
    """Where a quote comes from, in one line: report, date, URL, sentence, codes.

    Quotes stored by older versions carry no source: their report's is used."""
    title = quote.title or document.title or document.id
    published = quote.published or document.published
    parts = [f"{title}, {published or 'date unknown'}"]
    url = quote.url or document.url
    if url:
        parts.append(url)
    parts.append(f"sentence {quote.sentence}, characters {quote.start}–{quote.end}")
    parts.append(", ".join(quote.indicators))
    if quote.confidence is not None:
        parts.append(f"confidence {quote.confidence:.2f}")
    return "; ".join(parts)


def _incomplete(run: Any) -> list[Any]:
    """A warning paragraph for a pack from a run that did not complete."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    status = getattr(run, "status", None) or "complete"
    if status == "complete":
        return []
    error = getattr(run, "error", None)
    text = (
        f"From an incomplete screening ({status}): the run stopped before the end "
        "of its input" + (f" ({error})" if error else "") + "."
    )
    return [Paragraph(escape(text), getSampleStyleSheet()["Heading3"])]


def _write_pdf(path: Path, run: Any, screening: Screening) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()

    def para(text: str, style: str = "BodyText") -> Paragraph:
        # ReportLab reads a mini-markup: everything from the data is escaped.
        return Paragraph(escape(text), styles[style])

    story = [
        para(f"Evidence pack: {screening.name or '(no name)'}", "Title"),
        para(
            f"Risk level: {screening.level.upper()} (row {screening.row} of {run.input_name})",
            "Heading2",
        ),
        para(
            f"Screened {run.created_at} by laborwatch, screening {run.id}; input SHA-256 {run.input_checksum}"
        ),
        *_incomplete(run),
        para("Reasons", "Heading2"),
        *[para(f"• {reason}") for reason in screening.reasons],
    ]
    if screening.rules:
        story += [
            para("Rules applied", "Heading2"),
            *[para(RULE_TITLES.get(r, r)) for r in screening.rules],
        ]
    for title, lines in (
        (
            "Sanctions list hits",
            [
                f"{found.caption} — {found.list_id} entry {found.entry_id}, "
                f"score {found.score:.2f}, programmes "
                f"{', '.join(found.programs) or '-'} (screened: {found.screened})"
                for found in screening.sanctions_hits
            ],
        ),
        (
            "US Department of Labor list",
            [
                f"{item.good} from {item.country}: {', '.join(item.labour) or 'derived inputs'}"
                for item in screening.country_good
            ],
        ),
    ):
        if lines:
            story += [para(title, "Heading2"), *[para(line) for line in lines]]
    if screening.evidence:
        story.append(para("Evidence in stored reports", "Heading2"))
        for item in screening.evidence:
            document = item.document
            story.append(
                para(
                    f"{document.title or document.id} ({document.published or 'date unknown'}) "
                    f"{document.url or ''} — document {document.id[:12]}"
                )
            )
            for quote in item.quotes:
                story += [
                    para(f"“{quote.text}”", "Italic"),
                    para(_citation(quote, document)),
                ]
    story += [para("Lists used", "Heading2")]
    story += [
        para(
            f"{item['title']} ({item['id']}), edition {item['published'] or 'unknown'}, sha256 {item['checksum'][:16]}"
        )
        for item in run.lists
    ]
    story.append(Spacer(1, 12))
    SimpleDocTemplate(
        str(path), pagesize=A4, title=f"Evidence pack: {screening.name}"
    ).build(story)
