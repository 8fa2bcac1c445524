"""Renderers: turn an assessment (or a pack) into text, Markdown or JSON. No scoring here."""
