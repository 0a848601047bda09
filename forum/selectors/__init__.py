"""Every read of the forum, one module per subject: lists (and the home page), tags, threads
(the question page), search, notifications, revisions and activity (a person's posts). Each
list or page is a fixed number of queries, whatever its size. Import a selector from its own
module: `from forum.selectors.lists import question_list`.
"""
