"""careerfix: score an internet-operations career against the five base modules."""

__version__ = "0.1.0"
