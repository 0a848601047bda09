"""Tags, levels and titles: what each question is about.

Tags follow a Zipf law over their popularity rank (the first tag lands on ~37% of questions);
the level follows the asker's band, so most questions are asked at the mid level.
"""

from dataclasses import dataclass
from random import Random

from taggit.models import Tag

from forum.tags import MAX_TAG_LENGTH, normalise_tag
from ladder.models import Level
from seeding import vocabulary as words
from seeding.shapes import (
    TAGS_PER_QUESTION,
    TAGS_WEIGHTS,
    Plan,
    cumulative,
    rng_for,
    tag_exponent,
    zipf_weights,
)
from seeding.writer import Writer

LEVEL_WORDS = {"junior": "junior", "mid": "mid-level", "senior": "senior"}
# The level asked at, by the asker's band: (junior, mid, senior).
LEVEL_MIX = {
    "junior": (0.70, 0.28, 0.02),
    "mid": (0.15, 0.65, 0.20),
    "senior": (0.05, 0.35, 0.60),
    "staff": (0.02, 0.28, 0.70),
    "": (0.30, 0.45, 0.25),
}


@dataclass
class Topics:
    tag_ids: list[int]  # most popular first
    names: dict[int, str]
    phrases: dict[int, str]
    tag_weights: list[float]  # cumulative
    level_ids: dict[str, int]  # by slug
    level_weights: dict[str, list[float]]  # cumulative, by band

    def pick_tags(self, rng: Random) -> list[int]:
        """1–5 different tags, drawn by popularity."""
        count = rng.choices(TAGS_PER_QUESTION, cum_weights=TAGS_WEIGHTS)[0]
        chosen: dict[int, None] = {}
        for _ in range(20):
            for tag_id in rng.choices(self.tag_ids, cum_weights=self.tag_weights, k=count):
                chosen.setdefault(tag_id, None)
            if len(chosen) >= count:
                break
        return list(chosen)[:count]

    def pick_level(self, rng: Random, band: str) -> str:
        return rng.choices(("junior", "mid", "senior"), cum_weights=self.level_weights[band])[0]


def tag_names(plan: Plan) -> list[str]:
    """The career tags first, then generated compounds ("kubernetes-migration") up to the size."""
    rng = rng_for(plan.seed, "tags")
    compounds = [
        f"{left}-{right}" for left in words.COMPOUND_LEFT for right in words.COMPOUND_RIGHT
    ]
    rng.shuffle(compounds)
    names = list(words.BASE_TAGS)
    for name in compounds:
        if len(names) >= plan.tags:
            break
        if len(name) <= MAX_TAG_LENGTH and name not in names:
            names.append(name)
    names = names[: plan.tags]
    for name in names:  # the vocabulary must hold tags exactly as the ask form would store them
        if normalise_tag(name) != name:
            raise ValueError(f"{name!r} is not a normalised tag")
    return names


def phrase(name: str) -> str:
    """How a tag reads inside a title: "pip" is "a PIP", "kubernetes-migration" is
    "Kubernetes migration"."""
    if name in words.TAG_PHRASES:
        return words.TAG_PHRASES[name]
    return " ".join(words.CAPITALS.get(word, word) for word in name.split("-"))


def create(plan: Plan, writer: Writer) -> Topics:
    """Taggit tags (slug == name), reusing any that already exist."""
    names = tag_names(plan)
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    table = writer.table(Tag, ("id", "name", "slug"))
    ids = []
    for name in names:
        if name not in existing:
            existing[name] = table.new_id()
            table.add((existing[name], name, name))
        ids.append(existing[name])
    return Topics(
        tag_ids=ids,
        names={existing[name]: name for name in names},
        phrases={existing[name]: phrase(name) for name in names},
        tag_weights=cumulative(zipf_weights(len(ids), tag_exponent(len(ids)))),
        level_ids=dict(Level.objects.values_list("slug", "pk")),
        level_weights={band: cumulative(list(mix)) for band, mix in LEVEL_MIX.items()},
    )


def title(rng: Random, topic: str, other: str, level: str) -> str:
    """A question title of 30–140 characters from the career vocabulary."""
    for _ in range(10):
        text = rng.choice(words.TITLE_TEMPLATES).format(
            topic=topic,
            other=other,
            band=LEVEL_WORDS[level],
            situation=rng.choice(words.SITUATIONS),
            claim=rng.choice(words.CLAIMS),
            action=rng.choice(words.ACTIONS),
            time=rng.choice(words.TIMES),
        )
        text = text[0].upper() + text[1:]
        if rng.random() < 0.5:
            text = f"{text} {rng.choice(words.QUALIFIERS)}"
        if 30 <= len(text) <= 140:
            return text
    return f"How do I approach {topic} as a {LEVEL_WORDS[level]} engineer?"
