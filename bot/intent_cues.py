"""Cues of what a question asks for: what a name is, something to build, a fit for a need.

Each helper reads one sign from a message's words; the answerer (:mod:`bot.questions`) weighs
them together.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from itertools import pairwise

from bot.background import SUBJECT_PRONOUNS, UNDERSTANDING, is_background, told_words
from bot.mentions import Mention
from bot.wording import (
    ARTICLES,
    BUILD_IDIOMS,
    BUILD_WORDS,
    COMPARE_CUES,
    DIFFERENCE_ELSEWHERE,
    KIND_OF,
    LEAD_INS,
    LEARN_WAYS,
    LEARN_WORDS,
    LIKENESS_CUES,
    MADE_WHAT,
    NAME_POINTERS,
    PLURAL_POINTERS,
    POINTERS,
    QUESTION_STARTS,
    READ_FOR,
    READING,
    REQUEST_CUES,
    RESOURCE_CUES,
    START_LINKS,
    STARTING,
    STEP_WORDS,
    STOP,
    USE_CASE_CUES,
    WHAT_IS,
    WHAT_WORDS,
    WHATS,
    Message,
    Word,
    wordset,
)

#: Before a name and "better", these want it known more ("understand postgresql better").
KNOWING = UNDERSTANDING | {"know"}
#: Words that ask what a name is or means, and the verbs of "what is" and "what does".
DEFINING = frozenset(
    {"explain", "explained", "explanation", "mean", "means", "meaning", "define", "definition"}
)
#: ...and those words beside a name ("whats java like", "docker what for").
WHAT_IT_IS = WHAT_IS | WHATS | DEFINING
#: Between a comparing word and what it sets against ("compared to", "vs. with").
COMPARED_LINKS = frozenset({"to", "with", "against"})
BE_WORDS = frozenset({"is", "are", "was", "does", "do", "exactly"})
DOING_VERBS = frozenset({"does", "do"})
WORKING = frozenset({"work", "works"})
#: "how do i", "how can we": asking how to do something.
DOING = frozenset({"do", "can", "would", "should", "could"})
PEOPLE = frozenset({"i", "we"})
#: Words that tell a need ("need to keep users logged in").
WANTING = frozenset({"need", "needs", "want", "wanna"})
#: Verbs asking to have something explained ("explain me docker", "teach us kafka").
EXPLAINING = frozenset({"explain", "teach", "describe"})
#: Between "what" and "is": "what even is express", "what exactly is a monolith".
EVEN = frozenset({"even", "exactly", "actually", "really"})
#: Between "what is" and a name, words pointing at it ("what is this mqtt", "whats dis redis").
THIS = frozenset({"this", "that", "dis", "dat"})
#: What a name pointed at by "this" may be called after it ("what is this monolith thing")...
THING_WORDS = frozenset({"thing", "things", "stuff"})
#: ...or who talks of it ("what is this docker they are talking about", "... my boss mentions").
WHO_TALKS = frozenset(
    {"they", "you", "he", "she", "we", "people", "ppl", "everyone", "everybody", "my", "your"}
)
#: Between "what" and the field's name when its nature is asked ("what does a backend dev
#: do", "what even is backend").
FIELD_ASKED = BE_WORDS | EVEN
#: After the field's name, the people and work of it ("a backend dev", "backend development").
FIELD_PEOPLE = wordset("dev devs developer developers development engineer engineers engineering")
#: Around the field's name, words that only point at it or hedge ("what is this backend thing
#: basically").
FIELD_FILLERS = wordset("this that thing stuff basically actually exactly really")
#: Before "of" and the field's name, what the field does ("the main responsibilities of backend").
FIELD_DUTIES = wordset("responsibilities responsibility role roles duties job purpose")
#: "explain what docker is in simple words": how simply a thing is to be told.
SIMPLY = frozenset({"simple", "plain", "short", "brief", "layman", "laymans", "nutshell"})
#: After "what is <name>", these end what is asked ("what is kafka and should i learn it").
DEFINED_AFTER = frozenset(
    {"and", "exactly", "actually", "really", "even", "used", "for", "good", "in", "then", "anyway"}
    | {"sef"}  # pidgin ("wetin be docker sef")
)
#: After "what", these are "is" in pidgin ("wetin be docker", "wetin be dat").
PIDGIN_BE = frozenset({"be"})
#: Before "to" and a build word, these ask for something to build ("smth to build").
SOMETHING = frozenset(
    {"something", "smth", "sth", "stuff", "things", "thing", "anything", "jobs", "tasks"}
)
#: After "make", these make a thing so ("make my api faster"): nothing is built.
MADE_SO = frozenset({"my", "our", "your", "it", "them", "this", "that", "these", "those"})
#: "mongo ok for banking": at most this many words between a name and the "for" of its need.
FIT_GAP = 2
#: Likeness words that may describe a thing ("a different version") rather than compare...
DESCRIBING_LIKENESS = frozenset({"different", "same", "similar"})
#: ...unless followed by one of these or a stop word ("different from", "the same thing").
LIKENESS_LINKS = frozenset({"from", "than", "to", "as", "about", "between", "in", "for", "things"})

#: A sentence of these alone asks for what the sentence before it wants ("Suggestions?").
ASKING_NOUNS = frozenset(
    {"suggestions", "suggestion", "recommendations", "thoughts", "advice", "tips", "pointers"}
)

#: After a build word, these name what to build with ("what to build with go").
BUILT_WITH = frozenset({"with", "using"})

#: Words that ask something of the roadmap (a greeting before one is not small talk).
ASKING_WORDS = frozenset({"what", "which", "how", "why", "where", "should", "best"})


def asks_how_it_works(texts: Sequence[str]) -> bool:
    """Whether the words ask how something works ("how does kafka work", "how kafka works")."""
    return not WORKING.isdisjoint(texts) and any(
        text == "how" and (next_text in DOING_VERBS or "works" in texts[at + 2 : at + 4])
        for at, (text, next_text) in enumerate(pairwise(texts))
    )


def asks_how_the_thing_told_works(texts: Sequence[str]) -> bool:
    """Whether a sentence only asks how what was told works ("how dat work?", "how does it work").

    Its words are "how", a pointer, a working word and no more than a doing verb or a tail.
    """
    return (
        texts[:1] == ["how"]
        and not WORKING.isdisjoint(texts)
        and not POINTERS.isdisjoint(texts)
        and HOW_IT_WORKS_WORDS.issuperset(texts[1:])
    )


def asks_at(message: Message, at: int, asking: Set[str]) -> bool:
    """Whether the word at ``at`` asks: in a question, or not opening a clause ("see what you")."""
    words = message.words
    following = words[at + 1].text if at + 1 < len(words) else ""
    return words[at].text in asking and (
        words[at].sentence in message.questions or following not in SUBJECT_PRONOUNS
    )


def started_on(words: Sequence[Word]) -> set[int]:
    """Where a name would start that is where to start ("where do i start with (the) docker")."""
    return {
        i + gap
        for i, (w, link) in enumerate(pairwise(words))
        if w.text in STARTING and link.text in START_LINKS
        for gap in (2, 3)
    }


def idiom_positions(
    message: Message, mentions: list[Mention], improving: dict[int, int]
) -> set[int]:
    """Positions of cue words used in another sense, which ask for nothing."""
    words = message.words
    idioms = {
        i
        for i, (w, after) in enumerate(pairwise(words))
        # "when does it make sense": not building; "this kind of thing": no name
        if (w.text in BUILD_WORDS and after.text in BUILD_IDIOMS)
        # "what make an api REST": what causes it, nothing built
        or (w.text == "make" and i and words[i - 1].text == "what" and after.text in MADE_WHAT)
        or ((w.text in POINTERS or w.text in PLURAL_POINTERS) and after.text in KIND_OF)
        # "a different python version", "the same setup": a thing described, not compared
        or (
            w.text in DESCRIBING_LIKENESS
            and after.sentence == w.sentence
            and after.text not in LIKENESS_LINKS
            and after.text not in STOP
        )
        # "my script can't read a csv file": a program reading, not material ("what reading
        # does the roadmap suggest" asks for it)
        or (
            w.text in READING
            and after.text not in READ_FOR
            and after.segment == w.segment
            and not (i and words[i - 1].text in WHAT_WORDS)
        )
    }
    idioms.update(  # "is spring boot worth learning": its worth asked, not material
        i + 1
        for i, (w, after) in enumerate(pairwise(words))
        if w.text == "worth" and after.text in LEARN_WORDS
    )
    idioms.update(  # "go build fails", "docker build is slow": the name's command
        m.end for m in mentions if m.end < len(words) and words[m.end].text in BUILD_WORDS
    )
    idioms.update(  # "to understand postgresql better": knowing it more, not comparing
        m.end
        for m in mentions
        if m.end < len(words)
        and words[m.end].text == "better"
        and m.start > 0
        and (words[m.start - 1].stem in LEARN_WORDS or words[m.start - 1].stem in KNOWING)
    )
    idioms.update(  # "pick up", "get better at": learning, not picking or comparing
        i for at, size in improving.items() for i in range(at, at + size)
    )
    return idioms


def asks_definition(
    message: Message, focus: int, subjects: list[Mention], focus_words: Set[str]
) -> bool:
    """Whether the question asks what a name is ("what is couchdb", "what is it").

    The name itself is asked about, whatever the background says.
    """
    focus_texts = [w.text for w in message.words if w.sentence == focus]
    defining = (
        bool(DEFINING & focus_words)
        or asks_how_it_works(focus_texts)  # "how does oauth work for third party login"
        or any(  # not "what do i set up"
            _what_it_is(a, b, c) and c not in PEOPLE
            for a, b, c in zip(focus_texts, focus_texts[1:], [*focus_texts[2:], ""], strict=False)
        )
    )
    return defining and (
        any(  # not "what is the quickest way to put a web page on my python code"
            message.words[m.start].sentence == focus and not is_background(m, message.words)
            for m in subjects
        )
        or bool(focus_words & (POINTERS | PLURAL_POINTERS))
    )


def asks_something_to_build(words: Sequence[Word], sentences: Set[int]) -> bool:
    """Whether the words ask for something to build ("need smth to build so i learn sql").

    "something to make my api faster" makes a thing so, it builds nothing.
    """
    texts = [*(w.text for w in words), ""]
    return any(
        texts[i] in SOMETHING
        and texts[i + 1] == "to"
        and texts[i + 2] in BUILD_WORDS
        and texts[i + 3] not in MADE_SO
        and words[i].sentence in sentences
        for i in range(len(words) - 2)
    )


def asks_yes_no(texts: Sequence[str]) -> bool:
    """Whether a sentence asks yes or no about itself ("is go enough", "can i build x with y").

    "can you ..." and "could you ..." ask for something instead.
    """
    opening = [t for t in texts if t not in LEAD_INS][:2]
    return bool(opening) and (
        opening[0] in BE_WORDS or (opening[0] in DOING and opening[1:] in (["i"], ["we"]))
    )


def wants_something(message: Message, cues: Set[str], subjects: list[Mention]) -> bool:
    """Whether the message asks for something to use or do, not what a name is."""
    texts = message.texts
    starts = {  # "how do i stop it", "how to stop it": an action, not how X works
        i + (2 if b == "to" else 3)
        for i, (a, b, c) in enumerate(zip(texts, texts[1:], texts[2:], strict=False))
        if a == "how" and (b == "to" or (b in DOING and c in PEOPLE))
    }
    does = bool(starts) and not starts & {m.start for m in subjects}  # "how do i monitor"
    fit_for = asks_fit(texts, subjects)
    return bool((USE_CASE_CUES | BUILD_WORDS | WANTING) & cues) or does or fit_for


def asks_fit(texts: Sequence[str], subjects: list[Mention]) -> bool:
    """Whether a name is asked about as fit for a need ("mongo (ok) for a banking app")."""
    return any("for" in texts[m.end : m.end + FIT_GAP + 1] and not m.not_covered for m in subjects)


def only_in_passing(message: Message, uncovered: list[Mention]) -> bool:
    """Whether technology the roadmap lacks is only where a need happens.

    "auto deploy on git push": the message neither starts with it nor speaks of learning.
    """
    return all(m.start > 0 for m in uncovered) and not any(
        w.stem in LEARN_WORDS or w.text in LEARN_WORDS for w in message.words
    )


def named_for_definition(words: Sequence[Word], mention: Mention) -> bool:
    """Whether the name is what a "what is" asks for ("what is kafka?", "what is kafka and")."""
    start, end = mention.start, mention.end
    if _known_already(words, start):
        return False
    # "what is this monolith thing", "wat even is a monolith"
    pointed = start >= 2 and words[start - 1].text in THIS
    if pointed or (start >= 2 and words[start - 1].text in ARTICLES):
        start -= 1
    asked = (  # "what is kafka", "wat is gin", "whats gin", "what even is gin"
        start >= 2
        and (words[start - 1].text in BE_WORDS or words[start - 1].text in PIDGIN_BE)
        and (
            words[start - 2].text in WHAT_IS
            or (start >= 3 and words[start - 3].text in WHAT_IS and words[start - 2].text in EVEN)
        )
    ) or (start >= 1 and words[start - 1].text in WHATS)
    if (  # "how does kafka work", "how do jwts work?"
        not pointed
        and start >= 2
        and end < len(words)
        and asks_how_it_works([w.text for w in (words[start - 2], words[start - 1], words[end])])
        and (end + 1 == len(words) or words[end + 1].sentence != words[start].sentence)
    ):
        return True
    if not asked:
        return not pointed and _what_it_is_told(words, mention.start, end)

    def ends_the_ask(at: int) -> bool:
        return (
            at == len(words)
            or words[at].segment != words[start].segment  # "what's azure, roughly"
            or words[at].text in DEFINED_AFTER
            # "what is this monolith thing", "what is this docker they are talking about"
            or (pointed and (words[at].text in THING_WORDS or words[at].text in WHO_TALKS))
        )

    return ends_the_ask(end) or (  # "so what does azure do exactly"
        words[start - 1].text in DOING_VERBS
        and words[end].text in DOING_VERBS
        and ends_the_ask(end + 1)
    )


#: Before "what is", these tell it known ("i understand what is docker, but what is ci cd")...
KNOWN_ALREADY = KNOWING | {"knew", "understood"}
#: ...after one of these (not "i dont know what docker is", "i'd like to understand what").
KNOWERS = frozenset({"i", "we", "already"})


def _known_already(words: Sequence[Word], start: int) -> bool:
    """Whether a "what is" just before ``start`` follows a learner telling it known."""
    for at in range(max(start - 4, 0), start):
        if words[at].text in WHAT_IS or words[at].text in WHATS:
            return at >= 2 and words[at - 1].text in KNOWN_ALREADY and words[at - 2].text in KNOWERS
    return False


def defined_beside(words: Sequence[Word], mention: Mention) -> bool:
    """Whether the words right beside a name ask what it is.

    "what is kafka", "explain docker like im 5", "docker what is it", "monolith meaning??";
    not "what does azure colour look like".
    """
    start, end = mention.start, mention.end
    after = words[end] if end < len(words) else None
    asked_after = after is not None and (
        # "docker what is it", in the same part of the sentence
        (after.segment == words[start].segment and after.text in WHAT_IT_IS)
        # "... about docker, what is it", "..., what's the deal": the next part asks it
        or (
            after.segment == words[start].segment + 1
            and after.sentence == words[start].sentence
            and _is_asked_what(words, end)
        )
        or _asked_next_sentence(words, mention)
    )
    return (
        named_for_definition(words, mention)
        or (start > 0 and words[start - 1].text in DEFINING)
        # "whats the deal with docker anyways"
        or (start > 1 and words[start - 2].text == "deal" and words[start - 1].text == "with")
        or asked_after
        or _is_what(words, end)
        or _how_it_works(words, mention)
        or asked_in_another_language(words, mention)
    )


#: "What is" in other languages, said right after a name: Hindi and Urdu ("docker kya hai",
#: "kya hota hai", "kya cheez hai", its "cheez" read as "thing"; "kaise", how: "rest api kaise
#: design karte hain"), Swahili ("ni nini"), Vietnamese ("là gì"), Turkish ("nedir"), Uzbek
#: ("nima"), Malay ("itu apa"), French ("c'est quoi"), German ("was ist das")...
WHAT_IS_AFTER = frozenset(
    {("kya", "hai"), ("kya", "he"), ("kya", "h"), ("kya", "hota"), ("kya", "hoti")}
    | {("kya", "hain"), ("kya", "hay"), ("kya", "thing"), ("ni", "nini"), ("kaise",), ("kese",)}
    | {("la", "gi"), ("nedir",), ("nima",), ("itu", "apa"), ("cest", "quoi")}
    | {("was", "ist", "das")}
)
#: ...or right before it: Malay ("apa itu"), Tagalog ("ano ang"), Spanish ("qué es"),
#: Portuguese ("o que é"), French ("c'est quoi"), Italian ("cos'è"), German ("was ist"), Polish
#: ("co to jest"), Romanian ("ce este"), Russian ("chto takoe"). Not "qué es" after a name:
#: "python o java, qué es más fácil" compares.
WHAT_IS_BEFORE = frozenset(
    {("apa", "itu"), ("ano", "ang"), ("ano", "yung"), ("que", "es"), ("que", "e")}
    | {("cest", "quoi"), ("cose",), ("was", "ist"), ("co", "to", "jest"), ("ce", "este")}
    | {("chto", "takoe"), ("shto", "takoe")}
)
#: The longest of them, in words.
WHAT_IS_ELSEWHERE_WORDS = max(map(len, WHAT_IS_AFTER | WHAT_IS_BEFORE))
#: Their first words after a name and last words before one: most names have neither beside.
_WHAT_IS_NEXT_TO = frozenset(p[0] for p in WHAT_IS_AFTER) | frozenset(p[-1] for p in WHAT_IS_BEFORE)


def asked_in_another_language(words: Sequence[Word], mention: Mention) -> bool:
    """Whether "what is" in another language stands right beside the name ("docker kya hai")."""
    start, end = mention.start, mention.end
    if not (
        (end < len(words) and words[end].text in _WHAT_IS_NEXT_TO)
        or (start > 0 and words[start - 1].text in _WHAT_IS_NEXT_TO)
    ):
        return False
    segment = words[start].segment
    after = [w.text for w in words[end : end + WHAT_IS_ELSEWHERE_WORDS] if w.segment == segment]
    before = [
        w.text
        for w in words[max(start - WHAT_IS_ELSEWHERE_WORDS, 0) : start]
        if w.segment == segment
    ]
    return any(
        tuple(after[:size]) in WHAT_IS_AFTER or tuple(before[-size:]) in WHAT_IS_BEFORE
        for size in range(1, WHAT_IS_ELSEWHERE_WORDS + 1)
    )


#: Words a sentence may go on after a name and its next sentence still ask what the name is
#: ("fed up with docker today. what's it for?").
TRAILING_WORDS = 2


def _asked_next_sentence(words: Sequence[Word], mention: Mention) -> bool:
    """Whether the sentence after a name's, pointing back, asks what it is.

    "everyone says docker docker docker... wat is it", "fed up with docker today. what's it
    actually for?": the name ends its sentence, or a word or two after it do.
    """
    sentence = words[mention.start].sentence
    following = next(
        (at for at in range(mention.end, len(words)) if words[at].sentence != sentence), None
    )
    return (
        following is not None
        and following - mention.end <= TRAILING_WORDS
        and words[following].sentence == sentence + 1
        and _is_asked_what(words, following)
        and any(
            w.text in NAME_POINTERS and w.sentence == words[following].sentence
            for w in words[following : following + 4]
        )
    )


def _what_it_is(first: str, second: str, third: str) -> bool:
    """Whether three words in a row ask what something is: "what is ..." or "what that is".

    The second order is Creole and Indian English's ("we need firebase, wha dat is?").
    """
    return first == "what" and (second in BE_WORDS or (second in POINTERS and third in BE_WORDS))


def _is_asked_what(words: Sequence[Word], at: int) -> bool:
    """Whether the words from ``at`` ask what something is ("what is it", "whats the deal")."""
    first = words[at].text
    second = words[at + 1].text if at + 1 < len(words) else ""
    third = words[at + 2].text if at + 2 < len(words) else ""
    return first in WHATS or first in DEFINING or _what_it_is(first, second, third)


def _how_it_works(words: Sequence[Word], mention: Mention) -> bool:
    """Whether a name sits in "how does X (actually) work" ("... under the hood").

    Also a part of X's ("how does cassandra replication work").
    """
    start, end = mention.start, mention.end
    after = [w.text for w in words[end : end + 2]]
    return (
        start > 1
        and words[start - 2].text == "how"
        and words[start - 1].text in DOING_VERBS
        and (
            after[:1] == ["work"]
            or (after[1:] == ["work"] and (after[0] in WHAT_TAILS or after[0] not in STOP))
        )
    )


#: Between a name and a closing "what": "azure is what?", "azure good for what exactly".
IS_FOR = BE_WORDS | frozenset({"good", "used", "useful", "for"})
#: After that "what", words that still close the question ("good for what exactly").
WHAT_TAILS = frozenset({"exactly", "even", "really", "actually", "then"})
#: The words of a sentence asking only how what was told works ("how does it work exactly").
HOW_IT_WORKS_WORDS = WORKING | POINTERS | DOING_VERBS | WHAT_TAILS


def _is_what(words: Sequence[Word], end: int) -> bool:
    """Whether "is what" or "good for what" closes the part after a name.

    "azure is what? cloud of microsoft?", "azure good for what exactly".
    """
    if end >= len(words):
        return False
    segment = words[end].segment
    at = end
    while at < len(words) and words[at].segment == segment and words[at].text in IS_FOR:
        at += 1
    if at == end or at >= len(words) or words[at].text not in WHAT_IS:
        return False
    rest = [w.text for w in words[at + 1 :] if w.segment == segment]
    return all(text in WHAT_TAILS for text in rest)


def _what_is_it_after(words: Sequence[Word], mention: Mention) -> bool:
    """Whether a name opens its part and "what is it" closes it ("nestjs what is it, ...").

    The name is said first, then asked about by the pronoun pointing back at it; not a name
    inside a description ("gin framework in go what is it" asks about Gin).
    """
    start, end = mention.start, mention.end
    if start and words[start - 1].segment == words[start].segment:
        return False
    segment = [w.text for w in words[end:] if w.segment == words[start].segment]
    if segment[:1] and segment[0] in WHATS:  # "nestjs whats it"
        segment = ["what", "is", *segment[1:]]
    return (
        len(segment) >= 3
        and segment[0] in WHAT_IS
        and segment[1] in BE_WORDS
        and segment[2] in POINTERS
        and all(text in WHAT_TAILS for text in segment[3:])
    )


def _what_it_is_told(words: Sequence[Word], start: int, end: int) -> bool:
    """Whether "what <name> is" asks it in a clause ("explain what docker is in simple words")."""
    if not start or end >= len(words):
        return False
    if words[start - 1].text not in WHAT_IS or words[end].text not in ("is", "are"):
        return False
    after = [w.text for w in words[end + 1 : end + 3] if w.segment == words[end].segment]
    return (  # not "what spring is in paris"
        not after
        or after[0] in DEFINED_AFTER - {"in"}
        or (after[:1] == ["in"] and after[1:] and after[1] in SIMPLY)
    )


def asked_what_it_is(words: Sequence[Word], mention: Mention, *, after: bool = True) -> bool:
    """Whether the message asks what the name is, beside it.

    "whats java like", "what is sqlite", and (``after``) "docker what for".
    """
    if _known_already(words, mention.start):  # "i understand what is docker, but ..."
        return False
    before = words[max(mention.start - 2, 0) : mention.start]
    if (
        len(before) == 2
        and mention.start >= 3
        and (before[0].text in EVEN or before[1].text in THIS)
    ):
        # "what even is", "what exactly is", "what is this", "whats dis"
        before = words[mention.start - 3 : mention.start]
    next_word = words[mention.end] if after and mention.end < len(words) else None
    return (
        named_for_definition(words, mention)
        or _is_what(words, mention.end)
        or _what_is_it_after(words, mention)
        or asked_in_another_language(words, mention)
        or any(w.text in WHAT_IT_IS for w in before)
        or (
            next_word is not None
            and next_word.text in WHAT_IT_IS
            and next_word.segment == words[mention.start].segment
        )
    )


def asks_about_doubtful(message: Message, unsure: Set[int]) -> bool:
    """Whether a sentence naming a doubtful name asks what it is ("wat rest even is")."""
    sentences = {message.words[i].sentence for i in unsure}
    words = message.words
    return any(
        w.sentence in sentences and asks_at(message, i, WHAT_WORDS) for i, w in enumerate(words)
    )


@dataclass(frozen=True, slots=True)
class Requests:
    """Where a message asks, and what its asking words request."""

    #: The sentences the question is about: the one that asks, those naming its subjects, and
    #: the one before a bare "Suggestions?".
    about: Set[int]
    #: The words (and stems) of those sentences, less names and idioms.
    cues: Set[str]
    #: Positions of words telling what the learner has done (:func:`told_words`).
    told: Set[int]
    #: The asking words that are not told.
    requesting: list[Word]
    #: The requesting words (and stems) of the sentence that asks.
    focus_cues: Set[str]
    #: What is requested, and from which sentences: the sentence that asks, when it requests
    #: itself ("I've done a course on Express. What could I build?"), else all of ``about``.
    request_cues: Set[str]
    request_sentences: Set[int]
    #: Whether those sentences hold a comparing word, as typed ("deciding between", not "we've
    #: decided to rewrite it").
    comparing: bool = False


def read_requests(
    message: Message, focus: int, subjects: list[Mention], rest: list[Word]
) -> Requests:
    """Where a message asks and what it requests; ``rest`` holds its words less names and idioms.

    Parts telling what the learner has done ("did a flask tutorial, now what ...") request
    nothing.
    """
    about = {focus} | {message.words[m.start].sentence for m in subjects}
    if focus and all(  # "I want a project where I design the tables. Suggestions?"
        w.text in STOP or w.text in QUESTION_STARTS or w.text in ASKING_NOUNS
        for w in message.words
        if w.sentence == focus
    ):
        about.add(focus - 1)
    asking = [w for w in rest if w.sentence in about] or rest
    cues = {w.text for w in asking} | {w.stem for w in asking}
    told = told_words(message)
    in_asking = set(asking)
    requesting = [w for i, w in enumerate(message.words) if w in in_asking and i not in told]
    after = [w for w in message.words if w.sentence == focus + 1]
    # "owt decent for learnin sql? books, sites, owt like that": the material asked for, listed
    # after the question
    listed_after = any(w.text in RESOURCE_CUES for w in after) and all(
        w.text in STOP or w.text in RESOURCE_CUES or w.text in LEARN_WAYS for w in after
    )
    focus_cues = (
        {w.text for w in requesting if w.sentence == focus}
        | {w.stem for w in requesting if w.sentence == focus}
        | ({w.text for w in after} if listed_after else set())
    )
    requests_itself = bool(focus_cues & REQUEST_CUES)
    request_cues = (
        focus_cues
        if requests_itself
        else {w.text for w in requesting} | {w.stem for w in requesting}
    )
    request_sentences = {focus} if requests_itself else about
    # "express ya nestjs? both are node, what is the difference": the next sentence points
    # back at them and asks how they differ
    next_sentence = {w.text for w in message.words if w.sentence == focus + 1}
    comparing = any(
        (w.text in COMPARE_CUES and not _chose_one(asking, at)) or _the_few(asking, at)
        for at, w in enumerate(asking)
    ) or asks_how_they_differ(next_sentence)
    return Requests(
        about, cues, told, requesting, focus_cues, request_cues, request_sentences, comparing
    )


#: Pointers at things told before, not at people ("both are node", not "they say").
THINGS_POINTED_AT = PLURAL_POINTERS - {"they"}
#: Words asking how things differ, in English and other languages.
DIFFERING = LIKENESS_CUES | DIFFERENCE_ELSEWHERE


def asks_how_they_differ(texts: Set[str]) -> bool:
    """Whether words point back at things told before and ask how they differ.

    "... what is the real difference between them?", "both are node, kya farq hai".
    """
    return bool(texts & THINGS_POINTED_AT and texts & DIFFERING)


#: Comparing words that with a pointer after them tell a choice made ("what made them pick it").
CHOOSING = frozenset({"pick", "choose"})


def _chose_one(words: Sequence[Word], at: int) -> bool:
    """Whether the choosing word at ``at`` points at the one thing chosen ("pick it")."""
    return (
        words[at].text in CHOOSING and at + 1 < len(words) and words[at + 1].text in NAME_POINTERS
    )


#: Before "two" or "three", these point at the few things set side by side ("what really
#: separate the two", "which of the three would you go with").
FEW_POINTERS = frozenset({"the", "these", "those", "them"})
FEW = frozenset({"two", "three"})


def _the_few(words: Sequence[Word], at: int) -> bool:
    """Whether the words at ``at`` point at a few things together ("the two", "them three")."""
    return words[at].text in FEW_POINTERS and at + 1 < len(words) and words[at + 1].text in FEW


#: After "or", someone else whose way it is ("or is he right").
_OTHER_PEOPLE = frozenset({"he", "she", "they", "hes", "shes", "theyre"})


def weighed_against_another_way(
    words: Sequence[Word], one: Mention, mentions: Sequence[Mention]
) -> bool:
    """Whether the sentence weighs a name against someone else's way, told after "or".

    "is a plain monolith still alright for us, or should we be splitting it up like he
    says", "or is he right": the way that someone told of before, unnamed here; not "is
    kotlin worth it or is it mainly android".
    """
    sentence = words[one.start].sentence
    named_after = {at for m in mentions if m.start > one.start for at in range(m.start, m.end)}
    return any(
        w.text == "or"
        and not named_after.intersection(range(at + 1, len(words)))
        and any(
            later.sentence == sentence and later.text in _OTHER_PEOPLE for later in words[at + 1 :]
        )
        for at, w in enumerate(words[one.end :], start=one.end)
        if w.sentence == sentence
    )


def compared_with_the_unnamed(words: Sequence[Word]) -> bool:
    """Whether every comparing word sets a thing against what goes unnamed.

    "what is postgresql good at compared to what i know": no second name beside it.
    """
    cues = [at for at, w in enumerate(words) if w.text in COMPARE_CUES]
    return bool(cues) and all(_unnamed_after(words, at + 1) for at in cues)


def _unnamed_after(words: Sequence[Word], at: int) -> bool:
    """Whether what a comparing word sets against (at ``at``, past a linking word) is unnamed.

    "compared to what i know", "vs what we have"; not "graphql vs trpc whats the deal".
    """
    if at < len(words) and words[at].text in COMPARED_LINKS:
        at += 1
    return at < len(words) and words[at].text in WHAT_IS


def asks_what_the_field_is(asking: Sequence[Word], title_words: Set[str]) -> bool:
    """Whether a sentence asks what the roadmap's field is or does ("what is backend").

    "what does a backend dev do", "what even is backend", "the main responsibilities of
    backend"; not what fits in it ("what backend technology fits"). ``title_words`` are the
    stems of the roadmap's title ("backend").
    """
    named = next((at for at, w in enumerate(asking) if w.stem in title_words), None)
    if named is None:
        return False
    before = [w.text for w in asking[:named] if w.text not in ARTICLES][-2:]
    if len(before) == 2 and before[0] in FIELD_DUTIES and before[1] == "of":
        return True
    what = [at for at, w in enumerate(asking[:named]) if w.text == "what"]
    if not what:
        return False
    between = [
        w.text
        for w in asking[what[-1] + 1 : named]
        if w.text not in ARTICLES and w.text not in FIELD_FILLERS
    ]
    after = [
        w.text
        for w in asking[named + 1 :]
        if w.text not in FIELD_PEOPLE and w.text not in FIELD_FILLERS
    ][:1]
    return set(between) <= FIELD_ASKED and (
        bool(between[-1:] and between[-1] in BE_WORDS) or set(after) <= FIELD_ASKED | DEFINING
    )


def points_at_a_step(words: Sequence[Word], focus: int) -> bool:
    """Whether the asking sentence points at a step ("that part", "this section")."""
    return any(
        a.sentence == focus and a.text in POINTERS and b.text in STEP_WORDS
        for a, b in pairwise(words)
    )
