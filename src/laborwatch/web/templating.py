"""The pages' one Jinja environment, with the label filters every template uses."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from laborwatch.web import labels
from laborwatch.web.entities import entity_url

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters.update(
    indicator=labels.indicator_name,
    indicator_wording=labels.indicator_wording,
    place=labels.place_name,
    good=labels.good_name,
    date=labels.date_text,
    facet=labels.facet_value,
    entity_url=entity_url,
)
