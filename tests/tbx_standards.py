"""Validate a TBX file against LTAC-Global's official checks: the core RNG (lxml) and the TBX-Basic DCA Schematron.

The Schematron uses XPath 2 (queryBinding="xslt2"): lxml's isoschematron is XSLT 1 and pyschematron
does not run on this Python, so its asserts are evaluated here with elementpath. Schematron
semantics kept: within a pattern a node is tested by the first rule whose context matches it only;
a rule's context (an XSLT pattern) is evaluated as `//context` from the document node.
The schemas are read from /work/shared/standards/tbx (never shipped); callers skip when absent.
"""
from __future__ import annotations

import os
from pathlib import Path

STANDARDS = Path(os.environ.get("TERMKIT_TBX_STANDARDS", Path(__file__).resolve().parents[2] / "shared" / "standards"
                                / "tbx"))
if not STANDARDS.is_dir():  # the worktrees live next to /work/shared
    STANDARDS = Path("/work/shared/standards/tbx")
RNG = STANDARDS / "TBXcoreStructV03.rng"
SCH = STANDARDS / "TBX-Basic_DCA.sch"
VALID_EXAMPLE = STANDARDS / "Example_Astronomy_DCA_VALID.tbx"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def available() -> bool:
    return RNG.is_file() and SCH.is_file()


def rng_errors(path: Path) -> list[str]:
    """RELAX NG errors of the file against TBXcoreStructV03.rng, one message per error."""
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(RNG)))
    ok = schema.validate(etree.parse(str(path)))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]


def schematron_failures(path: Path) -> list[str]:
    """Failed asserts of TBX-Basic_DCA.sch on the file: 'line: pattern: message' per failing node."""
    from elementpath import XPath2Parser, XPathContext, get_node_tree
    from lxml import etree

    sch = etree.parse(str(SCH)).getroot()
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in sch.iter(f"{{{SCH_NS}}}ns")}
    parser = XPath2Parser(namespaces=namespaces)
    tree = get_node_tree(etree.parse(str(path)))
    failures = []
    for pattern in sch.iter(f"{{{SCH_NS}}}pattern"):
        fired: dict[int, object] = {}  # a node matched by an earlier rule of the pattern is not tested again
        for rule in pattern.iter(f"{{{SCH_NS}}}rule"):
            nodes = [n for n in parser.parse("//" + rule.get("context")).select(XPathContext(tree))
                     if id(n) not in fired]
            fired.update((id(n), n) for n in nodes)  # values keep ids valid
            asserts = [(parser.parse(a.get("test")), " ".join("".join(a.itertext()).split()))
                       for a in rule.iter(f"{{{SCH_NS}}}assert")]
            for node in nodes:
                for test, message in asserts:
                    if not test.boolean_value(test.evaluate(XPathContext(tree, item=node))):
                        elem = getattr(node, "elem", None)
                        if not isinstance(getattr(elem, "tag", None), str):
                            elem = node.parent.elem
                        failures.append(f"{elem.sourceline}: {pattern.get('id')}: {message}")
    return failures
