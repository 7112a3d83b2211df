"""TK301: one concept rendered in two or more approved ways in one document."""
from __future__ import annotations

from ..matching import EN_APPROVED, fold_key
from ..model import APPROVED
from .base import ValueCounts, approved, finding, label
from .registry import rule


def _attribute(hit, ctx):
    """(concept, rendering key) a hit renders, if it is an approved, attributable rendering that can conflict."""
    if hit.evidence or hit.context:
        return _attribute_uncached(hit, ctx)
    memo = ctx.memo.setdefault("TK301", {})
    got = memo.get(hit.key, memo)
    if got is memo:  # without a gloss or a source, the answer depends on the key alone
        got = memo[hit.key] = _attribute_uncached(hit, ctx)
    return got


def _attribute_uncached(hit, ctx):
    ok = [e for e in ctx.entries(hit, "en") if e.status in APPROVED]
    if not ok:
        return None
    proven = [e for e in ok if ctx.proven(hit, e.concept)]
    if proven:
        ok = proven
    elif len({e.concept for e in ok}) > 1:
        return None  # ambiguous without a gloss or a source
    e = ok[0]
    keys = rendering_keys(ctx, e.concept)
    if ctx.concept(e.concept).type == "person" or keys.get(e.form) is None:
        return None  # a short form: one rendering with every other
    # A concept with one listed rendering still counts: a variant of it may be written beside it.
    return e.concept, _variant_key(ctx, hit, e.form) or keys[e.form]


def _variant_key(ctx, hit, form: str) -> str | None:
    """The rendering key of what the text wrote, when it is an unlisted variant of the form that differs
    from it in more than case, number, articles or word order: the other spelling ('Organisation' for
    'Organization'), a compound closed, a linking word. A document that writes a name both ways is
    inconsistent, though each spelling alone is fine (a British text writes 'Organisation' throughout)."""
    from ..matching import english_keys

    if fold_key(hit.found) in english_keys(form):
        return None
    own = rendering_key(hit.found)
    if own == rendering_key(form):
        return None
    ctx.memo.setdefault("TK301-written", {}).setdefault(own, hit.found)
    return own


def rendering_keys(ctx, ci) -> dict:
    """A concept's approved forms → what makes them one rendering (None: a short form, one with every other)."""
    memo = ctx.memo.setdefault("rendering_keys", {})
    got = memo.get(ci)
    if got is None:
        c = ctx.concept(ci)
        forms = approved(c)
        short = set(c.short_forms) | {f for f in forms if _acronym_of(f, forms) or _abbreviates(f, forms)}
        got = memo[ci] = {f: None if f in short else rendering_key(f) for f in forms}
    return got


_ARTICLES = {"the", "a", "an"}


def rendering_key(form: str) -> str:
    """What two renderings must differ in to be two: not case, number, articles or 'Y of X' against 'X Y'.

    'Teachers Training College' and 'teacher training colleges' are one rendering; so are 'Standing
    Committee of the Supreme People's Assembly' and 'Supreme People's Assembly Standing Committee'.
    """
    words = [_singular(w) for w in (fold_key(form) + " ").replace("'s ", " ").replace("' ", " ").split()
             if w not in _ARTICLES]
    if "of" in words:  # Y of X -> X Y
        i = words.index("of")
        words = words[i + 1:] + words[:i]
    return " ".join(words)


def _singular(word: str) -> str:
    word = word.rstrip("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _acronym_of(form: str, forms) -> bool:
    """An all-capitals form that spells the initials of another approved form's words (UAWK)."""
    if not (form.isupper() and form.isalpha() and 2 <= len(form) <= 8):
        return False
    for other in forms:
        initials = "".join(w[0] for w in other.replace("-", " ").split() if w[:1].isupper())
        if other != form and initials == form:
            return True
    return False


def _abbreviates(form: str, forms) -> bool:
    """A form that is another approved form with a run of its capitalised words written as their initials:
    'UN Security Council' for 'United Nations Security Council', 'SPA Standing Committee' for
    'Supreme People's Assembly Standing Committee'. The rest of the words must be the same."""
    words = form.replace("-", " ").split()
    caps = [k for k, w in enumerate(words) if w.isupper() and w.isalpha() and 2 <= len(w) <= 8]
    if not caps:
        return False
    for other in forms:
        theirs = other.replace("-", " ").split()
        for k in caps:
            head, acronym, tail = words[:k], words[k], words[k + 1:]
            if theirs[:k] != head or len(theirs) - len(tail) - k < 2 or (tail and theirs[-len(tail):] != tail):
                continue
            run = theirs[k:len(theirs) - len(tail)]
            if "".join(w[0] for w in run if w[:1].isupper()) == acronym and run[0][:1].isupper():
                return True
    return False


@rule("TK301", "inconsistent-rendering", "warning", needs=EN_APPROVED)
class InconsistentRendering:
    """One concept rendered two or more ways in one document.

    Why: even where each rendering is acceptable, a reader takes two renderings for two concepts.
    Every occurrence of a less frequent rendering is reported, naming where the dominant one is
    used and the glossary's preferred form (ties go to the preferred form). Persons are left to
    TK502. A rendering counts for a concept when a gloss names the concept, when (in a bilingual
    file) the source segment has the concept, or when it renders no other concept. In bilingual
    files this is "inconsistency in target" at term level.

    Not flagged, and why — one rendering, not two:
    - forms that differ only in case, number, articles or a possessive, or as 'Y of X' and 'X Y'
      ('Teachers Training College' / 'teacher training colleges'; 'Standing Committee of the Supreme
      People's Assembly' / 'Supreme People's Assembly Standing Committee'). A form written in the
      other spelling ('Organisation' for 'Organization'), closed up or with another linking word is
      its own rendering here: one spelling throughout is fine, both in one document are reported;
    - a short form beside the full name: the glossary's `short_forms` ('SPA Standing Committee',
      'Foreign Ministry', 'Politburo'), any all-capitals form spelling the initials of an approved
      form ('UAWK'), and an approved form with a run of another's capitalised words written as their
      initials ('UN Security Council' / 'United Nations Security Council'; 'Chairman of the WPK'),
      the usual ways a text abbreviates a name after its first mention;
    - a form inside a longer name or title, a form mentioned rather than used, and a form in a cited
      source — a reference entry, a quoted title, a URL (see TK101): another state's ministry named
      in a reference entry is no rendering choice of the author;
    - a form inside a quotation of someone's words (double quotation marks around it and three more
      words or more): the quoted source chose it, so it neither counts nor is reported; a quoted term
      alone ('the "frontal breakthrough"') is still the author's;
    - the names a thing goes by, listed after 'known as', 'referred to as', 'also called', 'dubbed'
      ('the bureau, commonly referred to as Office 39 or Room 39'): the author lists its names, and
      chooses none of them;
    - a form approved for two concepts without a gloss or source to say which, and persons.

    Okay: The frontal breakthrough was declared in 2019 and the frontal breakthrough went on.
    Okay: The SPA Standing Committee met, and the Standing Committee of the Supreme People's Assembly adopted the law.
    Okay: The Union of Agricultural Workers of Korea (UAWK) met, and UAWK officials toured farms.
    Okay: The United Nations Security Council met at noon, and the UN Security Council voted at six.
    Okay: The envoy promised "a frontal breakthrough that nobody can stop", and the head-on breakthrough went on.
    Okay: The Teachers Training College opened, and two more teacher training colleges followed.
    Okay: The trading arm, better known as Office 39 or Room 39, earns currency; Office 39 reports to the party.
    Okay: The Organisation and Guidance Department met; the Organisation and Guidance Department ruled.
    TK301: The frontal breakthrough was declared in 2019 and the head-on breakthrough went on.
    TK301: The Organization and Guidance Department met twice; the Organisation and Guidance Department ruled.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.renderings = ValueCounts(keep_lines=6)  # concept -> glossary form (casefolded)
        self.dominant: dict[int, str] = {}

    def count(self, seg):
        for hit in seg.hits:
            got = _attribute(hit, self.ctx)
            if got and not self.ctx.not_a_use(seg, hit, got[0], counting=True):
                self.renderings.add(got[0], got[1], hit.line)

    def ready(self) -> bool:
        for ci, counts in self.renderings.conflicts().items():
            keys = rendering_keys(self.ctx, ci)
            order = [keys[t.form] for t in self.ctx.concept(ci).terms if t.form in keys]
            self.dominant[ci] = min(counts, key=lambda f: (-counts[f], order.index(f) if f in order else len(order)))
        return bool(self.dominant)

    def report(self, seg):
        for hit in seg.hits:
            got = _attribute(hit, self.ctx)
            if not got or got[0] not in self.dominant or got[1] == self.dominant[got[0]]:
                continue
            if self.ctx.not_a_use(seg, hit, got[0], counting=True):
                continue
            ci, dom = got[0], self.dominant[got[0]]
            c = self.ctx.concept(ci)
            lines = self.renderings.lines[(ci, dom)]
            where = ", ".join(str(n) for n in lines[:5]) + (", …" if len(lines) > 5 else "")
            keys = rendering_keys(self.ctx, ci)
            dom_form = next((f for f, k in keys.items() if k == dom), None) or self.ctx.memo["TK301-written"][dom]
            yield finding(hit, "TK301", "warning",
                          f"'{hit.found}' renders {label(c)}, which this document also renders "
                          f"'{dom_form}' (line {where}); preferred: '{c.preferred}'", c, [dom_form])
