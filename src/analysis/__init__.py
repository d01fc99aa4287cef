"""Measures of how one news article frames its subject: voices, diversity, tone and frames."""
