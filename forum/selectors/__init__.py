"""Every read of the forum, one module per subject: lists, home, tags, threads (the question
page) and sidebar (beside it), search, notifications, revisions and activity (a person's
posts). Each list or page is a fixed number of queries, whatever its size. Import a selector
from its own module: `from forum.selectors.lists import question_list`.
"""
