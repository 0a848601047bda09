"""The forum's records, one module per subject. Django loads an app's models from this
package, so it imports each of them (the documented way to split models.py); code may import a
model from here or from its own module."""

from forum.models.answers import Answer
from forum.models.badges import Badge, BadgeAward
from forum.models.comments import Comment
from forum.models.features import Feature
from forum.models.follows import Follow
from forum.models.notifications import Notification
from forum.models.posts import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    EXCERPT_LENGTH,
    post_link,
    thread_of,
)
from forum.models.questions import Question, TaggedQuestion
from forum.models.revisions import Revision
from forum.models.stats import LevelStat, TagStat
from forum.models.suggestions import SuggestedEdit
from forum.models.tagwiki import TagWiki, TagWikiRevision
from forum.models.votes import Vote

__all__ = [
    "BODY_MAX_LENGTH",
    "COMMENT_MAX_LENGTH",
    "EXCERPT_LENGTH",
    "Answer",
    "Badge",
    "BadgeAward",
    "Comment",
    "Feature",
    "Follow",
    "LevelStat",
    "Notification",
    "Question",
    "Revision",
    "SuggestedEdit",
    "TagStat",
    "TagWiki",
    "TagWikiRevision",
    "TaggedQuestion",
    "Vote",
    "post_link",
    "thread_of",
]
