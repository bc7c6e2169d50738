"""The self-contained HTML report (`python -m pipeline report OUT`)."""
