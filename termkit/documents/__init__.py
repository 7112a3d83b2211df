"""Documents: read any supported file as a stream of Segments.

Takes paths (plain text, Markdown, .docx, HTML, PDF; TSV/CSV, TMX, XLIFF, .sdlxliff, .mqxliff, PO,
TBX bilingual files; or a line-aligned Korean/English pair); gives `Segment`s (path, line, English target, Korean source when
there is one), with Markdown and HTML markup blanked out offset for offset, and inline suppressions.
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "open_document": "formats", "PairedDocument": "formats",
    "file_encoding": "files", "given_encoding": "files", "regular_file": "files",
    "text_encoding": "files",
    "pick_column": "tabular", "csv_record_lines": "tabular",
    "iter_input_files": "walk",
    "blank_markdown": "markup", "suppressions": "markup",
    "SAMPLE": "encoding", "detect_encoding": "encoding:detect",
})
