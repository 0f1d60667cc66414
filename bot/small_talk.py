"""Small talk and subjects outside the roadmap: what a message says beside the roadmap.

"thanks!", "hello?" and "is anyone there" get a canned reply unless the message also asks
about the roadmap; "should I buy a new laptop?" is a subject the roadmap does not cover,
unless its words only tell where a software need happens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set
from itertools import pairwise

from bot.background import LEARNER_OWNERS
from bot.intent_cues import (
    ASKING_WORDS,
    EXPLAINING,
    FIELD_PEOPLE,
    WANTING,
    asks_about_doubtful,
    asks_at,
)
from bot.knowledge import Canned
from bot.lexicon import Lexicon
from bot.mentions import Mention, Names
from bot.phrases import as_tasks, phrases_found
from bot.wording import (
    BUILD_WORDS,
    COMPARE_CUES,
    LEARN_WORDS,
    NAME_POINTERS,
    POINTERS,
    REQUESTED,
    ROADMAP_WORDS,
    STOP,
    WHAT_WORDS,
    Message,
    Word,
)

#: In the part that asks, these ask for something to use ("what should i use", "store it in").
NEED_VERBS = frozenset({"use", "store", "pick", "choose"})
#: Verbs that with "up" ask for something to set up ("what should we set up").
SETTING_UP = frozenset({"set", "setting", "spin"})
#: ...and these ask what to learn ("what do i want to be reading up on to sort that").
READING_UP = frozenset({"read", "reading"})
#: Before a name in small talk, these make it what the talk is about ("thanks for help with sql").
TALKED_ABOUT = frozenset({"for", "with", "about", "on", "of"})
#: ...or after it, what was given about the name ("the jwt explanation helped me a lot").
TALKED_AFTER = frozenset({"explanation", "explanations", "answer", "answers", "advice", "tips"})
#: A one-sentence message not opened by small talk, with this many words beside a talk word,
#: software among them, tells a need, not small talk ("an app that works offline, syncs later").
TOLD_NEED_WORDS = 5
#: ...and, in a message opened by talk, at least this many words beside it tell a story that a
#: later sentence with no talk in it then asks about.
TOLD_STORY_WORDS = 10


#: Before a one-word talk phrase, these make it a plain word ("in the morning", "one night",
#: "nobody noticed till morning", "plan my evenings around it", "and later maybe an app", "i
#: help a small company", "casino pictures since morning").
DETERMINERS = frozenset(
    {"this", "next", "every", "each", "last", "tomorrow", "yesterday", "one"}
    | {"till", "until", "by", "my", "our", "his", "her", "their", "and", "in", "at", "during"}
    | {"since", "from"}
    | {"i", "we", "they", "he", "she"}
)


#: ...and these two words: "up at 3 in the morning", "learning in the evenings", "just the two
#: of us of an evening".
WHEN_BEFORE = frozenset(
    (when, "the") for when in ("in", "at", "during", "through", "till", "until", "by")
) | {("of", "a"), ("of", "an")}


#: After a one-word talk phrase, these make it the source of a claim the learner asks about
#: ("chatgpt told me jwt encrypts the data. is that right?"), not the bot talked to.
REPORTING = frozenset(
    {"said", "says", "told", "tells", "claims", "claimed", "suggested", "suggests", "recommended"}
    | {"recommends", "wrote", "gave", "keeps", "thinks", "reckons", "swears"}
)
#: After a one-word talk phrase, "so" leads on to what is asked ("ok so whats dis roadmap
#: about"), unless it says how much ("thanks so much").
SO_MUCH = frozenset({"much", "many"})
#: Inside a message, the first program anyone writes ("not just hello world"), not a greeting;
#: opening one, it may still greet ("hello world! what is this bot").
FIRST_PROGRAM = ("hello", "world")
#: Closing a message, after at least this many words, a tag on what was said ("can you tell
#: me, hey?"), not a greeting ("oh hey" still greets).
TAGS = frozenset({"hey"})
TAGGED_AFTER = 3


#: Verbs asking the bot to tell about a name in the same sentence ("pls explain me ci/cd").
ASKED_TO = EXPLAINING | {"tell"}


#: After a wanting word, saying something: talk, not a need ("i just wanted to say thanks").
SAYING = frozenset({("to", "say"), ("to", "thank"), ("to", "tell")})


def _leads_on(texts: Sequence[str], at: int) -> bool:
    """Whether "so" follows the word at ``at`` and leads on to more words, not "so much"."""
    return at + 2 < len(texts) and texts[at + 1] == "so" and texts[at + 2] not in SO_MUCH


def _said_as_talk(texts: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Whether a talk phrase is said as talk somewhere.

    A one-word one is, unless after a determiner ("every morning", "in the morning"),
    before a word reporting what it said ("chatgpt said ..."), leading on with "so" ("ok so
    whats dis roadmap about"), naming the first program inside a message ("not just hello
    world") or tagged on at its end ("can you tell me, hey?").
    """
    if len(phrase) > 1:
        return True
    return any(
        text == phrase[0]
        and (at == 0 or texts[at - 1] not in DETERMINERS)
        and tuple(texts[max(at - 2, 0) : at]) not in WHEN_BEFORE
        and (at + 1 == len(texts) or texts[at + 1] not in REPORTING)
        and not _leads_on(texts, at)
        and not (at > 0 and tuple(texts[at : at + 2]) == FIRST_PROGRAM)
        and not (text in TAGS and at >= TAGGED_AFTER and at + 1 == len(texts))
        for at, text in enumerate(texts)
    )


#: Just before "roadmap", words pointing at this bot's own ("what is this roadmap about").
THIS_ROADMAP = frozenset({"this", "the", "your", "ur", "yer", "whole"})


def _this_roadmap(words: Sequence[Word], at: int) -> bool:
    """Whether the word at ``at`` is this bot's roadmap ("what is this roadmap about").

    Not "a roadmap bot", nor "the python roadmap".
    """
    return (
        words[at].text in ROADMAP_WORDS
        and at > 0
        and words[at - 1].text in THIS_ROADMAP
        and (at + 1 == len(words) or words[at + 1].text != "bot")
    )


#: "at my job", "on my own laptop", "from my data job": where the learner is, told in passing.
PLACING = frozenset({"at", "on", "in", "from", "for"})
#: ...and those two even with no "my" ("matlab from university").
CAME_FROM = frozenset({"at", "from"})


def _only_where(
    words: Sequence[Word], candidates: Set[str], holds: Callable[[int], bool]
) -> set[str]:
    """Of ``candidates``, the words for which ``holds`` (given a place) wherever they stand."""
    there: set[str] = set()
    elsewhere: set[str] = set()
    for at, word in enumerate(words):
        if word.text in candidates:
            (there if holds(at) else elsewhere).add(word.text)
    return there - elsewhere


def _in_passing(words: Sequence[Word], at: int) -> bool:
    """Whether the word at ``at`` is told in passing, not asked about.

    As the learner's place ("at my job") or set aside ("salary aside, ...").
    """
    following = words[at + 1].text if at + 1 < len(words) else ""
    return _placed(words, at) or following == "aside"


def _placed(words: Sequence[Word], at: int) -> bool:
    """Whether the word at ``at`` follows "at my", "on our", "from my data" and such.

    Or "from" or "at" alone: "matlab from university", "java at college".
    """
    sentence = words[at].sentence
    if at >= 1 and words[at - 1].text in CAME_FROM and words[at - 1].sentence == sentence:
        return True
    for owner in (at - 1, at - 2):  # "my job", "my data job"
        if owner >= 1 and words[owner].text in LEARNER_OWNERS and words[owner].sentence == sentence:
            before = words[owner - 1]
            return before.sentence == sentence and before.text in PLACING
        # "my telegram bot for the film society": whom the thing is for; "at the college in
        # matsapha our lecturer taught us rest": where the learner was
        if owner >= 1 and words[owner].text == "the" and words[owner].sentence == sentence:
            before = words[owner - 1]
            return before.sentence == sentence and (
                before.text == "for" or before.text in CAME_FROM
            )
    return False


class TalkReader:
    """Reads small talk and outside subjects in messages about one roadmap."""

    def __init__(self, lexicon: Lexicon) -> None:
        """A reader of ``lexicon``'s phrases."""
        self.lexicon = lexicon

    def small_talk(
        self, message: Message, mentions: list[Mention], unsure: Set[int] = frozenset()
    ) -> Canned | None:
        """Small talk, when nothing in the message asks about the roadmap.

        Nor about a doubtful name (at ``unsure``), unless the name is a word of the talk (Fens
        "how are yew keepin bor?" asks after the learner, not about the Yew framework).
        """
        phrases = [
            (entry, phrase)
            for entry, phrase in phrases_found(self.lexicon.small_talk, message.texts)
            if _said_as_talk(message.texts, phrase)
        ]
        found = [(entry, len(phrase)) for entry, phrase in phrases]
        if not found:
            return None
        talked = {word for _, phrase in phrases for word in phrase}
        if (
            self._more_than_talk(message, mentions, talked)
            or self._asked_beside_talk(message, mentions, talked)
            or asks_about_doubtful(
                message, {at for at in unsure if message.texts[at] not in talked}
            )
        ):
            return None
        return max(reversed(found), key=lambda pair: pair[1])[0]  # the last of equals: "thanks bye"

    def _more_than_talk(self, message: Message, mentions: list[Mention], talked: Set[str]) -> bool:
        """Whether the words beside the talk (``talked``) ask about software or tell a need."""
        words = message.words
        beyond_at = [
            at for at, w in enumerate(words) if w.text not in talked and w.text not in STOP
        ]
        beyond = [words[at] for at in beyond_at]
        # "how does this work?" is small talk itself; "... one SMS the day before. how i can do
        # this?" asks about what was told
        talk_sentences = {w.sentence for w in words if w.text in talked}
        asking = {w.sentence for w in beyond} | (
            set(message.questions) - talk_sentences if beyond else set()
        )
        asked_about = {
            words[i].sentence
            for i in range(len(words))
            if words[i].sentence in asking and asks_at(message, i, ASKING_WORDS)
        }
        chatted = talk_sentences - asked_about
        if asked_about and any(
            (
                words[at].stem in self.lexicon.kinds
                or words[at].stem in self.lexicon.software
                or _this_roadmap(words, at)
            )
            and words[at].sentence not in chatted
            for at in beyond_at
        ):  # "yo which db should i use", "hi, what is this roadmap about": a greeting before a
            # question; not "i joined this server to say hello. how does this bot work?"
            return True
        if (
            len(beyond) >= TOLD_STORY_WORDS
            and asked_about - talk_sentences
            and message.texts[0] in talked
            and talk_sentences == {0}
            and 0 not in message.questions
        ):  # "hello saiba, at our yurt camp two families came for the same yurt ... how to make
            # the booking so this never happens again": talk opening a story, then a question;
            # not "who built this bot? ... i'd love to know how long it took"
            return True
        framed = all(  # every talk sentence is talk only: a greeting or thanks around
            w.text in talked or w.text in STOP for w in words if w.sentence in chatted
        )
        if framed and asked_about and any(words[m.start].sentence not in chatted for m in mentions):
            # "Hello. We use MySQL, what are the differences. Please help me.", "Hello. We use
            # MySQL and want PostgreSQL. I must explain what the differences are. Please help."
            return True
        # "how r u today bot, hope ur not tired like me after waffle rush": the talk asks first
        talk_asks_first = (
            not mentions
            and set(message.texts[:2]) <= talked
            and not any(
                w.stem in self.lexicon.software or w.stem in self.lexicon.kinds for w in beyond
            )
        )
        if (
            message.sentences == 1
            and message.questions
            and len(beyond) > len(talked) + 1
            and not talk_asks_first
        ):
            return True  # "is django ok for an online store": a question with an "ok" in it
        if (
            message.sentences == 1
            and message.texts[0] not in talked  # not "thanks, got my app deployed finally"
            and len(beyond) >= TOLD_NEED_WORDS
            and any(w.stem in self.lexicon.software for w in beyond)
        ):
            return True  # "a phone app that works offline and syncs later": a need, told
        texts = message.texts
        given = {  # "the jwt explanation helped me a lot": what was given about the name
            m.end for m in mentions if m.end < len(texts) and texts[m.end] in TALKED_AFTER
        }
        thanked_for = (  # "thanks for the help with sql": a name told as what the talk is about
            not message.questions
            and texts[0] in talked
            and not any(texts[at] in self.lexicon.cue_words for at in beyond_at if at not in given)
            and all(
                TALKED_ABOUT & {w.text for w in words[max(m.start - 3, 0) : m.start]}
                or m.end in given
                for m in mentions
            )
        )
        return bool(mentions and message.sentences == 1 and not thanked_for)

    def _asked_beside_talk(
        self, message: Message, mentions: list[Mention], talked: Set[str]
    ) -> bool:
        """Whether a sentence beside the talk asks about a name, for material, or the roadmap.

        ``talked`` holds the words of the talk phrases found.
        """
        asked = set(message.questions)
        talk_sentences = {
            word.sentence for word in message.words if word.text in self.lexicon.small_talk_starts
        }
        if mentions and any(  # "... want to learn aws now. good courses or docs?"
            w.sentence in asked and w.text in REQUESTED for w in message.words
        ):
            return True
        named = {message.words[m.start].sentence for m in mentions}
        texts = message.texts
        if any(
            w.sentence in named
            and (w.text in WANTING or w.text in ASKED_TO)
            and texts[at + 1 : at + 3] not in SAYING  # not "i just want to say thank you"
            for at, w in enumerate(message.words)
        ):
            # "hello? is anyone there? i need help with mongodb", "hello, pls explain me ci/cd"
            return True
        if mentions and any(message.words[m.start].sentence in asked for m in mentions):
            return True
        if (
            mentions
            and any(  # "I've heard about JWT. What is it and how would it help?"
                w.sentence in asked and w.text in NAME_POINTERS for w in message.words
            )
            and any(w.sentence in asked and w.text in WHAT_WORDS for w in message.words)
        ):
            return True
        first_named = min((message.words[m.start].sentence for m in mentions), default=None)
        untalked = asked - {w.sentence for w in message.words if w.text in talked}
        if first_named is not None and any(
            # "Hej, ... there is something called monitoring. Is it like the alarms ...?": a
            # question with no talk in it points back at the name
            w.sentence in untalked and w.sentence > first_named and w.text in POINTERS
            for w in message.words
        ):
            return True
        if len({m.id for m in mentions}) > 1 and any(  # "... a youtuber uses mongodb. can you
            # compare them for me? my english not perfect": two names asked to be compared
            w.sentence in asked and w.text in COMPARE_CUES
            for w in message.words
        ):
            return True
        if asked - talk_sentences and mentions:
            return True
        roadmap_named = {  # "ow bist. gaffer sez learn kotlin, is kotlin on this roadmap or am i
            # wastin me time": a sentence after the talk names the roadmap and technology it
            # lacks, asked about with no "?"
            w.sentence
            for w in message.words
            if w.text in ROADMAP_WORDS and w.sentence > 0
        }
        pointing = {  # "... my boss say learn pl/sql. dat in y'all roadmap?": pointed back at
            w.sentence for w in message.words if w.sentence in roadmap_named and w.text in POINTERS
        }
        if any(
            m.not_covered
            and (
                message.words[m.start].sentence in roadmap_named
                or any(message.words[m.start].sentence < at for at in pointing)
            )
            for m in mentions
        ):
            return True
        if not mentions and asked - talk_sentences:
            untalked = [
                w
                for w in message.words
                if w.sentence in asked - talk_sentences and w.text not in STOP
            ]
            return any(
                w.text in self.lexicon.cue_words or w.stem in self.lexicon.software
                for w in untalked
            )
        return False

    def outside_subject(
        self, message: Message, needs: bool, paired: Set[int]
    ) -> tuple[Canned | None, int, set[int]]:
        """A subject around learning the roadmap does not cover, and how many of its phrases.

        Also where the words of every phrase counted stand (one pass serves both). With
        ``needs`` (the message asks for a kind of thing), a word the knowledge file also reads
        as a need ("money" in "a db that handles money") is that need, not the subject; so is
        a word of a use case's word pair (``paired``: where such words stand).
        """
        hits: dict[str, int] = {}
        entries: dict[str, Canned] = {}
        found = phrases_found(self.lexicon.outside, as_tasks(message.texts))
        words = message.words
        in_use_cases = {words[i].text for i in paired}  # "background jobs": not a job hunt
        single = {phrase[0] for _, phrase in found if len(phrase) == 1}
        passing = _only_where(words, single, lambda at: _in_passing(words, at)) | _only_where(
            words, single, lambda at: self._names_software(words, at)
        )
        outside: set[str] = set()
        for entry, phrase in found:
            if needs and len(phrase) == 1 and phrase[0] in self.lexicon.need_words:
                continue
            if len(phrase) == 1 and (phrase[0] in in_use_cases or phrase[0] in passing):
                continue
            hits[entry.id] = hits.get(entry.id, 0) + 1
            entries[entry.id] = entry
            outside.update(phrase)
        at = {i for i, w in enumerate(words) if w.text in outside}
        if not hits:
            return None, 0, at
        best = max(hits, key=lambda entry_id: hits[entry_id])
        return entries[best], hits[best], at

    def _names_software(self, words: Sequence[Word], at: int) -> bool:
        """Whether the word at ``at`` is said just before a software word, naming a kind of it.

        "django job queue", "python job scheduler"; not "a freelance developer", who someone is.
        """
        after = words[at + 1] if at + 1 < len(words) else None
        software = self.lexicon.software
        return (
            after is not None
            and after.segment == words[at].segment
            and (after.text in software or after.stem in software)
            and after.text not in FIELD_PEOPLE
        )

    def outside_words(self, words: Sequence[Word]) -> bool:
        """Whether these words hold a phrase of a subject outside the roadmap."""
        return bool(phrases_found(self.lexicon.outside, as_tasks([w.text for w in words])))

    def asks_for_software(self, words: Sequence[Word]) -> bool:
        """Whether an asking sentence asks for something to build, learn, set up or use.

        "what would you build the backend with", "what should we set up", not "how should we
        split into teams" or "what should i do about it".
        """
        texts = [w.text for w in words]
        return any(
            w.text in BUILD_WORDS
            or w.text in LEARN_WORDS
            or w.text in self.lexicon.software
            or w.stem in self.lexicon.software
            or w.stem in self.lexicon.kinds
            for w in words
        ) or any((a in SETTING_UP or a in READING_UP) and b == "up" for a, b in pairwise(texts))

    def asked_beside_outside(
        self,
        message: Message,
        focus: int,
        names: Names,
        mentions: list[Mention],
        kind_asked: bool,
        outside_at: Set[int],
    ) -> bool:
        """Whether the part that asks asks for software, with the outside words elsewhere.

        "my bank job wants a backend that never loses a transfer, which language do big banks
        use": the job is where the need happens; "my website sells shoes, what should i do about
        taxes" asks about the outside subject itself.
        """
        if not names.software or any(m.not_covered for m in mentions):
            return False
        asking = {
            w.segment
            for w in message.words
            if w.sentence == focus and (w.text in WHAT_WORDS or w.text in ASKING_WORDS)
        }
        if not asking:
            return False
        if any(message.words[i].segment in asking for i in outside_at):
            return False
        words = [w for w in message.words if w.segment in asking]
        return (
            kind_asked or self.asks_for_software(words) or any(w.text in NEED_VERBS for w in words)
        )
