"""The table reader moved to newsledger.tables (importable without spaCy); this name stays so
code written against the old path still imports. New code imports newsledger.tables."""

from ...tables import data_file, read_json, read_records, read_rows, read_text, read_words

__all__ = ["data_file", "read_json", "read_records", "read_rows", "read_text", "read_words"]
