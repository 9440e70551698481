"""The package version, in a module of its own.

Stages (`screen`, `ingest`) and shells (`cli`, `web`) import it from here rather than
from the package root, whose imports pull in the store and the pipeline.
"""

__version__ = "0.27.0"
