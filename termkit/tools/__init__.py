"""Tools beside the check: translation scoring and term discovery.

`score_files` takes hypothesis, reference and source texts and gives sacrebleu's BLEU, chrF++ and
TER with terminology accuracy and consistency; `extract_files` takes Korean–English corpora and
gives candidate terms the glossary lacks, written as review stubs by `write_review`.
"""
from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "score_files": "score", "format_score": "score:format_text",
    "ExtractOptions": "extract", "extract_files": "extract", "format_extract": "extract:format_text",
    "review_yaml": "stubs", "write_review": "stubs",
})
