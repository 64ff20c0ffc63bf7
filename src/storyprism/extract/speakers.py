"""Speaker names: named-entity spans, and resolving a speaker phrase to the name it stands for.

A phrase is resolved to a PERSON inside it ("Putin's adviser, Yuri Ushakov" -> the head name), a
pronoun to the nearest preceding PERSON, and a role noun ("the Russian leader", "a Kremlin aide") to the
person whose title seen next to the name ("Russian President Vladimir Putin") fits it best.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from storyprism.extract.content_edges import _CREDIT_RUN
from storyprism.extract.cues import PRONOUNS, ROLE_SYNONYMS
from storyprism.extract.doc_writers import document_writer
from storyprism.extract.ents import Ent
from storyprism.extract.genders import _PRONOUN_GENDER, _genders, person_noun_gender
from storyprism.extract.issuers import _DOC_OWNER, MOUTHPIECES, document_antecedent, issued_by, mouthpiece
from storyprism.extract.linking import _TITLES, MOODS
from storyprism.extract.noun_referents import described_person, introduced_as, last_two, practitioner
from storyprism.extract.parse import Parse
from storyprism.extract.person_nouns import DESCRIPTIONS, OCCUPATIONS, PERSON_NOUNS, expert_noun
from storyprism.extract.person_spans import (
    latest_short_form,
    modifies_noun,
    name_holds,
    person_like,
    titled_persons,
    which_names,
)
from storyprism.extract.referents import (
    GENERIC_BODY_NOUNS,
    credited_outlet,
    is_outlet,
    last_body,
    named_body,
    org_subjects,
    outlet_at_end,
    subject_org,
)
from storyprism.extract.speaker_words import _SOURCE_NOUNS, GENERIC_SPEAKERS, ORG_NOUNS, SPEAKER_LABELS
from storyprism.extract.surnames import with_missed_surnames

# re-exported: other modules and the tests import these from here
__all__ = [
    "GENERIC_SPEAKERS",
    "ORG_NOUNS",
    "SPEAKER_LABELS",
    "DocContext",
    "Ent",
    "norm_name",
    "person_noun_gender",
    "resolve",
]

# --------------------------------------------------------------------------- resolution


# kinds of place: "the state", "the city" refer to a government, never to a body named after a place
_PLACE_NOUNS = frozenset(
    {"state", "city", "county", "country", "nation", "town", "province", "region", "district"}
)


@dataclass(slots=True)
class DocContext:
    """Per-document lookups for resolution: PERSON mentions and the titles seen next to them."""

    text: str
    ents: list[Ent]
    persons: list[Ent] = field(default_factory=list)
    titles: dict[str, set[str]] = field(default_factory=dict)  # full name -> title words
    full: dict[str, str] = field(default_factory=dict)  # surname -> the doc's usual full name for it
    subjects: set[int] = field(default_factory=set)  # starts of PERSON mentions that are clause subjects
    quoted: list[tuple[int, int]] = field(default_factory=list)  # direct quote spans, in text order
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f" where the text says
    first_seen: dict[str, int] = field(default_factory=dict)  # full name -> offset of its first mention
    # clause subjects that are a person named by a common noun ("an officer", "the captain"): (start,
    # end, gender or None), in text order; filled from the parse by ``quotes.find_quotes``
    role_subjects: list[tuple[int, int, str | None]] = field(default_factory=list)
    # definite ones the text ties to a named person ("the president" after "President Obama"): (start,
    # end, that person's full name), in text order; filled with ``role_subjects``
    role_refs: list[tuple[int, int, str]] = field(default_factory=list)
    restored: set[int] = field(default_factory=set)  # starts of surnames the NER missed, restored
    org_subjects: set[int] = field(default_factory=set)  # starts of ORG mentions that are clause subjects
    nicknames: dict[str, str] = field(default_factory=dict)  # nickname -> the full name it was given to
    parse: Parse | None = None  # the document's dependency parse, where there is one

    @classmethod
    def build(cls, text: str, ents: list[Ent], parse: Parse | None = None) -> DocContext:
        # "Model Chrissy Teigen" typed PRODUCT, "Mayor Ana Ruiz" typed ORG: names the text marks as a
        # person's by a title before them and a later use are persons here, whatever the NER's type
        ents = titled_persons(text, ents)
        ctx = cls(text=text, ents=ents, parse=parse)
        if parse is not None:
            ctx.org_subjects = org_subjects(ents, parse)
        # "Nature Air, which bills itself as ...": a name taken up with "which" is a body or a thing
        things = which_names(text, ents, parse)
        ctx.persons = [
            e for e in ents if e.label == "PERSON" and person_like(text, e) and e.text.strip() not in things
        ]
        # surname -> the full name used most in the document (ties: the first one met), not the
        # longest: "Uma Thurman" over her father "Robert Thurman" mentioned once
        counts: dict[str, dict[str, int]] = {}
        for p in ctx.persons:
            name = norm_name(p.text)
            parts = name.split()
            if len(parts) > 1:
                by_name = counts.setdefault(parts[-1], {})
                by_name[name] = by_name.get(name, 0) + 1
        for last, by_name in counts.items():
            ctx.full[last] = max(by_name, key=lambda n: by_name[n])
        # where each full name is first written: a surname stands for a full name written before it
        # (news introduces a person in full, then by surname), never for one introduced later ("Thurman
        # says ..." twenty times before her father "Robert Thurman" is named once)
        for p in ctx.persons:
            name = norm_name(p.text)
            ctx.first_seen.setdefault(name, p.start)
        tagged = {p.start for p in ctx.persons}
        ctx.persons = with_missed_surnames(text, ctx.persons, ctx.full, ctx.first_seen, ents)
        ctx.restored = {p.start for p in ctx.persons} - tagged
        for p in ctx.persons:
            name = ctx.full_name(p.text, p.start)
            words = ctx.titles.setdefault(name, set())
            if re.match(r"['’]s\b", text[p.end : p.end + 3]):
                # "the director spat in Thurman's face": a possessive name opens another noun phrase, so
                # the words before it belong to the clause around that phrase, not to the name
                continue
            before = text[_title_window(text, parse, p.start) : p.start]
            before = re.split(r"[.;:!?“”\"]|\b(?:and|with|between|said|told|by)\b", before)[-1]
            # "a representative for Thurman", "spokesman for President Moon": the mouthpiece noun
            # before "for" is someone else's title, the named person is whom they speak for
            # ("spokeswoman for the festival Anja Marx": a common noun body after "for", then the name,
            # is the mouthpiece named after whom she speaks for; the title stays hers)
            pieces = re.split(rf"\b(?:{'|'.join(MOUTHPIECES)})\s+for\b", before, flags=re.IGNORECASE)
            if len(pieces) > 1 and not re.fullmatch(
                r"\s+the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*", pieces[-1]
            ):
                before = pieces[-1]
            words.update(_title_words(before.split()[-5:]))
            after = re.match(r",\s+(?:a|an|the|who is)?\s*([^,.;]{2,60})[,.;]", text[p.end : p.end + 80])
            if after and parse is not None:
                # "As for the scene ... choking Thurman, the director told Deadline ...": a clause after
                # the comma (it holds a verb) is the sentence going on, no apposition naming her
                a0 = p.end + after.start(1)
                if any(parse.is_verb(k) for k in parse.tokens_in(a0, a0 + len(after.group(1)))):
                    after = None
            if after:
                # "’s" as a possessive ending only: a bare strip("'’s") ate the first letter of
                # "spokesman", "secretary", "senator" (so the role match never saw them)
                words.update(_title_words(after.group(1).split()))
        ctx.nicknames = _nicknames(ctx)
        ctx.gender = _genders(ctx)
        return ctx

    def full_name(self, mention: str, pos: int | None = None) -> str:
        """The document's full name for a mention; with ``pos``, only a full name written before it."""
        name = norm_name(mention)
        if name in self.nicknames:
            return self.nicknames[name]
        parts = name.split()
        if len(parts) == 1 and parts[0] in self.full:
            full = self.full[parts[0]]
            if self.first_seen.get(name, len(self.text)) < self.first_seen.get(full, 0):
                return name  # the surname was in use before this full name: it names someone else
            if pos is None or self.first_seen.get(full, 0) <= pos:
                return full
            earlier = [n for n, at in self.first_seen.items() if at <= pos and n.split()[-1] == parts[0]]
            return earlier[-1] if earlier else name
        return name

    def person_before(self, pos: int, pronoun: str | None = None) -> str | None:
        """The person a pronoun at ``pos`` stands for: the last person who was a clause subject in the
        preceding 400 characters (the centre of attention: "Timberlake ... not James Brown calibre
        ... he hollered"), else the last person mentioned. A person the text shows to be of the other
        gender ("Uma Thurman says she ...") is skipped for "he", and the reverse."""
        want = _PRONOUN_GENDER.get((pronoun or "").lower())
        best = None
        subject = None
        known = None  # the last subject the text itself shows to be of the pronoun's gender
        for p in self.persons:
            if any(qs <= p.start < qe for qs, qe in self.quoted):
                continue  # a name inside someone's quote ("If I was meant to jam with Duke Ellington")
            gender = self.gender.get(self.full_name(p.text, p.start))
            if want and gender not in (None, want):
                continue
            if p.end <= pos:
                # a restored surname counts as a subject ("Musk has said ... he said"), not as merely the
                # last name met: its gender is unknown to the text's votes, so as a fallback it would
                # outbid the person a "she" continues ("her and Legend ... She tells her husband")
                # ... unless the text shows it to be of the pronoun's own gender ("Timberlake ... his ...
                # he yelled"): then agreement vouches for it as the last compatible name (signal: gender
                # agreement), and a name met once in between ("Bob Dylan, another Minnesotan") is no
                # better a candidate
                if p.start not in self.restored or (want is not None and gender == want):
                    best = p
                if p.start in self.subjects and self.narrative_gap(p.end, pos) <= 400:
                    subject = p
                    if want == "f" and gender == "f":
                        known = p
            else:
                break
        # "Uma Thurman says ... Michael Madsen is seen ... “...,” she says": among the recent subjects,
        # one the text has shown to be a woman beats one of unknown gender. Signals: gender agreement,
        # and women are the minority of people named in news, so a person of unknown gender is more
        # likely a "he" (for "he" the nearest subject stays: "Kim (his) ... said Nam ... he said")
        pick = known or subject or best
        best_name = self.full_name(best.text, best.start) if best is not None else None
        best_known = best_name is not None and self.gender.get(best_name) == want
        # "... a scene where a truck would chase Tobin — the same truck she ..." then "She says": a name met
        # once in passing, never a clause subject, is weaker evidence than the protagonist (salience)
        passing = (
            best_name is not None
            and sum(1 for p in self.persons if p.end <= pos and self.full_name(p.text, p.start) == best_name)
            == 1
        )
        if want == "f" and subject is None and (not best_known or passing):
            # no subject nearby ("She says she insisted ... Producers say ... “...,” she says", a long
            # profile): the person of that gender the article has named most so far, its protagonist,
            # over whichever name came last (signal: salience; only where the text shows the gender,
            # and only for "she": a person of unknown gender named last is more likely a "he")
            counts: dict[str, int] = {}
            for p in self.persons:
                if p.end > pos:
                    break
                name = self.full_name(p.text, p.start)
                if self.gender.get(name) == want and not any(qs <= p.start < qe for qs, qe in self.quoted):
                    counts[name] = counts.get(name, 0) + 1
            if counts:
                top = max(counts, key=lambda n: counts[n])
                if counts[top] >= 3:
                    return top
        # "an officer on the scene sounds the alarm. “...,” he says": a person named by a role noun who
        # is the subject of a clause after the last named person is the one the pronoun continues
        # (signal: the most recent compatible subject is the centre of attention)
        # "the president went into the briefing room and gave an address ... He said": a definite role
        # subject the text ties to a named person counts the same, under that person's name, but only
        # where the text shows that person's gender (unknown would let "she" continue a man's title)
        after = pick.end if pick else 0
        roles = [(rs, re_, rg, norm_name(self.text[rs:re_])) for rs, re_, rg in self.role_subjects]
        roles += [(rs, re_, g, name) for rs, re_, name in self.role_refs if (g := self.gender.get(name))]
        for rs, re_, rg, name in sorted(roles, reverse=True):
            if rs < after or pos - re_ > 300:
                break
            if not want or re_ > pos or (rg and rg != want) or any(qs <= rs < qe for qs, qe in self.quoted):
                continue
            return name
        return self.full_name(pick.text, pick.start) if pick else None

    def narrative_gap(self, a: int, b: int) -> int:
        """Characters from ``a`` to ``b`` outside quotations: the words a subject is quoted saying keep
        that subject in focus ("Tricia Kenney ... said ... “<a long quote>,” she said"), so they do not
        count as distance from the subject to a pronoun. Only within one paragraph: across a break the
        quotes may be other people's ("A spokesperson said: “...” ... He said ...")."""
        if "\n" in self.text[a:b]:
            return b - a
        inside = sum(max(0, min(qe, b) - max(qs, a)) for qs, qe in self.quoted)
        return b - a - inside

    def organisation(self, phrase: str, pos: int) -> str | None:
        """The organisation a definite description ("the company", "the airline") stands for: the
        last organisation named before it in the document, when the phrase is "the" + such a noun;
        one whose name holds that noun first ("the airline" → American Airlines, not the newspaper
        named after it)."""
        words = [w.lower().strip(",.") for w in phrase.split()]
        modifier = None
        # "the space agency", "the tech giant", "the tech-giant": a lowercase word describing the body
        # before its noun still refers back; the word may name it ("Space" in the full name of NASA)
        if len(words) == 3 and phrase.split()[1][:1].islower() and words[2] in ORG_NOUNS:
            modifier, words = words[1], [words[0], words[2]]
        elif len(words) == 2 and "-" in words[1] and words[1].rsplit("-", 1)[1] in ORG_NOUNS:
            modifier, words = words[1].rsplit("-", 1)[0], [words[0], words[1].rsplit("-", 1)[1]]
        if len(words) == 2 and words[0] == "the" and words[1] not in ORG_NOUNS:
            return self._headed_body(words[1], pos)
        if len(words) != 2 or words[0] != "the" or words[1] not in ORG_NOUNS:
            return None
        if modifier and modifier != "news":
            holder = next(
                (
                    e
                    for e in reversed(self.ents)
                    if e.end <= pos and e.label == "ORG" and modifier in e.text.lower().split()
                ),
                None,
            )
            if holder is not None:
                return norm_name(holder.text)
        best = named = lede = None
        times: Counter[str] = Counter()
        # a name the NER also tags PERSON in this text, or a PERSON's surname ("Teigen" beside "Chrissy
        # Teigen"), is a person's name it mistyped, no body
        person_words = {
            w
            for e in self.ents
            if e.label == "PERSON"
            for w in (norm_name(e.text), (e.text.split() or [""])[-1])
        }
        defined = self._defined_bodies(pos)
        person_words -= defined
        ents = self.ents
        org_subjects = self.org_subjects
        if defined:
            # names the text itself calls a body count as bodies here, as subjects where they were ones
            ents = [
                Ent(e.start, e.end, "ORG", e.text)
                if e.label == "PERSON" and norm_name(e.text) in defined
                else e
                for e in self.ents
            ]
            org_subjects = org_subjects | {
                e.start for e in ents if e.start in self.subjects and norm_name(e.text) in defined
            }
        for e in ents:
            if e.end > pos:
                break
            if any(qs <= e.start < qe for qs, qe in self.quoted):
                # "“Falcon Heavy’s center core will ...,” the company added": a name inside someone's
                # quoted words is theirs; the reporter's "the company" refers back to a body the
                # narrative named (as a pronoun skips names inside quotes)
                continue
            if e.label == "ORG":
                best = e
                times[norm_name(e.text)] += 1
                if lede is None and norm_name(e.text) not in person_words:
                    lede = norm_name(e.text)
                if name_holds(e.text, words[1]):  # "airline": Airlines, Airways
                    named = e
        if named:
            return latest_short_form(self.text, self.quoted, ents, words[1], pos) or norm_name(named.text)
        if best is not None and words[1] not in _SOURCE_NOUNS and is_outlet(best.text):
            # "the power company" is not the paper credited before it: the last body that is no outlet
            best = last_body(self.text, ents, pos)
        if best is None:
            return None
        last = norm_name(best.text)
        if words[1] in _SOURCE_NOUNS and modifier in (None, "news"):  # a "space agency" is no outlet
            # "the newspaper said": the outlet the text credited last ("according to X"), else the paper
            # just named, not the story's subject
            outlet = credited_outlet(self.text, ents, self.quoted, pos)
            return norm_name(outlet.text) if outlet is not None else last
        topic = subject_org(ents, org_subjects, self.quoted, pos)
        topic = None if topic and words[1] not in _SOURCE_NOUNS and is_outlet(topic.text) else topic
        missed = named_body(self.text, self.quoted, pos) if words[1] in GENERIC_BODY_NOUNS else None
        if (
            missed
            and missed[0] > (topic.start if topic else -1)
            and (best.start not in org_subjects or missed[0] > best.start)
        ):
            return missed[1]  # "the group" after a body's name the NER missed ("the new Center for X")
        if topic is not None and best.start not in org_subjects and norm_name(topic.text) not in person_words:
            return norm_name(topic.text)  # the body the text is telling about, not a modifier named last
        if lede is None:
            return last
        # "The company said" after "names, birth dates, Social Security numbers": the last ORG tag may be
        # a noun used as a modifier, named once; the organisation the story opens with, named again
        # since, is the one a definite description refers back to (signal: the lede's topic)
        return lede if lede != last and times[last] == 1 and times[lede] >= 2 else last

    def _defined_bodies(self, pos: int) -> set[str]:
        """Names the NER typed PERSON that the text, before ``pos``, defines as a body: "Ripple is
        officially the name of a San Francisco-based start-up", "Ripple, a payments firm,". Signal: a
        copula or an apposition whose noun names a kind of body tells what the name is, whatever the
        small NER guessed; such a name is one "the company" may refer back to."""
        out: set[str] = set()
        seen: set[str] = set()
        for e in self.ents:
            if e.start >= pos:
                break
            if e.label != "PERSON":
                continue
            name = norm_name(e.text)
            if name in seen or not name or len(name.split()) > 3:
                continue
            seen.add(name)
            if _BRAND_CASE.fullmatch(name):
                # "SpaceX", "PayPal": a capital inside one word is a brand's spelling, never a person's
                # name but for the name prefixes ``_BRAND_CASE`` leaves out ("McDonald", "DeShawn"); only
                # a brand the text makes act, a clause subject ("SpaceX confirmed"), is a body that speaks
                # (a hashtag or a product in camel case, "#MeToo", "the iPhone", is none)
                if any(
                    x.start in self.subjects and norm_name(x.text) == name for x in self.ents if x.start < pos
                ):
                    out.add(name)
                continue
            lo = max(0, pos - 3000)
            at = self.text.find(name, lo, pos)
            while at >= 0:
                if (at == 0 or not self.text[at - 1].isalnum()) and _DEFINES.match(
                    self.text, at + len(name), pos
                ):
                    out.add(name)
                    break
                at = self.text.find(name, at + 1, pos)
        return out

    def _headed_body(self, noun: str, pos: int) -> str | None:
        """The body a definite "the <noun>" refers back to when ``noun`` is the head word of a name the
        text gave just before ("the Atlantis Casino in Reno ... the casino said", "the Grand Hotel ... the
        hotel said"). Signal: English names a body by its kind's noun last, and a definite description
        repeats that head noun to refer back to it (within a few paragraphs, outside anyone's quote).
        Not a place noun: a body whose name ends in one is named after a place ("Ohio State", "Manchester
        City"), and "the state said" / "the city said" is that government, not the university or club."""
        if not noun.isalpha() or len(noun) < 4 or noun in _PLACE_NOUNS:
            return None
        for e in reversed(self.ents):
            if e.end > pos:
                continue
            if pos - e.end > 1500:
                break
            if e.label not in ("ORG", "FAC") or any(qs <= e.start < qe for qs, qe in self.quoted):
                continue
            last = re.sub(r"['’]s?$", "", e.text.split()[-1].lower()) if e.text.split() else ""
            if last == noun and len(e.text.split()) > 1:
                return norm_name(e.text)
        return None

    def role(self, phrase: str, pos: int) -> str | None:
        """The named person a role phrase ("the Russian leader") stands for, or None."""
        words = [re.sub(r"['’]s$", "", w.lower().strip(",.")) for w in phrase.split()]
        heads = [w for w in words if w in ROLE_SYNONYMS]  # singular only: "officials" are not one person
        if not heads or "and" in words:
            return None  # "the boy's parents and grandfather": a group is no one person
        if words[0] in ("a", "an", "another", "one"):
            return None  # "a Kremlin spokesman": an indefinite phrase introduces someone new
        tail = phrase.split()[-2:]
        if len(tail) == 2 and all(
            w[:1].isupper() and w.lower().strip(",.") not in ROLE_SYNONYMS for w in tail
        ):
            return None  # "Minister of Defence Itsunori Onodera": the phrase names its person
        compatible = ROLE_SYNONYMS[heads[-1]]
        modifiers = {w for w in words if w not in ROLE_SYNONYMS and w not in ("the", "a", "an", "his", "her")}
        ranks = {w for w in words if w in _RANKS and w != heads[-1]}
        # a possessive proper owner ("South Korea's president", "Apple's chief executive") narrows the
        # role to that country or body: a person only matches when their own titles name it
        owner: set[str] = set()
        toks = phrase.split()
        for k, w in enumerate(toks):
            if re.search(r"['’]s$", w) and w[:1].isupper():
                j = k
                while j >= 0 and toks[j][:1].isupper():
                    owner.add(re.sub(r"['’]s$", "", toks[j].lower().strip(",.")))
                    j -= 1
        # a capitalised body before the role ("the Nato spokesman", "a Pentagon official") owns it too; a
        # demonym ("the Russian leader", "the French president") only describes it
        for w in toks:
            lw = w.lower().strip(",.")
            if lw not in ("the", "a", "an") and (
                w[:1].isupper()
                and not re.search(r"['’]s$", w)
                and lw not in ROLE_SYNONYMS
                and lw not in _TITLES
                and not lw.endswith(_DEMONYM_ENDS)
                and lw not in _DEMONYMS
            ):
                owner.add(lw)
        best: tuple[float, int, str] | None = None
        for p in self.persons:
            name = self.full_name(p.text, p.start)
            title = self.titles.get(name, set())
            # "Vice-President Ana Ruiz": a hyphenated title holds its head and its rank word too
            title = title | {w for t in title if "-" in t for w in t.split("-")}
            if not title & compatible:
                continue
            if owner and not owner & title:
                continue  # "South Korea's president" is not a leader the text ties to another country
            if not ranks <= title:
                continue  # a rank names another office: a "Prime Minister" is no "Chief Cabinet Secretary"
            score = 1.0 + len(modifiers & title) - (0.5 if p.start > pos else 0.0)
            key = (score, p.start if p.start <= pos else -p.start, name)
            if best is None or key > best:
                best = key
        return best[2] if best else None


# "Nouriel Roubini, ..., also known as Dr Doom": the name after a verb of naming is a nickname
_NICKNAMED = re.compile(r"\b(?:known\s+as|dubbed|nicknamed|aka|a\.k\.a\.?)\s+[“\"‘']?$", re.IGNORECASE)
# what may stand between the person and the verb of naming: nothing, or an apposition set off by commas
# ("Nouriel Roubini, an economist, also known as"); a clause ("Ortiz represents the hacker dubbed John Doe")
# moves the naming onto the noun phrase it ends with, another person
_NICK_GAP = re.compile(
    r"\s*(?:,[^.;!?]{0,150})?,?\s*(?:(?:also|better|widely|popularly|commonly|sometimes|now|often|simply)\s+)?"
)


def _nicknames(ctx: DocContext) -> dict[str, str]:
    """Nicknames the text gives a person it has just named ("Nouriel Roubini, ..., also known as Dr Doom"),
    mapped to that person's full name: a later "Dr Doom" or "he" after it is the same person, not another
    one. Signal: "known as", "dubbed", "nicknamed" right before a name introduce another name for the
    person named last, within the same sentence, when the verb follows that person directly or through a
    comma-set apposition."""
    out: dict[str, str] = {}
    for k, p in enumerate(ctx.persons):
        verb = _NICKNAMED.search(ctx.text, max(0, p.start - 25), p.start)
        if not verb or k == 0:
            continue
        prev = ctx.persons[k - 1]
        if p.start - prev.end > 200 or re.search(r"[.!?]\s", ctx.text[prev.end : p.start]):
            continue
        # from the end of the word the name ends in (a span cut inside a word still names that word)
        rest = re.compile(r"[\w'’]+").match(ctx.text, prev.end)
        gap_at = rest.end() if rest else prev.end
        if gap_at > verb.start() or not _NICK_GAP.fullmatch(ctx.text, gap_at, verb.start()):
            continue
        nick, full = norm_name(p.text), ctx.full_name(prev.text, prev.start)
        if nick != full:
            out[nick] = full
            words = nick.split()
            if len(words) == 2 and words[0].lower().strip(".") in _TITLES:
                out.setdefault(words[1], full)  # "Dr Doom", later "the name Doom": the title dropped
    return out


def _title_words(words: list[str]) -> set[str]:
    """Title words of a name from the words written beside it, lower-cased, a possessive "'s" cut
    ("South Korea's" -> "korea": the owner of the office). A role noun in the possessive is another
    person's office, not this one's ("Lisa Monaco, the president's counterterrorism adviser" is no
    president): the possessive marks the possessor, so it names whom she serves."""
    out = set()
    for w in words:
        word = re.sub(r"['’]s$", "", w.lower().strip(",'’"))
        if word != w.lower().strip(",'’") and word in ROLE_SYNONYMS:
            continue
        out.add(word)
    return out


def _title_window(text: str, parse: Parse | None, start: int) -> int:
    """Where the title words before a name may begin: 60 characters back, and with a parse never before
    a verb or a preposition hung on a verb in that stretch ("the director spat in Thurman's face": the
    director is the one who spat, no title of Thurman's; "Ambassador to the United Nations Nikki Haley"
    keeps its "to", which hangs on the title noun)."""
    lo = max(0, start - 60)
    if parse is None:
        return lo
    for k in reversed(parse.tokens_in(lo, start)):
        if parse.is_verb(k) or (parse.tags[k] in ("IN", "TO") and parse.is_verb(parse.heads[k])):
            return parse.ends[k]
    return lo


_DEMONYM_ENDS = ("an", "ese", "ish", "ic", "i")
_DEMONYMS = frozenset(
    ["french", "dutch", "greek", "thai", "swiss", "welsh", "czech", "us", "u.s", "uk", "un"]
)


def norm_name(mention: str) -> str:
    # a list bullet or dash before the name is page layout ("• Eric Dartell")
    # a quotation mark the NER span took in at either end is punctuation, not part of the name
    name = re.sub(r"['’]s$", "", mention.strip().strip("“”\"‘'’ ")).strip(" ,.").lstrip("•·*–—- ")
    name = re.sub(r"^(?:the|The)\s+", "", name)
    words = name.split()
    # "Mayor Ana Ruiz", "Sen. Mark Hale": a title NER kept inside the name is not part of it
    while len(words) > 2 and words[0].lower().strip(".") in _TITLES and words[1][:1].isupper():
        words = words[1:]
    while len(words) > 1 and words[0].lower() in MOODS and words[1][:1].isupper():
        words = words[1:]  # "Devastated Hayley": a tabloid's mood word before the name
    while len(words) > 1 and words[-1].lower() in ("and", "&", "of", "the", "for"):
        words = words[:-1]  # "Cincinnati Zoo and": the NER cut a longer name at its joining word
    return " ".join(words)


def resolve(ctx: DocContext, span: tuple[int, int]) -> str:
    """The name a speaker phrase stands for (the phrase itself when nothing better is known)."""
    s, e = span
    credit = _CREDIT_RUN.match(ctx.text, s, e)
    if credit and (s == 0 or ctx.text[s - 1] == "\n") and credit.end() < e:
        # "Reuters Equifax claimed ...": a photo credit scraped onto the start of the next line is no part
        # of the speaker's name
        s = credit.end()
    phrase = ctx.text[s:e]
    inside = [x for x in ctx.ents if x.start >= s and x.end <= e and x.label in SPEAKER_LABELS]
    # surnames the NER missed that ``_with_missed_surnames`` restored count as the persons they are
    restored = [
        p
        for p in ctx.persons
        if p.start >= s and p.end <= e and not any(x.start == p.start and x.label == "PERSON" for x in inside)
    ]
    if restored:
        inside = sorted(
            [x for x in inside if not any(x.start < p.end and p.start < x.end for p in restored)] + restored,
            key=lambda x: x.start,
        )
    joint = _joint_names(ctx, span, inside)
    if joint:
        return joint
    outlet = outlet_at_end(ctx.text, inside, s, e)  # "the South Korean news agency Yonhap": Yonhap
    if outlet:
        return norm_name(outlet.text)
    titled = _TITLED_NAME.search(phrase)
    if titled and titled.group(1).lower() in (ROLE_SYNONYMS.keys() | OCCUPATIONS | PERSON_NOUNS):
        at = s + titled.start(2)
        if not any(x.start <= at < x.end and x.label in ("GPE", "NORP", "LOC") for x in ctx.ents):
            # "Hustle assistant coach Darnell Lazare": a name right after a person's role noun at the end
            # of the phrase is that person, whatever type the NER gave it (and whatever name owns the role)
            return ctx.full_name(titled.group(2), at)
    # "the young Dutchman" tagged PERSON: a description word is no name
    persons = [x for x in inside if x.label == "PERSON" and x.text.lower() not in DESCRIPTIONS | OCCUPATIONS]
    if persons:
        # "Putin's foreign affairs adviser, Yuri Ushakov": the head is the last name, unless possessive
        pick = [p for p in persons if not ctx.text[p.end : p.end + 2].startswith(("'s", "’s"))]
        if not pick and _DOC_OWNER.fullmatch(ctx.text[persons[-1].start : e].lower()):  # "SpaceX's website"
            return ctx.full_name(persons[-1].text, persons[-1].start)  # a named owner's own document
        if pick:
            head = pick[-1]
            rest = ctx.text[head.end : e]
            # "the Biden administration": the name modifies a noun, so the phrase is the speaker
            if not rest.strip() or rest.lstrip().startswith(","):
                return ctx.full_name(head.text, head.start)
            # "Xi welcomed Putin's visit and (said)": the name starts the phrase and a verb follows
            first_rest = rest.split()[0] if rest.split() else ""
            if (
                head.start == s
                and first_rest[:1].islower()
                and first_rest.lower() not in GENERIC_SPEAKERS
                and not modifies_noun(ctx.parse, head)
            ):
                return ctx.full_name(head.text, head.start)
        return norm_name(phrase)
    low = phrase.lower().strip()
    if low == "it":
        # "It said that ...": a speaking "it" (attribution admits it only as the active subject of a
        # verb of saying) is the organisation named last before it, within a few sentences
        named: Ent | None = None
        local: Ent | None = None
        for x in ctx.ents:
            if x.end > s:
                break
            if x.label == "ORG" and s - x.end < 600 and not _inside_marks(ctx.text, x.start, s):
                named = x
            # "North Korea fired what it said was a rocket": a country or body earlier in the same
            # sentence is nearer than any organisation named before it (signal: the sentence's topic)
            if x.label in ("ORG", "GPE") and not re.search(r"[.!?\n]", ctx.text[x.end : s]):
                local = x
        named = local or named
        return norm_name(named.text) if named else phrase
    issuer = (
        issued_by(ctx, span, low) or document_antecedent(ctx, span, low) or document_writer(ctx, span, low)
    )
    if issuer:
        return issuer
    owned = re.fullmatch(
        r"(his|her|its)\s+(spokesman|spokeswoman|spokesperson|representative|rep|lawyer|attorney|"
        r"publicist|agent|manager|aide|office|camp|team|family)",
        low,
    )
    if owned:
        # "His representative released a statement": the owner is who the pronoun stands for, and the
        # mouthpiece is named as theirs ("Mikhelson's representative"), not left as a bare phrase
        if owned.group(1) == "its":
            body = next(
                (x for x in reversed(ctx.ents) if x.end <= s and x.label == "ORG" and s - x.end < 600), None
            )
            owner = norm_name(body.text) if body else None
        else:
            owner = ctx.person_before(s, owned.group(1))
        if owner:
            return f"{owner}'s {owned.group(2)}"
    if low in PRONOUNS or low == "his":
        if low in ("he", "she", "him", "her", "his"):
            return ctx.person_before(s, low) or phrase
        return phrase
    if low in ("the couple", "the pair", "the duo", "couple", "pair"):
        pair = last_two(ctx, s)
        if pair:
            return pair
    apposed = _named_in_apposition(ctx, span, low)
    if apposed:
        return apposed
    mouth = mouthpiece(ctx, span, low)
    if mouth:
        return mouth
    role = ctx.role(phrase, s)
    if role:
        return role
    org = ctx.organisation(phrase, s)
    if org:
        return org
    introduced = introduced_as(ctx, span, low)
    if introduced:
        return introduced
    words = low.split()
    if (
        "and" in words[2:-1]
        and words[0] == "the"
        and "the" not in words[1:]
        and len(words) <= 7
        and not _TWO_HOLDERS.intersection(words[words.index("and") + 1 :])
        and not (
            _OFFICES.intersection(words[1 : words.index("and")])
            and _OFFICES.intersection(words[words.index("and") + 1 :])
        )
    ):
        # "the model and TV personality tweeted": one article over two coordinated nouns describes one
        # person with two roles ("the model and the host" would be two); the first role is the head.
        # Not where a possessive opens the second noun ("the singer and her manager": someone else's
        # role) nor for two offices of state ("the president and prime minister": offices are held by
        # different people far more often than by one)
        words = words[: words.index("and")]
    if len(words) == 2 and words[0] == "the" and expert_noun(words[-1]) and words[-1] not in OCCUPATIONS:
        return practitioner(ctx, words[-1], s) or norm_name(phrase)  # "the pathologist": not the subject
    if (
        2 <= len(words) <= 5
        and words[0] == "the"
        # "the 21-year-old said": an age alone stands for the person just named, as an occupation does;
        # so does a description ("the brash North Korean tyrant", "the four-times champion")
        and (
            words[-1] in OCCUPATIONS
            or words[-1] in DESCRIPTIONS
            or re.fullmatch(r"\d+-year-old", words[-1]) is not None
        )
        and (
            len(words) == 2 or phrase.split()[1][:1].islower()
        )  # "the 87-year-old comedian", not "the Bears coach"
    ):
        # "The singer posted ...": a definite occupation noun with no title seen next to a name stands
        # for the one person described so (``noun_referents``), or the last clause subject (as "he" does)
        return described_person(ctx, " ".join(words[1:]), s) or ctx.person_before(s) or norm_name(phrase)
    return norm_name(phrase)


# one word with a capital after a lower-case letter, not after a surname or given-name prefix
_BRAND_CASE = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Lo|Van|Von|Ja|Ke|Ty|Sh)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*"
)
# nouns that name a kind of body a copula or apposition may give a name ("X is a start-up")
_BODY_KINDS = "|".join(sorted((re.escape(w) for w in ORG_NOUNS | {"start-up"}), key=len, reverse=True))
# after a name: a copula or an apposition comma, then a noun phrase headed by such a noun
_DEFINES = re.compile(
    rf"(?:\s+(?:is|was)\s+(?:[\w-]+\s+){{0,4}}?|,\s+)(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_BODY_KINDS})\b"
)
# rank words that tell one office from another of the same head ("Deputy Prime Minister", "Chief Secretary")
_RANKS = frozenset(["chief", "deputy", "vice", "prime", "assistant", "under", "first"])
# a possessive after "and" opens another person's role ("the singer and her manager")
_TWO_HOLDERS = frozenset(["her", "his", "their", "its", "our", "my", "your"])
# offices of state or of a body, each held by one person: two joined name two holders
_OFFICES = frozenset(
    ["president", "minister", "premier", "chancellor", "governor", "mayor", "secretary", "ambassador",
     "chairman", "chairwoman", "chair", "ceo", "director", "speaker", "senator", "king", "queen", "prince"]
)  # fmt: skip
# a lower-case role noun, then a person's name in two or three capitalised words, ending the phrase
_TITLED_NAME = re.compile(r"\b([a-z]+)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$")
_APPOSITION = re.compile(r"(?:\s+of\s+[^,.;:\"“”()\n]{1,60}?)?,\s+")


def _named_in_apposition(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """The person an unnamed phrase is named as in apposition: "The head of the Israeli Labor Party,
    Yitzhak Herzog, voiced ..." (the name set off by commas right after the phrase and its "of ..."
    complement), and "a friend ... as saying" that the text later names as "the friend, Ilona Herman"
    (signal: a definite repetition of the same noun with a name in apposition is the same person)."""
    e = span[1]
    words = low.split()
    if not 2 <= len(words) <= 3 or words[0] not in ("the", "a", "an"):
        return None
    if words[0] == "the":
        m = _APPOSITION.match(ctx.text, e)
        at = m.end() if m else -1
    else:
        m = re.compile(rf"\bthe {re.escape(words[-1])},\s+", re.IGNORECASE).search(ctx.text, e, e + 2000)
        at = m.end() if m else -1
    if at < 0:
        return None
    p = next((x for x in ctx.persons if x.start == at), None)
    if p is None or ctx.text[p.end : p.end + 1] not in (",", ".", ")", ";"):
        return None
    return ctx.full_name(p.text, p.start)


# between two names of a joint speaker ("Michael Sheen and Sarah Silverman", "The UK and U.S."): a
# comma or "and", and an article; the phrase holds nothing else but an article before the first name
_JOINED = re.compile(r"\s*(?:,\s*)?(?:(?:and|&)\s+)?(?:the\s+)?", re.IGNORECASE)


def _joint_names(ctx: DocContext, span: tuple[int, int], inside: list[Ent]) -> str | None:
    """ "A and B" when the phrase is only names joined by "and" (a joint statement), else None."""
    s, e = span
    if len(inside) < 2 or not re.fullmatch(r"(?:the\s+)?", ctx.text[s : inside[0].start], re.IGNORECASE):
        return None
    if ctx.text[inside[-1].end : e].strip():
        return None
    joins = [ctx.text[a.end : b.start] for a, b in pairwise(inside)]
    if not all(_JOINED.fullmatch(j) for j in joins) or not any(re.search(r"\b(?:and|&)", j) for j in joins):
        return None
    names = []
    for x in inside:
        name = ctx.full_name(x.text, x.start) if x.label == "PERSON" else norm_name(x.text)
        if name not in names:
            names.append(name)
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _inside_marks(text: str, a: int, b: int) -> bool:
    """Whether an opening quotation mark between ``a`` and ``b`` is left open (``a`` is quoted)."""
    between = text[a:b]
    return between.count("“") > between.count("”")
