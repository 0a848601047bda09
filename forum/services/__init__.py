"""Every write to the forum, one module per subject: questions, answers, comments, votes,
revisions (rollback), visibility (hide, restore, delete) and reputation. Views parse input,
call one service, and render the result.

Each service checks the rules itself (forum/rules.py, through `require`), so no code path can
skip one; counters move with F() expressions inside the service's transaction. Import a
service from its own module: `from forum.services.questions import question_create`.
"""
