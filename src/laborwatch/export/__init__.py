"""Stored evidence written in the formats other tools read (docs/export.md)."""
