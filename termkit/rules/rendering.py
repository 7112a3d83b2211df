"""TK101 wrong renderings and TK102 deprecated or superseded renderings."""
from __future__ import annotations

from ..matching import EN_DEPRECATED, EN_WRONG, fold_key
from .base import approved, finding, label
from .registry import rule


def _rejected(doc, ctx, statuses, code, severity):
    memo = ctx.memo.setdefault(code, {})
    for hit in doc.hits:
        flagged = memo.get(hit.key)
        if flagged is None:  # most hits are approved forms: skip them by key
            flagged = memo[hit.key] = any(e.status in statuses for e in ctx.entries(hit, "en"))
        if not flagged:
            continue
        seen = set()
        for e in ctx.entries(hit, "en"):
            if e.status not in statuses or e.concept in seen or not _evidenced(doc, hit, e, ctx):
                continue
            c = ctx.concept(e.concept)
            term = next((t for t in c.terms if t.form == e.form and t.status == e.status), None)
            since = term.since if term else None
            if since and ((doc.date and not in_force(since, doc.date)) or _dated_before(doc, hit, since)):
                continue  # the document, or the event its sentence dates, predates the status
            why = ctx.not_a_use(doc, hit, e.concept)
            if ctx.skips(why):
                continue
            seen.add(e.concept)
            good = approved(c)
            dated = f" since {since}" if since else ""
            note = f" ({why})" if why else ""
            if term and term.other_state:
                note = f" (an institution of {term.other_state}, used of North Korea)" + note
            what = (f"a variant of the {e.status} rendering '{e.form}'" if is_variant(ctx, hit, e.form)
                    else f"a {e.status} rendering")
            yield finding(hit, code, severity,
                          f"'{hit.found}' is {what} of {label(c)}{dated}: "
                          f"{term.reason if term else ''}; use '{good[0]}'{note}", c, good)


def is_variant(ctx, hit, form: str) -> bool:
    """Whether a hit matched one of a listed form's unlisted variants (matching.variants), not the form."""
    memo = ctx.memo.setdefault("variant", {})
    got = memo.get((hit.found, form))
    if got is None:
        from ..matching import english_keys

        got = memo[(hit.found, form)] = fold_key(hit.found) not in english_keys(form)
    return got


def _evidenced(doc, hit, e, ctx) -> bool:
    """A form that is another concept's correct rendering, or an ordinary word, is wrong only with evidence:
    a gloss, the bilingual source, one of the concept's context cues in the sentence, or the document
    making the concept plain (a heading naming it, a gloss in the next sentence) — the last only for a form
    that is no other concept's rendering: a document about markets still has general markets."""
    if ctx.proven(hit, e.concept):
        return True
    if not e.needs_evidence and not ctx.approved_elsewhere(hit, e.concept):
        return True
    if _own_state_named(doc, hit, e, ctx):
        return False  # 'South Korea's National Assembly': that state's own body, whatever the document is about
    if ctx.cued(doc, hit, e.concept):
        return True
    if not ctx.approved_elsewhere(hit, e.concept) and ctx.headed(doc, hit, e.concept) and not abroad(doc, hit):
        return True
    if _north_korean_body(doc, hit, e, ctx):
        return True
    return _of_north_korea(doc, hit, e, ctx)


def _north_korean_body(doc, hit, e, ctx) -> bool:
    """A body's or office's form with North Korea right beside it ('the North Korean Prime Minister', 'the
    DPRK Bank of Korea', '… in Pyongyang'), when it is no other concept's rendering and no other body or
    office of the glossary rejects it too (then the words beside it cannot say which)."""
    from .polities import BODY_TYPES, attached_states

    if not doc.text or ctx.concept(e.concept).type not in BODY_TYPES or ctx.approved_elsewhere(hit, e.concept):
        return False
    claims = {x.concept for x in ctx.entries(hit, "en") if ctx.concept(x.concept).type in BODY_TYPES}
    return claims == {e.concept} and attached_states(doc.text, hit) == {"home"}


def _own_state_named(doc, hit, e, ctx) -> bool:
    """Whether the form is another state's institution and its sentence names that state."""
    from .polities import names_state
    from .surroundings import sentence

    if not doc.text:
        return False
    c = ctx.concept(e.concept)
    term = next((t for t in c.terms if t.form == e.form and t.status == e.status), None)
    if term is None or not term.other_state:
        return False
    s, end = sentence(doc.text, hit)
    return names_state(doc.text[s:hit.start] + " " + doc.text[hit.end:end], term.other_state)


def abroad(doc, hit) -> bool:
    """Whether the hit's sentence names another state (its name, adjective or capital: 'In Japan the Prime
    Minister …', '… in Seoul') and not North Korea: what the document says about North Korea says nothing
    about that sentence. One that names both ('North Korean textbooks call it an American invasion') is
    still about the North."""
    from .polities import states_named
    from .surroundings import sentence

    if not doc.text:
        return False
    s, e = sentence(doc.text, hit)
    return states_named(doc.text[s:hit.start] + " " + doc.text[hit.end:e]) == {"other"}


def _of_north_korea(doc, hit, e, ctx) -> bool:
    """Another state's institution (the form's `other_state`) named in a sentence about North Korea."""
    from .polities import about_north_korea, other_state_owner

    if other_state_owner(ctx, hit) != e.concept or ctx.approved_elsewhere(hit, e.concept):
        return False
    c = ctx.concept(e.concept)
    term = next(t for t in c.terms if t.form == e.form and t.status == e.status)
    return about_north_korea(doc, hit, ctx, e.concept, term.other_state)


def _dated_before(doc, hit, since: str) -> bool:
    """Whether the hit's sentence names years, all before the status's year ('In April 2022 … NADA')."""
    from .surroundings import sentence_years

    years = sentence_years(doc.text, hit) if doc.text else []
    return bool(years) and max(years) < int(since[:4])


def in_force(since: str, date: str) -> bool:
    """Whether a status dated `since` holds for a document dated `date` (both YYYY[-MM[-DD]]).

    A partial date stands for its first day, so a document dated 2019 is not held to a status of
    2019-04: only a document surely written after the change is.
    """
    def first_day(d: str) -> tuple[int, ...]:
        parts = [int(x) for x in d.split("-")]
        return tuple(parts + [1] * (3 - len(parts)))
    return first_day(date) >= first_day(since)


@rule("TK101", "wrong-rendering", "error", needs=EN_WRONG)
def wrong_rendering(doc, ctx):
    """A rendering the glossary lists as wrong for the concept.

    Why: a wrong rendering misleads the reader, often because it is another concept's rendering
    ('localization' renders 국산화, not 주체화) or a calque no English-language source uses. A form
    that is another concept's correct rendering is flagged only where a gloss beside it (Hangul,
    hanja or romanization, in parentheses before or after) or, in a bilingual file, the Korean
    source segment shows which concept is meant; other wrong forms are flagged wherever they appear.

    Another state's institution ('National Assembly', South Korea's, for the Supreme People's
    Assembly; the form's `other_state` in the glossary) is flagged with the same evidence, or with
    North Korea right beside it ('the DPRK Bank of Korea', '… in Pyongyang'), or in a sentence that
    names a North Korean body, office, facility or person and names neither that state nor only
    other states (names, adjectives and capitals from the table of states: 'Seoul' names South Korea);
    never otherwise, since most such sentences are about that state. North Korea beside a body's or
    an office's form that needs evidence is evidence too ('the North Korean Prime Minister').

    Not flagged, and why (the same holds for TK102):
    - a form that is another concept's correct rendering, or an ordinary English word the glossary
      marks `needs_evidence`, without evidence of this concept: a gloss beside it, the bilingual
      source, or one of the concept's `context_cues` in the same sentence (the Workers' Party of
      Korea named beside 'party convention'). Without evidence it most likely means the other thing.
      For an ordinary word (no other concept's rendering) the document itself is evidence too: a
      Markdown heading that names the concept by a rendering or a gloss ('# The Premier (내각총리)
      and the Cabinet' before 'the Prime Minister'), or a gloss of it in the same or the next
      sentence — but not for a sentence that names another state and not North Korea ('In Japan
      the Prime Minister …', '… a senior high school in Seoul'), nor for another state's
      institution in a sentence that names that state;
    - a form inside a longer name or title, which is another concept: after vice-, first vice-,
      deputy, acting, honorary, former or ex- (for names and titles, not for terms); followed by
      capitalised words that end in a head word of the glossary's institution and office names
      ('… Assembly Standing Committee'); inside a longer form of the glossary (longest match wins) or
      one of a concept's `blocking_contexts` ('Russian Strategic Rocket Forces');
    - a form mentioned rather than used: in quotation marks or italics after 'translated as',
      'rendered as', 'called', 'known as', 'literally', 'as opposed to', 'rather than' and
      the like, or in parentheses as an alias of another rendering of the concept ('X (formerly Y)');
      quoted or not, a form given as someone's description ('reporters describe the trade as a black
      market') or as the term a sentence defines ('economists define self-sufficiency as …').
      'The term *X*' and 'what the plan calls *X*' are uses: a text introduces its own terms so.
      Writing about a term is not a choice of rendering. `mentions = "report"` in the configuration
      reports these as well, marked as mentions;
    - a form in a cited source, whose spelling the author must keep: an entry of a reference list (a
      line that opens with a note number, '[12] …' or '^ …'; not a Markdown footnote '[^3]: …', which
      is the text's own note), the rest of a line after a 'Source:' label, a quoted title (double
      quotation marks around at least two more words than the form, every word capitalised but the
      small ones: '"A History of the Korean Workers' Party"'), or a web address. A quoted sentence
      is not a title: its lower-case words make it a use. Reported, marked, with `mentions = "report"`.

    Okay: The plenary meeting called for localization (국산화) of raw materials.
    Okay: The slogan 주체화 is often mistranslated as 'subjectivization'.
    Okay: Party congresses are held every five years; the US parties hold a party convention every four.
    Okay: [3] J. Doe, The Korean Labor Party and Its Rivals, Seoul, 1962.
    TK101: The plenary meeting called for localization (주체화) of raw materials.
    TK101: The paper speaks of the subjectivization of industry.
    TK101: The Workers' Party of Korea held its party convention in January 2021.
    Okay: The National Assembly in Seoul passed the budget.
    Okay: Choe Ryong Hae met a delegation of South Korea's National Assembly.
    TK101: Choe Ryong Hae reported to the National Assembly on the budget.
    TK101: The National Assembly in Pyongyang ratified the treaty with Russia.
    Okay: The National Assembly in Seoul ratified the treaty with Pyongyang.
    Okay: Reporters describe such trade as a black market (장마당), a usage this paper avoids.
    TK101: The plan relied on self-sufficiency. Its slogan, *charyŏk kaengsaeng*, was everywhere.
    """
    return _rejected(doc, ctx, ("wrong",), "TK101", "error")


@rule("TK102", "deprecated-rendering", "warning", needs=EN_DEPRECATED)
def deprecated_rendering(doc, ctx):
    """A rendering the glossary lists as deprecated or superseded for the concept.

    Why: deprecated renderings are understandable but not the house term (an outdated official
    name, a South Korean usage applied to a North Korean institution); the reason says which.
    Evidence is needed as for TK101 when the form is another concept's correct rendering.

    Not flagged, and why: everything TK101 leaves alone (no evidence, part of a longer name or
    title, a mention), and a status the glossary dates (`since: 2019-04`) in a document dated
    before it — the front matter's `date:`, else `as-of` in the configuration or `--as-of` — since
    the old name was then the right one. Without a date the message says since when the form is
    outdated.

    Okay: The Premier (내각총리) inspected the plant.
    Okay: Choe Ryong Hae, first vice-president of the State Affairs Commission, spoke.
    Okay: Until 2019 the body was known as the 'SPA Presidium'.
    Okay: Her thesis "Decrees of the SPA Presidium under Kim Jong Il" was cited widely.
    TK102: The Prime Minister (내각총리) inspected the plant.
    TK102: The SPA Presidium adopted the law.
    TK102: The Prime Minister toured the plant. *Naegak ch'ongni* is the title of the head of the Cabinet.
    """
    return _rejected(doc, ctx, ("deprecated", "superseded"), "TK102", "warning")
