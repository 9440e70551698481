"""Build the demo's sample PDF report (src/laborwatch/data/sample/reports/*.pdf).

Run with the test extras installed: ``python scripts/build_sample_pdf.py``.
The text is written for the project and is illustrative, not a real report.
"""

import os
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "src/laborwatch/data/sample/reports/garment-workshop-inspection.pdf"
)

PAGE_ONE = [
    "Inspection notes: garment workshops in Gazipur",
    "Auditors visited four garment workshops in Gazipur, near Dhaka, in February 2025 "
    "and interviewed 60 sewing machine operators, most of them women.",
    "Operators said they regularly worked 14-hour shifts in the weeks before a "
    "shipment, and that overtime was compulsory: those who refused were marked "
    "absent and lost a day's pay.",
    "Wages of 12,500 taka a month were paid six weeks late, and workers said "
    "supervisors held back the last month's pay of anyone who resigned.",
]
PAGE_TWO = [
    "The auditors found two girls aged 15 cutting thread in one workshop, where the "
    "fire exit was locked during the shift.",
    "The workshop owners told the auditors that every worker was over 18 and that "
    "overtime was voluntary.",
    "(Illustrative sample written for the laborwatch demo; not a real report.)",
]


def main() -> None:
    # Reproducible bytes, with the report's own date (2025-03-03) as creation date.
    os.environ["SOURCE_DATE_EPOCH"] = "1740960000"
    styles = getSampleStyleSheet()
    story = [Paragraph(PAGE_ONE[0], styles["Title"])]
    story += [Paragraph(text, styles["BodyText"]) for text in PAGE_ONE[1:]]
    story.append(PageBreak())
    story += [Paragraph(text, styles["BodyText"]) for text in PAGE_TWO]
    document = SimpleDocTemplate(
        str(OUTPUT),
        pagesize=A4,
        title="Inspection notes: garment workshops in Gazipur",
        author="laborwatch sample data",
        invariant=1,
    )
    document.build(story)


if __name__ == "__main__":
    main()
