"""Grouping similar texts (activities, goals, outputs, effects) of one category, so that a
flowchart or an effects table lists "Utbildning i MHFA för personal (12 aktörer)" instead of
twelve near-identical sentences. Pure functions, no database.

Each line of a text gets a key: lower case, punctuation and extra white space removed, Swedish
stop words dropped, every word stemmed with the Snowball Swedish stemmer. Texts with the same key
are one group; keys that are near each other (rapidfuzz's token sort ratio at least `THRESHOLD`)
join the group of the first key they match, taking keys with the most actors first. An analyst's
override (merged or renamed groups) fixes its keys to one group with its label; new keys that are
near one of them join it. The result is deterministic: it depends on the texts, not their order."""

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import Stemmer
from rapidfuzz import fuzz, process

THRESHOLD = 85
VARIANTS = 5  # the most common original texts kept per group

# Swedish function words (Snowball's Swedish stop word list, lower case).
STOP_WORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
    mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från
    ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt
    mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några
    deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
    ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas samt även genom hos
    """.split()
)
WORD = re.compile(r"\w+")
BULLET = re.compile(r"^\s*(?:[-–—•*·]+|\d+[.)])\s*")
SPACE = re.compile(r"\s+")

_stemmer = Stemmer.Stemmer("swedish")
_stemmer.maxCacheSize = 100_000  # words seen before are not stemmed again


def split_lines(text: str) -> list[str]:
    """The lines of a text without list markers ("- ", "• ", "1. "), empty lines dropped."""
    lines = []
    for line in (text or "").splitlines():
        line = SPACE.sub(" ", BULLET.sub("", line)).strip()
        if line:
            lines.append(line)
    return lines


def normalise(text: str) -> str:
    """Lower case, punctuation removed, white space collapsed (letters keep å, ä, ö)."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(WORD.findall(text))


@functools.lru_cache(maxsize=100_000)
def text_key(text: str) -> str:
    """The key of one line: normalised, stop words dropped, words stemmed. A line of stop words
    only keeps its normalised words."""
    words = normalise(text).split()
    content = [w for w in words if w not in STOP_WORDS] or words
    return " ".join(_stemmer.stemWords(content))


def _sorted_words(key: str) -> str:
    """The key's words in alphabetical order: `fuzz.ratio` of these is rapidfuzz's token sort
    ratio, without sorting every candidate again for each comparison."""
    return " ".join(sorted(key.split()))


@functools.lru_cache(maxsize=64)  # the boxes of a few parts' categories, a few MB at most
def _cluster(
    seeds: tuple[tuple[int, tuple[str, ...]], ...], keys: tuple[str, ...], threshold: int
) -> tuple[tuple[int, ...], int]:
    """Leader clustering: the group number of each of `keys` (taken in order) and the number
    of groups. The seeds (the analysts' groups) are groups 0, 1, …; a key joins the group of the
    first best match among the seeds' keys and the earlier leaders with at least `threshold`,
    else leads a new group. Pure, so its results are kept for the same input (page reloads)."""
    reps: list[str] = []  # the keys that new keys are matched against, their words sorted
    rep_group: list[int] = []
    seen: set[str] = set()
    for n, (_id, seed_keys) in enumerate(seeds):
        for key in seed_keys:
            if key not in seen:
                seen.add(key)
                reps.append(_sorted_words(key))
                rep_group.append(n)
    count = len(seeds)
    owners = []
    for key in keys:
        match = process.extractOne(
            _sorted_words(key), reps, scorer=fuzz.ratio, score_cutoff=threshold
        )
        if match is None:
            reps.append(_sorted_words(key))
            rep_group.append(count)
            owners.append(count)
            count += 1
        else:
            owners.append(rep_group[match[2]])
    return tuple(owners), count


@dataclass(frozen=True)
class TextItem:
    """One reported text with who reported it. `flag` marks e.g. effects on the target group."""

    text: str
    actor: int
    initiative: int
    flag: bool = False


@dataclass(frozen=True)
class Override:
    """An analyst's group: these keys form one group called `label`."""

    id: int
    keys: frozenset[str]
    label: str


@dataclass
class TextGroup:
    label: str
    keys: tuple[str, ...]
    actors: int
    initiatives: int
    flagged_actors: int
    texts: int
    variants: tuple[str, ...] = ()
    override_id: int | None = None


@dataclass
class Grouping:
    """The groups (most actors first) and the group index of every key."""

    groups: list[TextGroup]
    group_of_key: dict[str, int] = field(default_factory=dict)

    def groups_of(self, text: str) -> set[int]:
        """The indexes of the groups that the lines of `text` fall in."""
        keys = (text_key(line) for line in split_lines(text))
        return {self.group_of_key[k] for k in keys if k in self.group_of_key}


@dataclass
class _Draft:
    keys: list[str] = field(default_factory=list)
    override: Override | None = None


def group_texts(
    items: Iterable[TextItem], overrides: Sequence[Override] = (), threshold: int = THRESHOLD
) -> Grouping:
    """Group the lines of the items' texts; see the module's description."""
    by_key: dict[str, list[tuple[str, TextItem]]] = {}
    for item in items:
        for line in split_lines(item.text):
            key = text_key(line)
            if key:
                by_key.setdefault(key, []).append((line, item))

    def weight(key: str) -> tuple[int, int, str]:
        rows = by_key[key]
        return (-len({item.actor for _line, item in rows}), -len(rows), key)

    seeds = tuple(sorted((o.id, tuple(sorted(o.keys))) for o in overrides))
    taken = set().union(*(o.keys for o in overrides))
    fresh = tuple(sorted((k for k in by_key if k not in taken), key=weight))
    owner_of_fresh, count = _cluster(seeds, fresh, threshold)
    by_id = {o.id: o for o in overrides}
    drafts = [_Draft(override=by_id[seed_id]) for seed_id, _keys in seeds]
    drafts += [_Draft() for _n in range(count - len(seeds))]
    owner: dict[str, int] = dict(zip(fresh, owner_of_fresh, strict=True))
    for n, (_id, seed_keys) in enumerate(seeds):
        for key in seed_keys:
            owner.setdefault(key, n)
    for key in sorted(by_key):
        drafts[owner[key]].keys.append(key)

    groups = []
    members: list[list[str]] = []
    for draft in drafts:
        rows = [row for key in draft.keys for row in by_key[key]]
        if not rows:
            continue
        counts: dict[str, int] = {}
        for line, _item in rows:
            counts[line] = counts.get(line, 0) + 1
        label = min(counts, key=lambda t: (-counts[t], t))
        keys = draft.keys
        if draft.override is not None:
            label = draft.override.label
            keys = sorted(set(keys) | draft.override.keys)
        groups.append(
            TextGroup(
                label=label,
                keys=tuple(keys),
                actors=len({item.actor for _l, item in rows}),
                initiatives=len({item.initiative for _l, item in rows}),
                flagged_actors=len({item.actor for _l, item in rows if item.flag}),
                texts=len(rows),
                variants=tuple(sorted(counts, key=lambda t: (-counts[t], t))[:VARIANTS]),
                override_id=draft.override.id if draft.override else None,
            )
        )
        members.append(draft.keys)
    order = sorted(
        range(len(groups)),
        key=lambda n: (-groups[n].actors, -groups[n].initiatives, groups[n].label),
    )
    result = Grouping([groups[n] for n in order])
    for position, n in enumerate(order):
        for key in members[n]:
            result.group_of_key[key] = position
    return result
