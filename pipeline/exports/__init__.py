"""Exports for downstream tools: one row per event group (CSV, Parquet), PLOVER JSON,
ACLED-style CSV, GeoJSON, Parquet tables and a self-contained HTML report.

Everything reads a finished run folder (SPEC §3 JSONL) and never loads the model.
"""
