"""Finding the names a message mentions, and fixing misspelt cue words.

A name counts when the message says it, exactly or misspelt; a name that is also an everyday
word ("go", "rest", "spring") counts only with software context, and is otherwise read in its
everyday sense or left doubtful. What each phrase names and each word's spelling are
remembered (a bounded memory per finder).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from itertools import combinations
from operator import is_

from rapidfuzz import fuzz

from bot.background import DONE_BEFORE, OWN_STACK, OWNERS, is_background, question_sentence
from bot.intent_cues import BE_WORDS, BUILT_WITH, EXPLAINING, defined_beside
from bot.knowledge import TRACK_KIND, stem
from bot.lexicon import Lexicon
from bot.lru import LruCache
from bot.matching import Match
from bot.mentions import (
    WORD_PAIR_CUTOFF,
    Mention,
    Names,
    material_follows,
    near_step_word,
    same_words,
)
from bot.phrases import phrases_found
from bot.text import normalize
from bot.wording import (
    ARTICLES,
    ASKING_ABOUT,
    BUILD_WORDS,
    COMPARE_CUES,
    DONE_WORDS,
    EQUATING,
    IDIOMS,
    INDEFINITE_ARTICLES,
    LEARN_WORDS,
    LEARNING_MATERIAL,
    LEARNING_PHRASES,
    LIKENESS_CUES,
    MATERIAL,
    NAME_POINTERS,
    OR_ELSEWHERE,
    PARTICLE_VERBS,
    PARTICLES,
    PROJECT_NOUNS,
    READING,
    SIDE_BY_SIDE,
    SMALLER_ONE,
    SOFTWARE_THINGS,
    STANDING_WINDOW,
    STEP_TAILS,
    STEP_WORDS,
    STOP,
    USE_CASE_CUES,
    VERB_AFTER,
    VERB_CONTEXT,
    VERB_PHRASE_AFTER,
    VERSUS,
    WHAT_WORDS,
    Message,
    Word,
    asks_how_it_stands,
    here_placed,
    is_common_english,
    wordset,
)

#: Fuzzy score (0-100) a phrase needs to count as naming something.
MENTION_CUTOFF = 85
#: Names shorter than this need the same first letter and one edit at most ("lang" is not "glang").
SHORT_NAME_CHARS = 6
SHORT_NAME_CUTOFF = 88
#: Below MENTION_CUTOFF but above this, a word is offered as "did you mean".
NEAR_MISS_CUTOFF = 75
#: Words a message may hold beyond names and question words and still be "just the name".
BARE_LEFTOVERS = 0
#: Phrases of more words than this are looked up as names only as typed, not fuzzily.
FUZZY_PHRASE_WORDS = 3
#: Misspelt cue words ("resorces") are fixed when this long and this close (0-100).
SPELL_MIN_CHARS = 5
SPELL_CUTOFF = 84
#: How many spellings are remembered.
SPELL_CACHE = 4096
#: Phrases whose naming is remembered (one word or a few: about 200 bytes each).
PHRASE_CACHE = 16_384
#: Phrases scored against every name as possible misspellings, whose best match is remembered
#: apart: the scoring is most of a phrase's cost, and fewer phrases need it (about a third).
MISSPELT_CACHE = 8192
#: Whether a word is like one at a place of names of a few words (see :meth:`_alike_in_place`).
PLACE_CACHE = 8192
#: Before a language's name, these say something is made in it ("an admin panel in python").
MADE_IN = frozenset({"in"})
#: After a name, these say something is built on it ("python based", "java-based").
BASED = frozenset({"based"})
#: Pointers that set two things against each other ("how do they differ", "which to pick").
CONTRASTED = frozenset({"they", "them", "both", "these", "those", "which"})
#: Before a name that is also a word, an amount of the thing ("i need some rest").
QUANTITIES = frozenset({"some", "more", "enough", "much", "less"})
#: Just before a name, these learn it ("pick up go"; not "get into spring", a season too).
PICKING_UP = frozenset({("pick", "up"), ("picking", "up"), ("brush", "up")})
#: Just before a name, these tell it was chosen to learn ("i've picked python like it says").
CHOSEN = frozenset({"picked", "chose", "chosen"})
#: Verbs asking the bot whether it covers a name ("do you cover stripe", "you teach kafka?").
TAUGHT = frozenset({"cover", "teach", "explain"})
#: A name-word between one of these and "to" is an adjective ("the go-to framework", "my go
#: to stack"), not the name.
GO_TO_BEFORE = OWNERS | {"a", "his", "her"}
#: ...and between one of these and one of those, a verb ("where should i go to learn it", "should
#: i go for whisky", "shall we go with django", "where do i go from here", "before i go at it",
#: "before we go any further", "which would y'all go with"; Krio and Caribbean "ar go learn",
#: "mi go use", "wi go do", "una go try", "dem go need"), not the name.
PERSON_BEFORE_VERB = frozenset({"i", "we", "you", "they", "all", "ar", "mi", "wi", "una", "dem"})
#: A name-word after one of these and "called" or "named" is what someone or a pet is called
#: ("a player called jenkins", "my cat named python"), not the name.
CALLED = frozenset({"called", "named"})
NAMED_ONES = frozenset(
    {"player", "players", "guy", "kid", "dude", "friend", "cat", "dog", "puppy", "kitten", "pet"}
    | {"snake", "horse", "boy", "girl", "man", "woman", "lady", "person", "someone", "somebody"}
    | {"teacher", "student", "coworker", "colleague", "neighbour", "neighbor", "son", "daughter"}
    | {"baby", "character", "streamer", "youtuber", "bloke", "chap", "fella", "fish", "hamster"}
    | {"grandpa", "grandfather", "grandma", "grandmother", "father", "dad", "papa", "mother"}
    | {"mom", "mum", "uncle", "aunt", "auntie", "brother", "sister", "cousin", "husband", "wife"}
)
#: What someone is or was ("my grandpa was a docker at the port", "my uncle worked as a
#: docker"): after one of these and "a", a name-word is their trade, not the name.
BEING = frozenset({"is", "was", "were", "became", "as"})
#: Who is a name-word's trade, in the few words before it: one of the NAMED_ONES or these.
PERSONS = NAMED_ONES | {"he", "she"}
#: ...and after one of these and "called" (or "call"), the name of a thing of software ("this
#: thing called docker", "wah di ting call docker").
NAMED_THINGS = frozenset({"thing", "ting", "tool", "program", "technology", "software", "app"})
#: After a name and "in", these say which sense is meant ("what is a monolith in software").
IN_SOFTWARE = frozenset({"software", "programming", "coding", "code", "tech", "computing"})
#: A name-word right after one of these is what is used ("our company uses kafka", "we use
#: jenkins at work"): a sign of software, as things used with no "a" or "the" mostly are.
USED = frozenset({"use", "uses", "used", "using", "usin"})
PERSON_VERB_AFTER = frozenset(
    {"to", "for", "with", "from", "any", "about", "at", "on", "through", "thru"}
)
#: ...or one of these verbs: "go learn", and pidgin's "i go use", "i go need" (I will use, need).
GO_AND_DO = frozenset(
    {"learn", "use", "do", "build", "make", "start", "study", "try", "put", "need", "get"}
    | {"ask", "asking"}
)
PERSON_GOING_AFTER = PERSON_VERB_AFTER | GO_AND_DO
#: ...or a word of more letters than this ending in "ing" ("before i go typing it all out").
GERUND_MIN = 4
#: ...or "the" and, within this many words, one of these ("if i go the backend route").
ROUTE_WORDS = frozenset({"route", "way", "path"})
ROUTE_WINDOW = 3
#: After a name that is also a word, these make it a verb whatever the message is about ("express
#: myself"); "itself" sets a name apart instead ("java itself").
REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "ourselves", "themselves"})
#: ...or after one of these and such a person, a verb whatever follows ("how i go about it").
ASKING_PERSON = frozenset({"how", "what", "where", "when"})
#: ...and before one of these and a name, after a modal or one of TO_CHOOSE, a verb of
#: choosing ("to go with php", "should go for flask").
CHOOSING_AFTER = frozenset({"with", "for"})
TO_CHOOSE = frozenset({"to", "lets", "gonna"})
#: ...and between one of these and a word of where, a verb too ("what should go under it",
#: "it can go in the fridge").
MODALS = frozenset({"should", "would", "could", "can", "will", "must", "might", "may", "shall"})
#: ...and between one of these and a sentence's end, after a person ("which way should a
#: beginner go?").
PERSON_ARTICLES = frozenset({"a", "an", "the", "my", "our", "your"})
#: ...and these before "to" ("it has to go in", "we've got to go on a cheap host").
OBLIGED = frozenset({"got", "has", "have", "had", "need", "needs", "ought"})
WHERE_AFTER = PERSON_VERB_AFTER | {
    "under",
    "in",
    "into",
    "on",
    "onto",
    "there",
    "here",
    "inside",
    "another",
}
#: A name-word between one of these and an object pronoun is a verb ("before ah aks you",
#: "how ah should aks him", "i want to ask you"): nothing of software is done to a person.
DOING_TO_BEFORE = PERSON_BEFORE_VERB | MODALS | {"ah", "to", "wan", "wanna"}
PERSON_OBJECTS = frozenset({"you", "u", "yu", "yuh", "him", "her", "them", "dem", "us"})
#: A name-word before one of these and then one of those, or the sentence's end, is a verb
#: ("what does the apis part go over?", "can we go over it", "does the roadmap go into it"),
#: not the name ("python over java").
GOING_THROUGH = frozenset({"over", "into", "through"})
OVER_OBJECTS = frozenset(
    {"it", "this", "that", "them", "these", "those", "everything", "all", "one"}
)
#: ...or after one of these, whatever follows ("does this roadmap go into wordpress").
GOING_BEFORE = frozenset({"roadmap", "it"})
#: After reading, these make what follows what is read ("stuff to read on docker").
READ_ON = frozenset({"on", "about"})


def _by_word(idioms: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each word of the idioms -> the idioms it is a word of, and where in them."""
    found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for idiom in idioms:
        for at, word in enumerate(idiom):
            found.setdefault(word, []).append((idiom, at))
    return found


#: Last words of idioms after which what follows is another phrase ("had a go at python").
IDIOM_LINKS = frozenset({"with", "at", "to", "into", "via", "as", "using"})
#: The idioms of bot.wording.IDIOMS by each of their words.
IDIOMS_OF = _by_word(IDIOMS)


#: Words between two names that weigh one against the other ("bun instead of node").
_INSTEAD = ("instead", "of")


def _side_by_side(message: Message, first: Mention, second: Mention) -> bool:
    """Whether two names stand side by side, or with one word or "instead of" between them."""
    gap = message.texts[first.end : second.start]
    return len(gap) <= 1 or gap == _INSTEAD


def _equated(words: Sequence[Word], first: Mention, second: Mention) -> bool:
    """Whether a question asks if one name is (a smaller) another ("is flask a mini django")."""
    between = {w.text for w in words[first.end : second.start]}
    return (
        first.start > 0
        and words[first.start - 1].text in BE_WORDS
        and between <= EQUATING | SMALLER_ONE
    )


def _ends_or_points(words: Sequence[Word], at: int) -> bool:
    """Whether the sentence of the word before ``at`` ends there, or ``at`` points back."""
    return (
        at >= len(words)
        or words[at].sentence != words[at - 1].sentence
        or words[at].text in OVER_OBJECTS
    )


def _a_verb_or_adjective(words: Sequence[Word], mention: Mention) -> bool:
    """Whether a one-word name is a verb or adjective where it stands, whatever it names.

    "the go-to framework", "i go learn", "what should go under it", "which way should a
    beginner go?", "go over it", "i cant express myself", "let me go quick".
    """
    before = words[mention.start - 1].text if mention.start else ""
    after = words[mention.end].text if mention.end < len(words) else ""
    return (
        (after == "to" and before in GO_TO_BEFORE)  # "the go-to framework"
        or before == "lets"  # "lets go quick", "let me go quick": a verb after "let"
        or (before in ("me", "us") and mention.start > 1 and words[mention.start - 2].text == "let")
        or (
            before in PERSON_BEFORE_VERB
            and (
                after in PERSON_GOING_AFTER  # "i go for whisky", "i go learn"
                or (after.endswith("ing") and len(after) > GERUND_MIN)  # "before i go typing"
                or (
                    after == "the"
                    and any(
                        w.text in ROUTE_WORDS
                        for w in words[mention.end + 1 : mention.end + 1 + ROUTE_WINDOW]
                    )
                )
                or (  # "how i go about it", pidgin "how i go put sentry", "wetin i go learn"
                    mention.start > 1
                    and words[mention.start - 2].text in ASKING_PERSON
                    and words[mention.start - 2].sentence == words[mention.start].sentence
                )
            )
        )
        or (  # "what should go under it", "it's got to go on the cheapest hosting"; not
            # "can go in production replace java"
            after in WHERE_AFTER
            and mention.start > 1
            and words[mention.start - 2].sentence == words[mention.start].sentence
            and (before in MODALS or (before == "to" and words[mention.start - 2].text in OBLIGED))
        )
        or (  # "which way should a beginner go?"
            mention.start > 2
            and words[mention.start - 2].text in PERSON_ARTICLES
            and words[mention.start - 3].text in MODALS
            and all(  # "..., hon?": only words of no weight to the sentence's end
                w.text in STOP
                for w in words[mention.end :]
                if w.sentence == words[mention.start].sentence
            )
        )
        or (  # "in which order i should go?"
            before in MODALS
            and mention.start > 1
            and words[mention.start - 2].text in PERSON_BEFORE_VERB
            and (
                mention.end == len(words)
                or words[mention.end].sentence != words[mention.start].sentence
            )
        )
        # "go over it", "does the roadmap go into it"
        or (
            after in GOING_THROUGH
            # "does this roadmap go into wordpress at all"
            and (_ends_or_points(words, mention.end + 1) or before in GOING_BEFORE)
        )
        # "what order does it go in?"
        or (after == "in" and before in GOING_BEFORE and _ends_or_points(words, mention.end + 1))
        or after in REFLEXIVES  # "i cant express myself in standups"
        or (  # "before ah aks you"; not "... is all django. dem two similar?"
            before in DOING_TO_BEFORE
            and after in PERSON_OBJECTS
            and words[mention.start - 1].sentence == words[mention.end].sentence
        )
    )


class _Sense(enum.Enum):
    """How a name that is also an everyday word is read in a message."""

    SOFTWARE = "software"
    EVERYDAY = "everyday"
    #: Everyday, read so only from the words beside it ("go deeper", "the server").
    EVERYDAY_BESIDE = "everyday beside"
    DOUBTFUL = "doubtful"
    #: Not a name at all but a word of the sentence ("the go-to framework", "give it a go"):
    #: nothing about the message's subject.
    WORD = "word"


@dataclass(frozen=True, slots=True)
class _Context:
    """What a message says around its names, for weighing the senses of everyday names."""

    message: Message
    #: Every name found, and how many words (and clear names) tell software talk.
    found: list[Mention]
    software: int
    #: The words that say what the message is about, beside the names.
    leftovers: list[Word]
    #: Everyday names that are each other's software context ("java or python").
    paired: set[str]
    #: The other words, counted; and those that may be signs of an everyday sense (not a word
    #: saying what software follows: "game" in "game server").
    other_texts: Counter[str]
    sign_texts: Counter[str]
    #: The message speaks of learning, building or having done something.
    studying: bool
    #: Sentences asking for material on "it".
    studied_it: set[int]
    #: Words whose sense the learner denies ("python, not the snake"): a sign of software.
    denied: frozenset[str]


#: Before a word the learner says is not what they mean ("not the drink", "not a stone").
DENYING = frozenset({"not"})
#: "mean" after one of these denies too ("i don't mean the big rock", "ion mean the rock").
NOT_MEANING = frozenset({"dont", "not", "ion", "didnt", "doesnt"})
MEANING = frozenset({"mean", "meant"})


#: How many words after a name its everyday sense may be denied ("gin? the go one, not the
#: drink"); further on, "not a" says something else ("... flask. we're not a lab family").
DENIAL_REACH = 8


def _denies(texts: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` denies what follows it ("not", "don't mean")."""
    return texts[at] in DENYING or (
        texts[at] in MEANING and at > 0 and texts[at - 1] in NOT_MEANING
    )


def _denied(message: Message, at: int, names: Sequence[Mention]) -> bool:
    """Whether the word at ``at`` is denied just after one of ``names`` ("gin, not the drink")."""
    texts = message.texts
    return (
        (at >= 1 and _denies(texts, at - 1))
        or (at >= 2 and texts[at - 1] in ARTICLES and _denies(texts, at - 2))
        # "not the big rock kind": one word saying which
        or (at >= 3 and texts[at - 2] in ARTICLES and _denies(texts, at - 3))
    ) and any(0 <= at - m.end < DENIAL_REACH for m in names)


#: How many words an opening phrase of small talk must come before to be only that ("ey up
#: is docker worth it"); a shorter message is small talk all through ("asante sana kaka").
OPENING_TALK_BEFORE = 2


#: After a word, these make it the name of someone's job ("a lab technician"), no sign of the
#: thing itself.
JOB_NOUNS = wordset(
    """technician technicians tech techs assistant assistants worker workers teacher teachers
    manager managers owner owners keeper keepers scientist scientists nurse nurses"""
)


#: After "a", these say how much ("i know both a bit", "a lot"), whatever else they mean.
AMOUNT_NOUNS = frozenset({"bit", "lot", "little", "tad"})


#: Before a word of amount, these make it one ("a bit", "little bit", "tiny bit").
AMOUNT_BEFORE = frozenset({"a", "little", "tiny", "lil", "wee"})


def _an_amount(message: Message, at: int) -> bool:
    """Whether the word at ``at`` says how much ("a bit", "little bit": no snake bit anyone)."""
    texts = message.texts
    return at > 0 and texts[at] in AMOUNT_NOUNS and texts[at - 1] in AMOUNT_BEFORE


def _counted(words: Iterable[Word]) -> Counter[str]:
    """How often each word is told, by its text and (where it differs) its stem."""
    counted: Counter[str] = Counter()
    for word in words:
        counted[word.text] += 1
        if word.stem != word.text:
            counted[word.stem] += 1
    return counted


def _pointed_to_learn(words: Sequence[Word]) -> bool:
    """Whether the words after a name, in its sentence, point back to it to learn it.

    "ruby is dead, is it still worth learning"; not "ruby fell, it hurt. learn python?"
    """
    sentence = words[0].sentence if words else None
    pointed = False
    for word in words:
        if word.sentence != sentence:
            return False
        if word.text in NAME_POINTERS:
            pointed = True
        elif pointed and word.text in LEARN_WORDS:
            return True
    return False


def _a_trade(texts: Sequence[str], mention: Mention, after: str) -> bool:
    """Whether a one-word name is what someone is or was ("my grandpa was a docker at ...").

    Nothing but a small word may follow: "my friend is a python dev" names a developer.
    """
    start = mention.start
    return (
        mention.end - start == 1
        and start >= 3
        and texts[start - 1] in INDEFINITE_ARTICLES
        and texts[start - 2] in BEING
        and (not after or (after in STOP and after not in ("and", "or", "n")))
        and any(t in PERSONS for t in texts[max(0, start - 5) : start - 2])
    )


def _names_a_job(message: Message, at: int) -> bool:
    """Whether the word at ``at`` names someone's job with the word after it ("lab tech")."""
    texts = message.texts
    return at + 1 < len(texts) and texts[at + 1] in JOB_NOUNS


#: Endings of a verb's other forms ("decide": "decided", "deciding"); plurals are mended.
INFLECTIONS = ("d", "ed", "ing")


def _inflected(text: str, word: str) -> bool:
    """Whether ``text`` is ``word`` with an ending, another form of it rather than a typo."""
    root = word[:-1] if word.endswith("e") else word
    return any(text in (word + end, root + end) for end in INFLECTIONS)


#: Letters a name that is an everyday word runs on past a word's root when the word is
#: another word of that root ("contain", "container"), not the name misspelt.
OTHER_FORM_TAIL = 2


def _other_form(phrase: str, best: Match, common: Set[str]) -> bool:
    """Whether a word near a name that is also an everyday word is another word of its root.

    "contain" and "contains" begin "container", "falconry" begins with "falcon": another word,
    not a typo of it.
    """
    root = stem(phrase)
    shorter, longer = sorted((root, best.name), key=len)
    return (
        best.name in common
        and " " not in phrase
        and longer.startswith(shorter)
        and len(longer) - len(shorter) >= OTHER_FORM_TAIL
    )


def _as_typed(message: Message, mention: Mention) -> bool:
    """Whether a mention names exactly what was typed, not a name merely near it."""
    return mention.name == " ".join(message.texts[mention.start : mention.end])


def _last_stemmed(phrase_words: Sequence[str]) -> str:
    """A phrase with its last word stemmed ("document databases": "document databas")."""
    return " ".join([*phrase_words[:-1], stem(phrase_words[-1])])


def _stands_asked(message: Message, mention: Mention) -> bool:
    """Whether a question asks how the name stands, right after it ("is java still worth it").

    With no everyday sign, that is the technology, whatever else the message says ("... or is
    it dying like that tiktok guy says").
    """
    words = message.words
    at = words[mention.start]

    def worth_what(place: int) -> bool:  # "worth it", "worth learning"; not "worth visiting"
        after = words[place + 1] if place + 1 < len(words) else None
        return (
            after is None
            or after.segment != at.segment
            or after.text in NAME_POINTERS
            or after.stem in LEARN_WORDS
        )

    return at.sentence in message.questions and any(
        asks_how_it_stands(words, place)
        and words[place].segment == at.segment
        and (words[place].text != "worth" or worth_what(place))
        for place in range(mention.end, min(mention.end + STANDING_WINDOW, len(words)))
    )


#: Around a name asked about as a thing heard of ("what's this docker thing everyone talks
#: about", "wha dis kafka ting", "whats this docker craic everyone keeps banging on about").
THIS_ONE = frozenset({"this", "that"})
THING = frozenset({"thing", "things", "stuff", "business", "craic", "malarkey", "lark"})


def _this_thing_asked(words: Sequence[Word], mention: Mention) -> bool:
    """Whether "what" asks about "this <name> thing" in the name's sentence."""
    start, end = mention.start, mention.end
    return (
        start > 0
        and end < len(words)
        and words[start - 1].text in THIS_ONE
        and words[end].text in THING
        and any(w.text in WHAT_WORDS and w.sentence == words[start].sentence for w in words[:start])
    )


def _asked_what_it_is_like(words: Sequence[Word], mention: Mention) -> bool:
    """Whether "what is <name> like" asks about it, ending its part ("whats docker like, marra")."""
    start, end = mention.start, mention.end
    return (
        start >= 2
        and words[start - 2].text in WHAT_WORDS
        and words[start - 1].text in BE_WORDS
        and end < len(words)
        and words[end].text == "like"
        and (end + 1 == len(words) or words[end + 1].segment != words[end].segment)
    )


#: Between an explaining verb and a name ("explain me docker").
EXPLAINED_TO = frozenset({"me", "us"})


def _asked_to_explain(words: Sequence[Word], mention: Mention) -> bool:
    """Whether the name follows "explain" (or "explain me") in its sentence."""
    before = [w.text for w in words[max(mention.start - 2, 0) : mention.start]]
    return bool(before) and (
        before[-1] in EXPLAINING
        or (len(before) == 2 and before[0] in EXPLAINING and before[1] in EXPLAINED_TO)
    )


def _asked_if_taught(message: Message, mention: Mention) -> bool:
    """Whether a question asks the bot if it covers the name ("yall cover stripe?").

    Or whether the name is "on here" ("is kafka on here at all?"): in this roadmap.
    """
    words = message.words
    sentence = words[mention.start].sentence
    return sentence in message.questions and (
        (
            mention.start >= 2
            and words[mention.start - 1].text in TAUGHT
            and "you" in message.texts[max(mention.start - 3, 0) : mention.start - 1]
        )
        or words[mention.start].segment in here_placed(words)
    )


def _word_between(texts: Sequence[str], one: Mention, other: Mention) -> str:
    """The one word between two mentions with just it between them ("go or java"), else ""."""
    if one.end + 1 == other.start:
        return texts[one.end]
    if other.end + 1 == one.start:
        return texts[other.end]
    return ""


class NameFinder:
    """Finds names in messages of one roadmap (see :class:`~bot.lexicon.Lexicon`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        """A finder with an empty memory of spellings and phrases."""
        self.lexicon = lexicon
        self._spelling: LruCache[str, str] = LruCache(SPELL_CACHE)
        #: What each phrase seen names (exact or misspelt), wherever it stands in a message.
        self._phrase_names: LruCache[str, tuple[str, str, bool] | None] = LruCache(PHRASE_CACHE)
        #: The closest name to each phrase that may be a misspelt name (kept when the phrase's
        #: naming is forgotten).
        self._misspelt: LruCache[str, Match | None] = LruCache(MISSPELT_CACHE)
        self._in_place: LruCache[tuple[str, int, int, int], bool] = LruCache(PLACE_CACHE)
        closing = {name.rsplit(" ", 1)[-1] for name in lexicon.exact_names if " " in name}
        #: Stop words that end no name, even plural-folded or read as a kind ("go to the"):
        #: a phrase of several words ending in one names nothing (see :meth:`_name_of`).
        self._open_ends = {
            word
            for word in STOP
            if word not in closing and stem(word) not in closing and stem(word) not in lexicon.kinds
        }
        #: Words that name nothing alone, looked up never: stop words and known words that
        #: are no name, even plural-folded (what :meth:`_name_of` would say of them).
        self._unnamed = STOP | {
            word
            for word in lexicon.known_words
            if word not in lexicon.exact_names and stem(word) not in lexicon.exact_names
        }

    def spell(self, message: Message) -> Message:
        """Misspelt cue words fixed ("resorces", "documantation"), names left alone."""
        known, spelling = self.lexicon.known_words, self._spelling
        fixed = list(message.words)
        for at, word in enumerate(fixed):
            text = word.text
            if len(text) >= SPELL_MIN_CHARS and text not in known:
                text = spelling.remembered(text, self._spelt)
                if text != word.text:
                    fixed[at] = word._replace(text=text, stem=stem(text))
        if all(map(is_, fixed, message.words)):
            return message  # nothing to fix: the message as it was
        return replace(message, words=tuple(fixed))

    def _spelt(self, text: str) -> str:
        """The cue word ``text`` is a misspelling of, or ``text`` itself (names are left alone)."""
        hit = self.lexicon.spell_by_length.best(text, fuzz.ratio, SPELL_CUTOFF)
        name = self.lexicon.topic_names.exact(text) or self.lexicon.not_covered_names.exact(text)
        if not hit or name is not None:
            return text
        word = self.lexicon.spell_vocabulary[hit[1]]
        if _inflected(text, word):
            return text  # "we've decided to" is no misspelt "decide", a comparing word
        if text == word + "s" and word in self.lexicon.small_talk_starts:
            return text  # "just me writing it, evenings": a plural is no greeting
        if word in self.lexicon.exact_names and is_common_english(text):
            return text  # "i'm not texting": a word of its own, no misspelt "testing"
        # a short word with one letter more is most often another word ("patch", not "path")
        return text if len(word) < len(text) <= SPELL_MIN_CHARS else word

    def find(self, message: Message) -> Names:
        """Names the message mentions; names left unsure; names used in an everyday sense."""
        words = message.words
        found = self._broad_left_out(self._named_phrases(message))
        clear = [m for m in found if not m.ambiguous]
        named = {i for m in found for i in range(m.start, m.end)}
        others = [w for i, w in enumerate(words) if i not in named]
        software = len(clear) + sum(  # "what does the roadmap say about monoliths": the title's
            w.text in self.lexicon.software
            or w.stem in self.lexicon.software
            or w.stem in self.lexicon.title_words
            for w in others
        )
        leftovers = self.lexicon.content(others)
        foreign = not software and self.lexicon.mostly_foreign(words, leftovers)
        ambiguous = [m for m in found if m.ambiguous]
        if not ambiguous:
            return Names(found, (), (), software, foreign=foreign)
        # "what is gin? not the drink": an everyday sense denied is no sign of it; nor is a
        # sentence of courtesy only ("tutorials for express? thanks in advance")
        courtesy = self._courtesy(message)
        denied = {
            at for at in range(len(words)) if at not in named and _denied(message, at, ambiguous)
        }
        told_at = [
            at
            for at in range(len(words))
            if at not in named
            and at not in denied
            and not _names_a_job(message, at)
            and not _an_amount(message, at)
            and at not in courtesy
        ]
        told = [words[at] for at in told_at]
        other_texts = _counted(told)
        # "a game server in go": a word saying what software follows is no everyday sign
        sign_texts = _counted(
            words[at]
            for at in told_at
            if at + 1 == len(words) or words[at + 1].text not in SOFTWARE_THINGS
        )
        unsigned = [  # "flowers go with ruby red roses": a name with everyday signs pairs none
            m
            for m in ambiguous
            if not self.lexicon.everyday.get(m.id, frozenset()) & sign_texts.keys()
        ]
        # not the small talk around the question ("ey up is docker worth it"), unless the name
        # is a word of it ("slán go fóill")
        talk = {words[at] for at in courtesy}
        beyond_talk = (
            [w for w in leftovers if w not in talk]
            if talk and not any(m.start in courtesy for m in ambiguous)
            else leftovers
        )
        context = _Context(
            message,
            found,
            software,
            beyond_talk,
            self._paired(message, unsigned),
            other_texts,
            sign_texts,
            studying=bool(other_texts.keys() & (LEARN_WORDS | BUILD_WORDS | DONE_WORDS)),
            studied_it={w.sentence for w in words if w.text in MATERIAL or w.text in LEARN_WORDS}
            & {w.sentence for w in words if w.text in NAME_POINTERS},
            denied=frozenset(words[at].text for at in denied),
        )
        kept, doubtful, everyday = list(clear), [], []
        signed: set[int] = set()
        unsure: set[int] = set()
        beside_only: set[str] = set()
        named_clearly = {m.id for m in clear}
        for mention in ambiguous:
            sense = self._sense(context, mention)
            span = range(mention.start, mention.end)
            if sense is _Sense.SOFTWARE or (
                # "... back home in apia but the company use golang. what go good at": named
                # clearly elsewhere, an everyday sign away from the name is no sense of its own
                sense is _Sense.EVERYDAY and mention.id in named_clearly
            ):
                kept.append(mention)
            elif sense is _Sense.DOUBTFUL:
                doubtful.append(mention.id)
                unsure.update(span)
            elif sense is _Sense.WORD:
                signed.update(span)
            else:
                everyday.append(mention.id)
                signed.update(span)
                if sense is _Sense.EVERYDAY_BESIDE:
                    beside_only.add(mention.id)
        kept_kinds = {self.lexicon.kind_of(m) for m in kept if m.ambiguous}
        alike = [  # a word merely near a name ("job posting") needs a name of its kind
            m
            for m in ambiguous
            if m.id in doubtful
            and m not in kept  # one of its other mentions is doubtful: kept once
            and kept_kinds
            and (self.lexicon.kind_of(m) in kept_kinds or _as_typed(message, m))
        ]
        if alike:
            # "we have a huge django monolith ... why would flask fit better there?", "i know
            # python n flask, now every job wants docker": a name kept as software is the
            # context of the others with no everyday sign
            kept.extend(alike)
            unsure.difference_update(i for m in alike for i in range(m.start, m.end))
            doubtful = [d for d in doubtful if all(m.id != d for m in alike)]
        kept.sort(key=lambda m: m.start)
        doubtful_topics = tuple(
            d for d in dict.fromkeys(doubtful) if d in self.lexicon.knowledge.topics
        )
        return Names(
            kept,
            doubtful_topics,
            tuple(everyday),
            software,
            frozenset(signed),
            frozenset(unsure),
            foreign,
            frozenset(beside_only),
            tuple(  # as typed: "signals" is no misspelt "signalr" to call uncovered
                m for m in ambiguous if m.id in doubtful and m.not_covered and _as_typed(message, m)
            ),
        )

    def _named_phrases(self, message: Message) -> list[Mention]:
        """Every phrase naming something, longest first where phrases overlap, in order."""
        words = message.words
        texts = message.texts
        name_words = self.lexicon.name_words
        taken = [False] * len(words)
        found: list[Mention] = []
        starts = [at for at, text in enumerate(texts) if text in name_words]  # a name's first
        for size in range(self.lexicon.longest_name, 1, -1):
            for start in starts:
                end = start + size
                if end > len(words):
                    break  # and so for every later start
                if (
                    any(taken[start:end])
                    or words[start].segment != words[end - 1].segment
                    or texts[end - 1] in self._open_ends
                    or (texts[start] in STOP and all(w in STOP for w in texts[start + 1 : end]))
                    # a long name is looked up only as typed: a misspelt one is rare, the
                    # fuzzy look-ups of every long phrase costly
                    or (size > FUZZY_PHRASE_WORDS and not self._spelt_whole(texts[start:end]))
                ):
                    continue
                mention = self._lookup(texts[start:end], start, end)
                if (
                    mention is not None
                    and not self._owned_noun(message, start, end)
                    and not self._listing_two(message, start, end)
                ):
                    found.append(mention)
                    taken[start:end] = [True] * size
        exact_names = self.lexicon.exact_names
        for start in range(len(words) - 1):  # a name split in two: "o auth", "micro services"
            end = start + 2
            joined = texts[start] + texts[start + 1]
            if (
                joined in exact_names
                and not (taken[start] or taken[start + 1])
                and words[start].segment == words[start + 1].segment
                and texts[start] not in STOP  # never the learner's own ("my sql")
                and texts[start + 1] not in STOP
            ):
                mention = self._lookup([joined], start, end)
                if mention is not None:
                    found.append(mention)
                    taken[start:end] = [True, True]
        unnamed = self._unnamed
        for start, text in enumerate(texts):  # one word: never the learner's own ("my sql")
            if not taken[start] and text not in unnamed:
                mention = self._lookup([text], start, start + 1)
                if mention is not None:
                    found.append(mention)
        found.sort(key=lambda m: m.start)
        return found

    def _spelt_whole(self, phrase_words: Sequence[str]) -> bool:
        """Whether a phrase is a name as typed, its last word stemmed or not."""
        exact = self.lexicon.exact_names
        return " ".join(phrase_words) in exact or _last_stemmed(phrase_words) in exact

    def _courtesy(self, message: Message) -> set[int]:
        """Where the message only says small talk.

        Whole sentences ("hello.", "thanks!") and an opening or closing phrase of several words
        ("ey up is docker worth it", "..., free ones pls, thanks in advance").
        """
        texts = message.texts
        talk: set[int] = set()
        by_sentence: dict[int, list[int]] = {}
        for at, word in enumerate(message.words):
            by_sentence.setdefault(word.sentence, []).append(at)
        for places in by_sentence.values():
            said = [texts[at] for at in places]
            talked = {
                w for _, phrase in phrases_found(self.lexicon.small_talk, said) for w in phrase
            }
            if talked and all(w in talked or w in STOP for w in said) and len(by_sentence) > 1:
                talk.update(places)
        for _, phrase in phrases_found(self.lexicon.small_talk, texts):
            if len(phrase) > 1 and tuple(texts[-len(phrase) :]) == phrase:
                talk.update(range(len(texts) - len(phrase), len(texts)))
            if (  # "ey up is docker worth it"; not "asante sana kaka", talk all through
                len(phrase) > 1
                and len(texts) > len(phrase) + OPENING_TALK_BEFORE
                and tuple(texts[: len(phrase)]) == phrase
            ):
                talk.update(range(len(phrase)))
        return talk

    def _broad_left_out(self, found: list[Mention]) -> list[Mention]:
        """The mentions, less a broad name's where the message names something else.

        "is mongodb a server or a database?" asks about MongoDB, "go is better for servers"
        about Go; "what is a server" and "server network and hosting environment" keep it.
        """
        broad = self.lexicon.broad
        general = [m for m in found if m.name in broad.get(m.id, ())]
        general_ids = {m.id for m in general}
        if all(m.id in general_ids for m in found):
            return found
        return [m for m in found if m not in general]

    def _paired(self, message: Message, ambiguous: list[Mention]) -> set[str]:
        """Everyday names that are each other's software context ("java or python").

        Two of one kind side by side, or contrasted ("gin is faster than express"), whatever
        stands between.
        """
        words = message.words
        focus = question_sentence(message)
        asked = {w.text for w in words if w.sentence == focus}
        contrasted = bool(  # "how do they differ", "is flask lighter than django", "he says
            # django, i read rails is quicker. which would y'all pick"
            (asked & CONTRASTED and asked & COMPARE_CUES) or asked & (LIKENESS_CUES | {"than"})
        )
        behind = (  # once per mention, not once per pair
            {m: is_background(m, words) for m in ambiguous}
            if len(ambiguous) > 1 and not contrasted
            else {}
        )
        return {
            m.id
            for a, b in combinations(ambiguous, 2)  # not only neighbours: "posting" may be between
            if (a.id != b.id or (b.start == a.end and a.name != b.name))  # "docker container"
            and (  # "python guy here... what's go like": a learner of one, asking about another
                (side_by_side := _side_by_side(message, a, b))
                or contrasted
                or behind[a]
                or behind[b]
                or _equated(words, a, b)  # "is flask just a mini django"
            )
            and (
                self.lexicon.kind_of(a) == self.lexicon.kind_of(b)
                or (behind.get(a) and not behind.get(b))  # "azure shop at work, what's docker"
                or (  # "go with gin"; "is ruby the same as rails"; "bun vs node"
                    (side_by_side or contrasted)
                    and (self.lexicon.family(a.id, b.id) or self.lexicon.related(a, b))
                )
                or b.start == a.end  # "elixir phoenix": two names run together
            )
            for m in (a, b)
        }

    def _sense(self, context: _Context, mention: Mention) -> _Sense:
        """How a name that is also an everyday word is read: signs of each sense, weighed.

        Everyday signs are the name's everyday words in the message and the words beside it
        ("some rest", "go deeper"); software signs are software words, other names and the
        name's own software words ("django admin").
        """
        message, leftovers, told = context.message, context.leftovers, context.other_texts
        words, texts = message.words, message.texts
        signs = sum(  # "curtains" is a sign as "curtain" is
            context.sign_texts[t]
            for t in self.lexicon.everyday.get(mention.id, ()) & context.sign_texts.keys()
        )
        # "rest vs graphql, which is less of a headache": set against technology named clearly,
        # right beside it; "which suits us better, go or java": or against another name of its
        # kind, in English or another language ("express of nestjs", Dutch)
        set_against = any(
            ((between := _word_between(texts, mention, other)) in VERSUS and not other.ambiguous)
            or (
                (between in SIDE_BY_SIDE or between in OR_ELSEWHERE)
                and other.id != mention.id
                and self.lexicon.kind_of(other) == self.lexicon.kind_of(mention)
            )
            for other in context.found
        )
        software = (
            context.software
            # "the word REST": typed in capitals as the name is, not as the word
            + message.capitals.issuperset(range(mention.start, mention.end))
            + (mention.start > 0 and words[mention.start - 1].text in USED)
            + (  # "a monolith in software, askin for me da who thinks its a big rock"
                mention.end + 1 < len(words)
                and texts[mention.end] == "in"
                and texts[mention.end + 1] in IN_SOFTWARE
            )
            + sum(told[t] for t in self.lexicon.software_of.get(mention.id, ()) & told.keys())
            + len(self.lexicon.everyday.get(mention.id, frozenset()) & context.denied)
            # "the IT lot talk kubernetes but wat is docker": technology named clearly that
            # lists the name as related counts again
            + sum(
                not other.ambiguous and self.lexicon.related(other, mention)
                for other in context.found
            )
            + set_against
        )
        everyday = _Sense.EVERYDAY if signs else _Sense.EVERYDAY_BESIDE
        before = words[mention.start - 1].text if mention.start else ""
        after = words[mention.end].text if mention.end < len(words) else ""
        if before in CALLED and mention.start >= 2 and words[mention.start - 2].text in NAMED_ONES:
            return _Sense.EVERYDAY  # "a player called jenkins": who someone is called
        if _a_trade(texts, mention, after):
            return _Sense.EVERYDAY
        if (
            (before in CALLED or before == "call")
            and mention.start >= 2
            and words[mention.start - 2].text in NAMED_THINGS
        ):
            return _Sense.SOFTWARE  # "this thing called docker": a thing of software named
        chosen = (  # "is it more smart to go with php or python", "we would go for flask"
            after in CHOOSING_AFTER
            and (before in MODALS or before in TO_CHOOSE)
            and any(other.start == mention.end + 1 for other in context.found)
        )
        if mention.end - mention.start == 1 and (
            chosen or _a_verb_or_adjective(words, mention) or self._in_idiom(context, mention)
        ):
            return _Sense.WORD
        if (
            mention.end - mention.start == 1
            and after in VERB_PHRASE_AFTER
            and not (after in PARTICLES and before in PARTICLE_VERBS)
            and not (after in OR_ELSEWHERE and set_against)  # "express of nestjs"
            and before not in LEARN_WORDS  # "been learnin python of a night": what is learnt
        ):
            return _Sense.EVERYDAY_BESIDE  # "go deeper", "the rest of the month"
        how_to = before == "to" and mention.start > 1 and words[mention.start - 2].text == "how"
        made_with = (  # "an admin panel in python", "python based": what things are made with
            before in MADE_IN
            and not mention.not_covered  # "a company that builds everything in elixir"
            and self.lexicon.kind_of(mention) == TRACK_KIND
        ) or after in BASED
        material_after = material_follows(texts, mention, MATERIAL)
        learning_after = material_follows(texts, mention, LEARNING_MATERIAL)
        joined = any(  # "java to go", "flask to django": a name of its kind just before
            other.end == mention.start - 1
            and other.id != mention.id
            and self.lexicon.kind_of(other) == self.lexicon.kind_of(mention)
            for other in context.found
        )
        as_step = (  # "the deployment section": the roadmap's step, unless told otherwise
            not signs
            and (
                self.lexicon.knowledge.section(mention.id) is not None
                or self.step_of(message, mention) is not mention  # "the monitoring part"
            )
            and near_step_word(words, mention)
        )
        if (
            mention.end - mention.start == 1
            and not software
            and not how_to
            and not made_with
            and not joined
            and not as_step
            and not material_after  # "the django (mega) tutorial": material, not a word
            and after not in PROJECT_NOUNS
        ):
            amount = before in QUANTITIES and (not after or after in STOP)  # "some rest"
            signs += (before in VERB_CONTEXT or amount) + (after in VERB_AFTER)
        # "docker course recommendations": material for it, and only words of the roadmap
        # besides (not "a spring guide for hikers")
        material_only = (
            material_after
            and not mention.not_covered
            and all(
                w.text in self.lexicon.roadmap_words or w.stem in self.lexicon.roadmap_words
                for w in leftovers
            )
        )
        learned = as_step or material_only or self._learned(context, mention, material_after)
        if signs and signs >= software + learned:  # "read about docker, now learn docker"
            return everyday
        if (
            software
            or len(leftovers) <= BARE_LEFTOVERS
            or (not signs and mention.name in self.lexicon.misspelt.get(mention.id, ()))
            or (not signs and mention.id in context.paired)  # "java or python": each other's
            or (not signs and learned)  # "where do i start learning jenkins"
            or (not signs and self.lexicon.kind_named_after(words, mention))  # "cassandra db"
            or (not signs and made_with)
            # "any free java courses that arent boring af"; not "excel sheets"
            or (not signs and learning_after and not mention.not_covered)
            or (not signs and defined_beside(words, mention))  # "what is kafka and ..."
            or (not signs and all(w.text in ASKING_ABOUT for w in leftovers))
            or (not signs and _stands_asked(message, mention))
            or (not signs and _this_thing_asked(words, mention))  # "what's this docker thing"
            or (not signs and _asked_what_it_is_like(words, mention))  # "whats docker like, marra"
            or (not signs and _asked_to_explain(words, mention))  # "please explain me docker"
            or (not signs and _asked_if_taught(message, mention))  # "do you cover stripe?"
            # "stripe for gyro shop online payments": a tool opening a message, then what it is
            # for, told mostly in the roadmap's words (not "stripe for my shirt")
            or (
                not signs
                and mention.not_covered
                and mention.start == 0
                and after == "for"
                and 2 * sum(w.stem in self.lexicon.roadmap_words for w in leftovers)
                > len(leftovers)
            )
        ):  # "is docker worth learning or just hype": only words asking about a technology
            return _Sense.SOFTWARE
        return everyday if signs else _Sense.DOUBTFUL

    def _in_idiom(self, context: _Context, mention: Mention) -> bool:
        """Whether a one-word name is a word of an idiom ("give it a go"), nothing named after."""
        words = context.message.words
        for idiom, at in IDIOMS_OF.get(words[mention.start].text, ()):
            start, end = mention.start - at, mention.start - at + len(idiom)
            if (
                start >= 0
                and end <= len(words)
                and all(words[start + i].text == word for i, word in enumerate(idiom))
                and not (  # "give it a go project"; after "had a go at", a new phrase starts
                    end < len(words)
                    and idiom[-1] not in IDIOM_LINKS
                    and (
                        words[end].text in self.lexicon.software
                        or words[end].text in PROJECT_NOUNS
                        or any(other.start == end for other in context.found)
                    )
                )
            ):
                return True
        return False

    @staticmethod
    def _learned(context: _Context, mention: Mention, material_after: bool) -> bool:
        """Whether the name is something learnt or to learn ("get started with docker").

        ``material_after``: a word of material follows it ("the django tutorial").
        """
        words, texts = context.message.words, context.message.texts
        before = words[mention.start - 1].text if mention.start else ""
        near = words[max(mention.start - 3, 0) : mention.start]
        return (
            any(w.text in LEARN_WORDS for w in near)
            or any(  # "get started with docker", "get better at go"; not "get into spring"
                texts[mention.start - 1] in ("with", "at", "on")
                and texts[at : mention.start - 1] in LEARNING_PHRASES
                for at in range(max(mention.start - 5, 0), mention.start)
            )
            or texts[max(mention.start - 2, 0) : mention.start] in PICKING_UP
            or before in CHOSEN
            # "a django course ... what could i build to practise", "did the flask mega
            # tutorial"; "i wanted resources for python"
            or (context.studying and material_after)
            or any(w.text in MATERIAL for w in near)
            # "any good stuff to read on docker?", "reading about rest"
            or (before in READ_ON and any(w.text in READING for w in near))
            # "i finished python, what should i learn next": learnt, in learning talk
            or (context.studying and mention.start > 0 and texts[mention.start - 1] in DONE_WORDS)
            # "... where they use django. could you point me to material to study it?"
            or any(s > words[mention.start].sentence for s in context.studied_it)
            # "my friend says ruby is dead, is it still worth learning"
            or _pointed_to_learn(words[mention.end :])
            # "what should i build with django": what is built with, with no other sign
            or (  # "a portfolio project with express"
                before in BUILT_WITH
                and any(
                    (w.text in BUILD_WORDS or w.text in PROJECT_NOUNS)
                    and w.sentence == words[mention.start].sentence
                    for w in words[: mention.start]
                )
            )
        )

    def _listing_two(self, message: Message, start: int, end: int) -> bool:
        """Whether a name holding "and" is two names listed, the second running on past it.

        "monitoring and performance optimization": monitoring, then performance optimization,
        not the section "monitoring and performance" with "optimization" left over.
        """
        texts = message.texts
        if end >= len(texts) or message.words[end].segment != message.words[start].segment:
            return False
        return any(
            texts[at] == "and" and self._lookup(texts[at + 1 : end + 1], at + 1, end + 1)
            for at in range(start + 1, end - 1)
        )

    def _owned_noun(self, message: Message, start: int, end: int) -> bool:
        """Whether a name of several words opening with "my" or "our" is the learner's own thing.

        "my sql schema", "our sql skills", "my sql is rusty": a word of the thing or a verb
        follows, so "my" owns it; "what is my sql" and "my sql vs postgres" name the database.
        """
        words = message.words
        return (
            end - start > 1
            and words[start].text in OWN_STACK
            and end < len(words)
            and words[end].segment == words[start].segment
            and (words[end].text not in STOP or words[end].text in BE_WORDS)  # "my sql is rusty"
            and words[end].text not in COMPARE_CUES
            and words[end].text not in USE_CASE_CUES
            and words[end].text not in self.lexicon.exact_names
        )

    def _lookup(self, phrase_words: Sequence[str], start: int, end: int) -> Mention | None:
        phrase = " ".join(phrase_words)
        named = self._phrase_names.remembered(phrase, self._name_of, phrase_words)
        if named is None:
            return None
        target, name, ambiguous = named
        return Mention(target, name, start, end, ambiguous)

    def _name_of(self, phrase: str, phrase_words: Sequence[str]) -> tuple[str, str, bool] | None:
        """What a phrase names, wherever it stands: (id, name, everyday word?), or ``None``."""
        stemmed = _last_stemmed(phrase_words)
        kind = self.lexicon.kinds.get(stem(phrase_words[-1])) if len(phrase_words) > 1 else None
        kinded = " ".join([*phrase_words[:-1], kind]) if kind else None  # "document db"
        target = (
            self.lexicon.exact_names.get(phrase)
            or self.lexicon.exact_names.get(stemmed)
            or (self.lexicon.exact_names.get(kinded) if kinded else None)
        )
        if target is not None:
            common = self.lexicon.common.get(target, frozenset())
            return target, phrase, phrase in common or stemmed in common
        compact = phrase.replace(" ", "")
        if (
            len(compact) < 4
            or phrase_words[0] in STOP
            or phrase_words[-1] in STOP
            or (len(phrase_words) > 1 and COMPARE_CUES & set(phrase_words))
            or (  # a word of the roadmap's text, or one this common, is what it says
                len(phrase_words) == 1
                and (phrase in self.lexicon.known_words or is_common_english(phrase))
            )
            or (  # "app backend" is no misspelt name, "microsoft azzure" is
                2 * sum(w in self.lexicon.known_words for w in phrase_words)
                >= len(phrase_words)
                > 1
                and not any(w in self.lexicon.exact_names for w in phrase_words)
            )
            or any(w.isdigit() for w in phrase_words)
        ):
            return None
        best = self._misspelt.remembered(phrase, self._fuzzy_name)
        if best is not None and (
            _other_form(phrase, best, self.lexicon.common.get(best.id, ()))
            # "gin tonic" is no "gin gonic": a word of the everyday sense is no typo
            or not self.lexicon.everyday.get(best.id, frozenset()).isdisjoint(phrase_words)
        ):
            return None
        if best is None or any(  # "jwt oauth" is two names, not a misspelt "jwt auth"
            self.lexicon.exact_names.get(word, best.id)
            not in (best.id, self.lexicon.exact_names.get(part))
            for word, part in zip(phrase_words, best.name.split(), strict=False)
        ):  # ... but "rubi on rails" is "ruby on rails"
            return None
        anchored = any(  # "mongdb atlas": an exact name of the same topic inside it
            self.lexicon.exact_names.get(word) == best.id
            and word not in self.lexicon.common.get(best.id, ())
            for word in phrase_words
        )
        return best.id, best.name, not anchored  # a word merely near a name: only with context

    def _fuzzy_name(self, phrase: str) -> Match | None:
        """The closest name to a phrase that may be a misspelt name, if close enough."""
        compact = phrase.replace(" ", "")
        words = phrase.split()
        best = None
        for which, index in enumerate(
            (self.lexicon.topic_names, self.lexicon.not_covered_names, self.lexicon.section_names)
        ):
            if len(words) > 1 and not all(
                self._in_place.remembered((word, which, len(words), at), self._alike_in_place)
                for at, word in enumerate(words)
            ):
                continue  # a word like none at its place: no name of the index holds word by word
            hit = index.fuzzy_alike(phrase, MENTION_CUTOFF)  # a match word by word, or None
            if hit is None or not same_words(phrase, hit.name):
                continue
            if len(compact) < SHORT_NAME_CHARS and (
                hit.score < SHORT_NAME_CUTOFF or hit.name[0] != phrase[0]
            ):
                continue
            if best is None or hit.score > best.score:
                best = hit
        return best

    def _alike_in_place(self, key: tuple[str, int, int, int]) -> bool:
        """Whether a word may match (:func:`~bot.mentions.same_words`) the words at one place.

        ``key``: the word; which index (as :meth:`_fuzzy_name` tries them); of its names of
        how many words; at which place.
        """
        word, which, count, at = key
        places = self.lexicon.place_words[which].get(count)
        # just below the cutoff: rapidfuzz may miss the very score
        return places is not None and places[at].alike(word, WORD_PAIR_CUTOFF - 1)

    def near_misses(self, words: list[Word]) -> tuple[tuple[str, ...], set[str]]:
        """Topics some words may misspell (best first, a few), and those words."""
        near: dict[str, float] = {}
        typos: set[str] = set()
        for word in words:
            if (
                len(word.text) < 4
                or word.text in self.lexicon.known_words
                or word.text in self.lexicon.name_words
                or is_common_english(word.text)  # "a link that expires": no misspelt express
                or self.lexicon.not_covered_names.exact_key(word.text)
            ):
                continue
            short = len(word.text) < SHORT_NAME_CHARS  # "neat" is no misspelt "nest"
            hit = self.lexicon.topic_names.fuzzy(
                word.text, SHORT_NAME_CUTOFF if short else NEAR_MISS_CUTOFF
            )
            if hit is not None and hit.name[0] == word.text[0]:
                typos.add(word.text)
                near[hit.id] = max(hit.score, near.get(hit.id, 0))
        return tuple(sorted(near, key=lambda i: -near[i]))[:3], typos

    def step_of(self, message: Message, mention: Mention) -> Mention:
        """The step a topic's name stands for before a word for a step, else the mention.

        "The monitoring section" names the step whose title holds the topic's name.
        """
        words = message.words
        if not (mention.end < len(words) and words[mention.end].text in STEP_TAILS):
            return mention
        named = set(mention.name.split())
        for step in self.lexicon.knowledge.sections:
            if mention.id in step.topic_ids and named <= set(normalize(step.title).split()):
                return replace(mention, id=step.id)
        return mention

    def as_step(self, message: Message, mention: Mention, focus: int) -> bool:
        """Whether a step's name is used for the step ("the databases part", "that section")."""
        if self.lexicon.knowledge.section(mention.id) is None:
            return False
        words = message.words
        about = (  # "what should i know about deployment"
            words[mention.start].sentence == focus
            and mention.start > 0
            and words[mention.start - 1].text == "about"
            and "for" not in {w.text for w in words[mention.end : mention.end + 3]}
        )
        after = mention.start > 0 and words[mention.start - 1].text in DONE_BEFORE
        return (
            about
            or after  # "what comes after databases": the step behind the learner
            or near_step_word(words, mention)
            or any(w.sentence == focus and w.text in STEP_WORDS for w in words)
        )
