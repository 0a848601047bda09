"""The people: accounts with profiles, verified e-mail addresses, a join date and how active
each one is.

People join over the window as traffic grows (a few founders before it), and ids follow join
order. Only people who have joined can act: they are drawn from the prefix of those joined by
then, so no one posts, votes or moderates before their account exists. Activity is
Pareto-skewed (a few people write much of the forum); juniors and mid-levels ask more, seniors
and staff answer more. Bands come from `band_for_level_code`, as when a profile is saved.
"""

from bisect import bisect
from dataclasses import dataclass
from random import Random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, UNUSABLE_PASSWORD_SUFFIX_LENGTH
from django.contrib.auth.models import Group
from django.utils.crypto import RANDOM_STRING_CHARS

from accounts.bands import band_for_level_code
from accounts.models import User
from accounts.names import skeleton
from moderation.models import MODERATORS_GROUP
from seeding import vocabulary as words
from seeding.shapes import DAY, Plan, cumulative, question_times, rng_for
from seeding.writer import Writer

BANDS = ("junior", "mid", "senior", "staff")
BAND_WEIGHTS = cumulative([0.25, 0.40, 0.28, 0.07])
ASKS = {"junior": 1.3, "mid": 1.2, "senior": 0.8, "staff": 0.5}
ANSWERS = {"junior": 0.5, "mid": 1.0, "senior": 1.6, "staff": 2.0}
FOUNDERS = 0.05  # share of people who joined before the window opens
# Pareto activity: most people post now and then, a few very often, but the busiest person
# writes about 1% of the answers, not a fifth of them.
ACTIVITY_ALPHA, ACTIVITY_CAP = 1.6, 300.0


@dataclass
class People:
    ids: list[int]  # in join order
    joined: list[int]  # seconds into the window (negative for founders), ascending
    bands: list[str]
    ask: list[float]  # cumulative weights, in join order
    answer: list[float]
    vote: list[float]
    moderators: list[int]

    def joined_by(self, moment: int) -> int:
        """How many people had joined at `moment` (always at least the founders)."""
        return bisect(self.joined, moment)

    def pick(self, rng: Random, weights: list[float], moment: int) -> int:
        """One person who had joined by `moment`, by cumulative weights."""
        joined = self.joined_by(moment)
        return self.ids[bisect(weights, rng.random() * weights[joined - 1], 0, joined - 1)]

    def band(self, user_id: int) -> str:
        return self.bands[user_id - self.ids[0]]


def _unusable_password(rng: Random) -> str:
    """What make_password(None) stores, with a suffix from the seed instead of the OS."""
    suffix = rng.choices(RANDOM_STRING_CHARS, k=UNUSABLE_PASSWORD_SUFFIX_LENGTH)
    return UNUSABLE_PASSWORD_PREFIX + "".join(suffix)


def _usernames(rng: Random, count: int, taken: set[str]) -> list[tuple[str, str, str]]:
    """(username, first name, last name), unique and lower-case."""
    people = []
    while len(people) < count:
        first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
        style = rng.random()
        if style < 0.4:
            name = f"{first}.{last}"
        elif style < 0.7:
            name = f"{first}{last[0]}{rng.randint(1, 99)}"
        else:
            name = f"{first[0]}{last}{rng.randint(1, 999)}"
        name = name.lower()
        if name not in taken:
            taken.add(name)
            people.append((name, first, last))
    return people


def _join_times(rng: Random, count: int) -> list[int]:
    founders = max(3, int(count * FOUNDERS))
    early = sorted(-int(rng.random() * 365 * DAY) - 1 for _ in range(founders))
    return early + question_times(rng, count - founders)


def create(plan: Plan, writer: Writer) -> People:
    rng = rng_for(plan.seed, "people")
    fields = ("id", "password", "username", "email", "display_name", "headline", "company",
              "level_code", "band", "date_joined", "username_skeleton",
              "display_name_skeleton")  # fmt: skip
    users = writer.table(User, fields)
    emails = writer.table(EmailAddress, ("id", "user", "email", "verified", "primary"))
    taken = {name.lower() for name in User.objects.values_list("username", flat=True)}
    taken |= {email.split("@")[0].lower() for email in User.objects.values_list("email", flat=True)}
    joined = _join_times(rng, plan.people)
    at = plan.clock()
    ids, bands, activity = [], [], []
    for (name, first, last), moment in zip(
        _usernames(rng, plan.people, taken), joined, strict=True
    ):
        code = rng.choice(words.LEVEL_CODES[rng.choices(BANDS, cum_weights=BAND_WEIGHTS)[0]])
        derived = band_for_level_code(code)
        band = derived.value if derived else ""
        user_id = users.new_id()
        email = f"{name}@{rng.choice(words.EMAIL_DOMAINS)}"
        company = rng.choice(words.COMPANIES) if rng.random() < 0.6 else ""
        users.add(
            (user_id, _unusable_password(rng), name, email, f"{first} {last}",
             rng.choice(words.HEADLINES), company, code, band, at(moment), skeleton(name),
             skeleton(f"{first} {last}"))
        )  # fmt: skip
        emails.add((emails.new_id(), user_id, email, True, True))
        ids.append(user_id)
        bands.append(band)
        activity.append(min(ACTIVITY_CAP, rng.paretovariate(ACTIVITY_ALPHA)))
    # Moderators: the most active founders (seniors first), there for the whole window.
    founders = range(bisect(joined, 0))
    ranked = sorted(founders, key=lambda i: (bands[i] not in ("senior", "staff"), -activity[i], i))
    return People(
        ids=ids,
        joined=joined,
        bands=bands,
        ask=cumulative([a * ASKS.get(b, 1) for a, b in zip(activity, bands, strict=True)]),
        answer=cumulative([a * ANSWERS.get(b, 1) for a, b in zip(activity, bands, strict=True)]),
        vote=cumulative(activity),
        moderators=[ids[i] for i in ranked[: plan.moderators]],
    )


def make_moderators(people: People) -> None:
    """Moderators join the group; its signal sets is_moderator, as when an admin adds them."""
    Group.objects.get(name=MODERATORS_GROUP).user_set.add(*people.moderators)
