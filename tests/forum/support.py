"""Helpers the forum tests share."""

from forum.services.questions import question_edit

BODY_2 = "I have been mid-level for three years and my reviews say I am close. What now?"


def edit_question(question, editor, ladder, **changes):
    values = {
        "title": question.title,
        "body": question.body,
        "level": question.level,
        "tags": sorted(question.tags.names()),
        "reason": "",
    }
    values |= changes
    if isinstance(values["level"], str):
        values["level"] = ladder[values["level"]]
    return question_edit(question=question, editor=editor, **values)
