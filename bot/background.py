"""Subject or background: which sentence asks, and which names tell where the learner comes from.

"I learned Flask at uni, should I try Django?" names two frameworks; Flask is background,
Django the subject. These helpers read such signs from the words around a mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from bot.mentions import Mention
from bot.wording import (
    BACKGROUND_AFTER,
    BACKGROUND_BEFORE,
    CLAUSE_ENDS,
    COURTESY,
    COURTESY_STOPS,
    DONE_AFTER_HAVING,
    DONE_WORDS,
    HAVING_DONE,
    LEARN_WORDS,
    MATERIAL,
    QUESTION_STARTS,
    READING,
    REQUEST_CUES,
    RESOURCE_CUES,
    STOP,
    WHAT_WORDS,
    Message,
    Word,
    asks_how_it_stands,
    wordset,
)

#: Right after a name, these tell it is the learner's daily work ("embedded c all day")...
EVERY_DAY = (("all", "day"),)
#: ...and these, after a name opening a part ("java at work, team adding golang").
AT_WORK = (("at", "work"),)
#: After "i" or "we" opening a clause, these tell what the learner works in ("i do angular").
DOING = frozenset({"do"})
#: Before a name, these make it part of the need rather than the subject.
NEED_MARKERS = frozenset({"for", "like", "on"})
#: A part of a sentence opening with one of these asks, as one opening with a question word.
ASKING_OPENERS = frozenset({"now", "but"})
#: Opening a comma part that only explains the one before ("..., like calling other apis?").
ELABORATING = frozenset({"like", "such", "eg", "ie", "especially", "including"})
#: Before a name, what someone else thinks of it: not the learner's own stack.
PREFERRING = frozenset({"likes", "prefers", "says", "wants", "recommends", "suggests", "loves"})
#: Before a name, wanting to understand it ("without really understanding sql").
UNDERSTANDING = frozenset({"understand", "understanding", "grasp", "grasping"})
#: After a question word, these start a clause, not a question ("just what i needed").
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she"})
#: ...of them, those telling what others do ("they use jwt"), not what the learner does
#: with a thing told before ("jwt = a string i put in localstorage").
OTHERS_DOING = SUBJECT_PRONOUNS - {"i", "you"}
#: After a name, people or places where a thing is talked about ("the react forums", "the
#: python crowd").
CROWDS = wordset(
    """forum forums subreddit subreddits discord discords community communities group groups
    channel channels meetup meetups crowd folks people fans devs"""
)
#: Before a name, "have" after one of these tells what the learner has ("we only have nagios").
HAVING_NOW = frozenset({"have", "got"})
OWNERS_HAVING = frozenset({"i", "we", "ive", "weve"})
#: Just before a name, these make it what the learner already has ("our rails app").
OWN_STACK = frozenset({"my", "our"})
#: Shortly before "know" or "learned", these make it asked for, not told ("should i know").
ASKED_TO_KNOW = frozenset({"to", "should", "must", "need", "needs"})
#: ...and these make it asked of others, not told ("has anyone used vercel", "ever tried go?").
ASKED_OF_OTHERS = frozenset({"anyone", "anybody", "ever", "you", "u", "ya"})
#: A name followed within DONE_GAP words by one of these is done with ("docker part is done").
DONE_AFTER = frozenset({"done", "finished", "sorted"})
DONE_GAP = 3
#: After technology the roadmap lacks, these make it what the learner studies ("c++ student").
STUDENTS = frozenset({"student", "students"})
#: "my" or "our" this many words before a name, with only other words of its phrase between,
#: makes it the learner's own ("our spring boot api").
OWNED_GAP = 2
#: A word of telling this many words before a name makes it the learner's ("i know sql"), not
#: counting the words of an amount between ("knows a little bit of php").
BACKGROUND_GAP = 3
AMOUNT_FILLERS = frozenset({"a", "bit", "little"})
#: The learner's (or their team's) own things: "it" after one points at it, not at a name.
LEARNER_OWNERS = frozenset({"my", "our"})
#: "<time> of" just before a name tells experience with it ("ten years of java").
SPENT = frozenset({"year", "month", "week", "decade"})
#: Just before a name, these make it behind the learner ("what is ci/cd after docker")...
DONE_BEFORE = frozenset({"after"})
#: Before material, these make it where the learner keeps meeting something, not material
#: asked for ("every course just says write a query", "all the videos use postgres").
SEEN_IN_ALL = frozenset({"every", "each", "all", "most"})
#: ...and these where the learner is going, whatever came before ("switching to nestjs").
TOWARDS = frozenset({"to", "into", "towards"})

#: Between one who codes and a name, these make it what the learner works on ("unity dev on
#: firebase"); not a team's ("one team on spring boot and one on django").
WORKING_ON = frozenset({"on"})
CODERS = wordset(
    "dev devs developer developers programmer programmers coder coders engineer engineers"
)

#: Before a step's name, these make it the learner's own thing ("our api"), not the step.
OWNERS = frozenset({"my", "our", "the", "their", "your", "ur"})
#: Just before technology the roadmap lacks, these make it what the learner leaves behind
#: ("replace excel with a database", "we outgrew google sheets").
LEAVING = wordset("replace replacing outgrew outgrown outgrowing ditch ditching")


def dummy_it(words: Sequence[Word], at: int) -> bool:
    """Whether the "it" at ``at`` points at nothing.

    "is it time to split", "is it hard to", "does it make sense to use sqlite".
    """
    after = [w.text for w in words[at + 1 : at + 3] if w.sentence == words[at].sentence]
    return (
        after[:1] == ["time"] or "to" in after or after in (["make", "sense"], ["makes", "sense"])
    )


def owned_it(words: Sequence[Word], at: int) -> bool:
    """Whether the "it" at ``at`` points at the learner's own thing told before it.

    "our app gets slow when people hit it": the app, not a name told in an earlier sentence.
    """
    sentence = words[at].sentence
    return any(
        w.text in LEARNER_OWNERS and words[i + 1].sentence == sentence
        for i, w in enumerate(words[:at])
        if w.sentence == sentence and i + 1 < at
    )


def question_sentence(message: Message) -> int:
    """The sentence that asks: the last question, else the last sentence; not a courtesy.

    "We use MySQL, what are the differences. Please help me.": the differences are asked.
    """
    for sentence in sorted(message.questions, reverse=True):
        if not _courtesy_only(message, sentence):
            return sentence
    last = max(message.sentences - 1, 0)
    while last and (last in message.questions or _courtesy_only(message, last)):
        last -= 1
    return last


def _courtesy_only(message: Message, sentence: int) -> bool:
    """Whether a sentence only asks for help or thanks ("please help me", "thanks in advance")."""
    said = [w.text for w in message.words if w.sentence == sentence]
    return bool(said) and COURTESY.issuperset(said) and not COURTESY_STOPS.isdisjoint(said)


def pointed_at(told: list[Mention], words: tuple[Word, ...]) -> Mention:
    """What "it" points at among names told before: the first of the clause told last.

    "laravel makes php nicer. what is it": laravel; "my laravel api ...": of names run
    together, the last is the thing; a clause starts again at one who does ("in my new job
    (react + node) they use jwt. what is it": jwt). A name told as a sentence of its own
    ("terraform?? my buddy says i gotta learn it for our aws stuff. what even is it") is
    what was asked about.
    """
    for mention in told:  # a sentence's words run together: its first and last are the name's
        sentence = words[mention.start].sentence
        if (mention.start == 0 or words[mention.start - 1].sentence != sentence) and (
            mention.end == len(words) or words[mention.end].sentence != sentence
        ):
            return mention
    clause = told[-1].start
    while (
        clause
        and words[clause - 1].segment == words[clause].segment
        and words[clause - 1].text not in CLAUSE_ENDS
        and words[clause - 1].text not in OTHERS_DOING
    ):
        clause -= 1
    last = [m for m in told if m.start >= clause]
    # "everyone in the react forums keeps mentioning jwt": a name before a crowd is only where
    # the thing was heard of
    last = [m for m in last if m.end == len(words) or words[m.end].text not in CROWDS] or last
    head = 0
    while head + 1 < len(last) and last[head + 1].start == last[head].end:
        head += 1
    return last[head]


def told_words(message: Message) -> set[int]:
    """Positions of words telling what the learner has done ("finished a python course").

    Each runs from a word of having done to the end of its clause ("and", "but", a comma);
    a request word after "my" or "our" is the learner's own ("my course"), and one after
    "after" is done ("after learning express").
    """
    words = message.words
    told = {  # "my course mentions couchdb": the learner's own material, not asked for
        i
        for i, (before, word) in enumerate(pairwise(words), 1)
        if word.text in REQUEST_CUES and (before.text in OWN_STACK or before.text in DONE_BEFORE)
    }
    told |= {  # "I read about Express and also about NestJS.": what was read, told
        i
        for i, (before, word) in enumerate(pairwise(words), 1)
        if word.text in READING
        and before.text in OWNERS_HAVING
        and word.sentence not in message.questions
    }
    told |= {  # "every course just says ...", "all the youtube videos say ...": met everywhere
        i
        for i, word in enumerate(words)
        if word.text in MATERIAL
        and any(
            w.text in SEEN_IN_ALL and w.segment == word.segment for w in words[max(i - 3, 0) : i]
        )
    }
    for i, word in enumerate(words):
        after = words[i + 1].text if i + 1 < len(words) else ""
        done = word.text in DONE_WORDS or (
            word.text in DONE_AFTER_HAVING and i > 0 and words[i - 1].text in HAVING_DONE
        )
        if not done or after in SUBJECT_PRONOUNS:
            continue
        end = i + 1
        while (
            end < len(words)
            and words[end].segment == word.segment
            and words[end].text not in CLAUSE_ENDS
        ):
            end += 1
        told.update(range(i, end))
    return told


def names_a_need(message: Message, mention: Mention) -> bool:
    """A name after "for" or "like" describes the need ("a language for a wordpress site")."""
    before = [w.text for w in message.words[max(mention.start - 3, 0) : mention.start]]
    return bool(NEED_MARKERS & set(before))


def asking_segments(message: Message, sentence: int) -> list[int]:
    """The later comma segments of a sentence that ask, last first.

    A segment asks when it starts with a question word, or holds a word asking about a
    technology in a question ("our monolith is old php, microservices worth it?").
    """
    first_of: dict[int, str] = {}
    asked_about: set[int] = set()
    for at, word in enumerate(message.words):
        if word.sentence == sentence:
            first_of.setdefault(word.segment, word.text)
            if asks_how_it_stands(message.words, at) and sentence in message.questions:
                asked_about.add(word.segment)
    segments = sorted(first_of)
    told = {  # "where can i read up on ci cd, we use jenkins at work": a clause telling
        word.segment for word in message.words if word.text in SUBJECT_PRONOUNS
    }
    if (  # "i use express daily, nestjs any good?", not "..., like calling other apis?"
        sentence in message.questions
        and len(segments) > 1
        and first_of[segments[-1]] not in ELABORATING
        and segments[-1] not in told
    ):
        asked_about.add(segments[-1])
    return [
        segment
        for segment in reversed(segments[1:])
        if first_of[segment] in QUESTION_STARTS
        or first_of[segment] in ASKING_OPENERS
        or segment in asked_about
    ]


#: After a material word, these make it who tells rather than what is read ("some youtube
#: fella says postgres").
TELLERS = frozenset(
    {"guy", "guys", "bloke", "blokes", "fella", "fellas", "dude", "dudes", "chap", "lad", "lads"}
    | {"man", "woman", "lady", "person", "people", "teacher", "teachers", "creator", "creators"}
)


def wanted(mention: Mention, words: tuple[Word, ...]) -> bool:
    """Whether a name is told as what to learn or read about ("read up about rest").

    Where the learner's work is going is to be learnt too ("moving our apps into
    containers", "splitting the monolith into microservices").
    """
    if mention.start and words[mention.start - 1].text in TOWARDS and not mention.not_covered:
        return True  # (not "push to github": a place, not the roadmap's)
    start = max(mention.start - 3, 0)
    return any(
        (
            w.stem in LEARN_WORDS
            or (w.text in RESOURCE_CUES and words[at + 1].text not in TELLERS)
            or w.text in UNDERSTANDING
            or w.text == "about"
        )
        and w.sentence == words[mention.start].sentence
        for at, w in enumerate(words[start : mention.start], start)
    )


#: How many people a team has ("a two person team"): no word of a trade.
COUNTS = wordset("two three four five six seven eight nine ten twelve couple")


#: After "background", these make it work done out of sight ("background jobs"), no past.
BACKGROUND_WORK = frozenset(
    {"job", "jobs", "task", "tasks", "worker", "workers", "process", "processes", "processing"}
    | {"thread", "threads", "queue", "queues", "service", "services", "sync", "refresh"}
)


def is_background(mention: Mention, words: tuple[Word, ...]) -> bool:
    """Whether a mention is what the learner comes from ("I learned Flask", "a java dev")."""
    after = (  # in the same part: "nosql and mongodb, people use them like ..." is not
        words[mention.end].text
        if mention.end < len(words) and words[mention.end].segment == words[mention.start].segment
        else ""
    )
    work_after = (  # "rabbitmq background jobs": work done in the background, no past
        after == "background"
        and mention.end + 1 < len(words)
        and words[mention.end + 1].text in BACKGROUND_WORK
    )
    if (after in BACKGROUND_AFTER and not work_after) or (
        mention.not_covered and after in STUDENTS
    ):
        return True  # "a java dev"; "c++ student what is java" (not "python student discounts")
    following = words[mention.end : mention.end + 2]
    opens = not mention.start or words[mention.start - 1].segment != words[mention.start].segment
    if (
        tuple(w.text for w in following) in (EVERY_DAY + AT_WORK if opens else EVERY_DAY)
        and following[0].segment == words[mention.start].segment
    ):
        return True  # "i do embedded c all day", "java at work, ..."
    if (  # "a react frontend dev", "unity game dev": a word of the trade between
        len(following) == 2
        and following[1].text in BACKGROUND_AFTER
        and following[0].text not in STOP
        and following[0].text not in COUNTS  # not "django vs flask, two person team"
        and not following[0].text.isdigit()
        and following[0].segment == following[1].segment == words[mention.start].segment
    ):
        return True
    if any(  # "the docker part is done": behind the learner
        w.text in DONE_AFTER and w.segment == words[mention.start].segment
        for w in words[mention.end : mention.end + DONE_GAP + 1]
    ):
        return True
    before = words[mention.start - 1].text if mention.start else ""
    if before in OWN_STACK or before in DONE_BEFORE:
        return True  # "my python scripts", "our rails app", "after docker": already had
    if mention.not_covered and before in LEAVING:
        return True  # "replace excel with a database": what is left, not asked about
    if (
        before in HAVING_NOW
        and any(  # "we only have nagios", "i have docker installed"
            w.text in OWNERS_HAVING and w.segment == words[mention.start].segment
            for w in words[max(mention.start - 3, 0) : mention.start - 1]
        )
    ):
        return True
    if before in LEARN_WORDS and mention.start > 1 and words[mention.start - 2].text in DONE_BEFORE:
        return True  # "after learning python"
    if before in TOWARDS:
        return False  # "switching to nestjs", "moving into go": where the learner is going
    if (
        before in WORKING_ON
        and mention.start > 1
        and words[mention.start - 2].text in CODERS
        and words[mention.start - 2].segment == words[mention.start].segment
    ):
        return True  # "unity dev on firebase auth": what the learner works on
    if before == "of" and mention.start > 1 and words[mention.start - 2].stem in SPENT:
        return True  # "ten years of java": experience
    owned = words[max(mention.start - OWNED_GAP - 1, 0) : mention.start]
    for at, word in enumerate(owned):  # "my api servers", "our spring boot app": theirs
        if (
            word.text in OWN_STACK
            and word.segment == words[mention.start].segment  # not "my tiny api, flask?"
            and all(  # not "my supervisor likes django": theirs
                w.text not in STOP and w.text not in PREFERRING and w.segment == word.segment
                for w in owned[at + 1 :]
            )
        ):
            return True
    segment = words[mention.start].segment  # "coming from express, nestjs docs": one each
    start, counted = mention.start, 0  # "knows a bit of php": an amount is no word apart
    while start and counted < BACKGROUND_GAP and words[start - 1].segment == segment:
        start -= 1
        counted += words[start].text not in AMOUNT_FILLERS
    window = words[start : mention.start]
    return any(  # "i know what docker is" asks; "i know docker" tells
        (
            w.text in BACKGROUND_BEFORE
            or w.stem in BACKGROUND_BEFORE  # "knows sql"
            or (w.text in DOING and _said_by_the_learner(words, start + i))  # "i do angular"
        )
        and w.sentence == words[mention.start].sentence
        and not any(later.text in WHAT_WORDS for later in window[i + 1 :])
        and not {v.text for v in words[max(start + i - 2, 0) : start + i]}
        & (ASKED_TO_KNOW | ASKED_OF_OTHERS)
        for i, w in enumerate(window)  # "need to know linux", "what should i know about sql"
    )


def _said_by_the_learner(words: Sequence[Word], at: int) -> bool:
    """Whether the word at ``at`` follows "i" or "we" opening a clause ("..., i do c all day").

    Not "how do i", "can i do": the word asks there.
    """
    if at < 1 or words[at - 1].text not in ("i", "we"):
        return False
    opener = at - 1
    return (
        opener == 0
        or words[opener - 1].segment != words[opener].segment
        or words[opener - 1].text in CLAUSE_ENDS
    )
