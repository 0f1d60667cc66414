"""Follow-ups: a short message read against the same person's last answer in the chat.

"and Flask?", "resources for it", "compare them": what the message names or asks for, about
the topics of the answer before it.
"""

from __future__ import annotations

from bot.understanding import Intent, Outcome, Understanding
from bot.use_cases import UseCaseRanker
from bot.wording import (
    COMPARE_CUES,
    PLURAL_POINTERS,
    POINTERS,
    PROJECT_CUES,
    RESOURCE_CUES,
    ROADMAP_WORDS,
    STOP,
    Message,
)


def read_follow_up(
    ranker: UseCaseRanker,
    question: str,
    message: Message,
    fresh: Understanding,
    previous: Understanding,
) -> Understanding | None:
    """The follow-up reading of a short message, if it is one.

    ``fresh`` is the message read on its own, ``previous`` the answer before it; ``ranker``
    weighs a need asked of the previous topic.
    """
    words = message.texts
    opener = words[:1] in (("and",), ("also",)) or words[:2] in (
        ("what", "about"),
        ("how", "about"),
    )
    pointing = any(  # "is it hard?"; not "whats this whole roadmap about?"
        (word in POINTERS or word in PLURAL_POINTERS)
        and ROADMAP_WORDS.isdisjoint(words[at + 1 : at + 3])
        for at, word in enumerate(words)
    )
    named = fresh.confident and fresh.intent is not Intent.OVERVIEW and fresh.topic_ids
    cues = set(words) | {w.stem for w in message.words}
    if named and opener and fresh.intent is Intent.TOPIC:
        new, topics = fresh.topic_ids[0], ranker.knowledge.topics
        if (  # "and mysql?" after sqlite vs postgres joins it; "and flask?" is asked anew
            previous.intent is Intent.COMPARE
            and new not in previous.topic_ids
            and topics[new].kind == topics[previous.topic_ids[0]].kind
        ):
            return Understanding(question, Intent.COMPARE, (previous.topic_ids[0], new))
        if previous.intent in (Intent.RESOURCES, Intent.PROJECTS):
            return Understanding(question, previous.intent, (new,))
        return None
    if (
        named
        or fresh.small_talk
        or fresh.outcome is Outcome.NOT_COVERED
        or not (opener or pointing)
    ):
        # thanks or an unrelated line is not about the last answer; nor is technology the
        # roadmap lacks ("what about typescript?", "is typescript on this roadmap at all?")
        return None
    topics = previous.topic_ids
    if COMPARE_CUES & cues and len(topics) >= 2:
        return Understanding(question, Intent.COMPARE, topics[:3])
    if RESOURCE_CUES & cues:
        return Understanding(question, Intent.RESOURCES, topics[:1])
    if PROJECT_CUES & cues:
        return Understanding(question, Intent.PROJECTS, topics[:1])
    terms = ranker.terms(w.stem for w in message.words if w.text not in STOP)
    if terms:
        reasons = {fit.topic_id: fit.reasons for fit in ranker.rank(terms, {topics[0]})}
        return Understanding(question, Intent.TOPIC, topics[:1], reasons=reasons)
    return None
