"""The pages' one Jinja environment, with the label filters every template uses."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from laborwatch.web import labels
from laborwatch.web.entities import entity_url

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters.update(labels.FILTERS, entity_url=entity_url)
