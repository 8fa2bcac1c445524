"""Validated data: the rules pack, the answers, and the assessment."""
