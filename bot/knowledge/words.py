"""Reading the words around a roadmap (all optional blocks).

Software words, everyday senses, technology the roadmap does not cover, learners' words for
needs, small talk and subjects outside the roadmap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import Stemmer

from bot.fields import FieldReader
from bot.knowledge.model import Canned, NotCovered, Section, Topic, Vocabulary, stem
from bot.text import normalize

#: The use-case index's stemmer (:mod:`bot.use_cases`): need words must not meet in it.
_STEMMER = Stemmer.Stemmer("english")


def _index_key(word: str) -> str:
    """How the use-case index reads a (plural-folded) word."""
    return _STEMMER.stemWord(word)


class VocabularyReader:
    """Reads and checks the vocabulary blocks with a loader's typed readers and problem list."""

    def __init__(self, reader: FieldReader) -> None:
        self.reader = reader

    def read(
        self, root: Mapping[str, Any], sections: list[Section], topics: list[Topic]
    ) -> Vocabulary:
        """The optional blocks that help understand learners: checked against the roadmap."""
        software = self.reader.words(root, "software_words", ())
        software_set = frozenset(software)
        for group, entries in (("sections", sections), ("topics", topics)):
            for index, entry in enumerate(entries):
                self.senses(
                    (group, index),
                    software_set,
                    entry.common_words,
                    entry.everyday_words,
                    entry.software_words,
                )
        names = {
            normalize(name): entry.id
            for entry in (*sections, *topics)
            for name in (entry.id, entry.title, *entry.aliases)
        }
        return Vocabulary(
            software_words=software_set,
            not_covered=self.not_covered(root, names, {topic.id for topic in topics}, software_set),
            need_words=self.need_words(root, topics),
            small_talk=self.canned(root, "small_talk", names),
            outside=self.canned(root, "outside", names),
        )

    def senses(
        self,
        path: tuple[Any, ...],
        software: frozenset[str],
        common: Sequence[str],
        everyday_words: Sequence[str] = (),
        confirming: Sequence[str] = (),
    ) -> None:
        """Check an entry's words for the senses of its everyday names (``common``).

        Its everyday signs and the words confirming its software sense need ``common``; an
        everyday sign is never a software word, and a confirming word is neither an everyday
        sign of it nor already a software word for every name.
        """
        everyday = frozenset(everyday_words)
        for key, words in (("everyday_words", everyday_words), ("software_words", confirming)):
            if words and not common:
                self.reader.problem(
                    (*path, key), "needs common_words: the names that are everyday words"
                )
            for index, word in enumerate(words):
                if word in software:
                    self.reader.problem(
                        (*path, key, index), f"{word!r} is also in the top-level software_words"
                    )
                elif key == "software_words" and word in everyday:
                    self.reader.problem((*path, key, index), f"{word!r} is also in everyday_words")

    def not_covered(
        self,
        root: Mapping[str, Any],
        names: Mapping[str, str],
        topic_ids: set[str],
        software: frozenset[str],
    ) -> tuple[NotCovered, ...]:
        """Technology the roadmap does not cover; none may share a name with the roadmap.

        Its ``everyday_words`` and ``software_words``, like a topic's, need ``common_words``;
        neither is a software word for every name.
        """
        result = []
        seen: dict[str, str] = {}
        for index, data in enumerate(self.reader.listing(root, "not_covered", required=False)):
            path = ("not_covered", index)
            data = self.reader.mapping(data, path, "not_covered")
            name = self.reader.text(data, "name", path)
            kind = self.reader.text(data, "kind", path)
            if kind and self.reader.kinds and kind not in self.reader.kinds:
                self.reader.problem(
                    (*path, "kind"),
                    f"unknown kind {kind!r} (kinds: {', '.join(self.reader.kinds)})",
                )
            aliases = self.reader.texts(data, "aliases", path)
            all_names = [((*path, "name"), name)] + [
                ((*path, "aliases", i), alias) for i, alias in enumerate(aliases)
            ]
            keys = [normalize(label) for _, label in all_names]
            for (where, label), key in zip(all_names, keys, strict=True):
                if not key:
                    continue
                if key in names:
                    self.reader.problem(
                        where, f"{label!r} is a name of roadmap entry {names[key]!r}"
                    )
                elif key in seen and (seen[key] != name or label is name):
                    self.reader.problem(where, f"{label!r} is already a name of {seen[key]!r}")
                seen.setdefault(key, name)
            related = self.reader.texts(data, "related", path)
            for r_index, topic_id in enumerate(related):
                if topic_id not in topic_ids:
                    self.reader.problem((*path, "related", r_index), f"unknown topic {topic_id!r}")
            common = self.reader.texts(data, "common_words", path)
            known = set(keys)
            for c_index, word in enumerate(common):
                if normalize(word) not in known:
                    self.reader.problem(
                        (*path, "common_words", c_index), f"{word!r} is not one of its names"
                    )
            confirming = self.reader.words(data, "software_words", path)
            everyday = self.reader.words(data, "everyday_words", path)
            self.senses(path, software, common, everyday, confirming)
            if name:
                result.append(
                    NotCovered(
                        name,
                        kind,
                        aliases,
                        common_words=common,
                        software_words=confirming,
                        everyday_words=everyday,
                        related=related,
                    )
                )
        return tuple(result)

    def need_words(
        self, root: Mapping[str, Any], topics: list[Topic]
    ) -> dict[str, tuple[str, ...]]:
        """Learners' words for needs; each must lead to words the topics' use cases contain."""
        if root.get("need_words") is None:
            return {}
        block = self.reader.mapping(root["need_words"], ("need_words",))
        roadmap_words = {
            stem(word)
            for topic in topics
            for text in (*topic.use_cases, *topic.benefits, *topic.tags)
            for word in normalize(text.replace("-", " ")).split()
        }
        result = {}
        read_as: dict[str, str] = {}  # index key -> the need word first read as it
        for key in block:
            path = ("need_words", key)
            word_key = normalize(str(key))
            if len(word_key.split()) not in (1, 2):
                self.reader.problem(path, f"{key!r} must be one word or two side by side")
            targets: list[str] = []
            for index, phrase in enumerate(self.reader.texts(block, key, ("need_words",))):
                for word in normalize(phrase.replace("-", " ")).split():
                    if stem(word) not in roadmap_words:
                        self.reader.problem(
                            (*path, index), f"{word!r} is in no topic's use_cases, benefits or tags"
                        )
                    targets.append(word)
            result[word_key] = tuple(dict.fromkeys(targets))
            self._check_reading(path, word_key, roadmap_words, result, read_as)
        return result

    def _check_reading(
        self,
        path: tuple[Any, ...],
        word: str,
        roadmap_words: set[str],
        read: Mapping[str, tuple[str, ...]],
        read_as: dict[str, str],
    ) -> None:
        """A need word must be read as itself: not folded into another word, not as another key.

        The use-case index folds plurals and stems words, and so does every question's word:
        "news" is read as "new" (and a learner's "new" as "news"), "books" and "booking" as one.
        """
        for part in word.split():  # each word of a phrase ("black friday") too
            folded = stem(part)
            if _index_key(part) != _index_key(folded) and folded in roadmap_words:
                self.reader.problem(
                    path,
                    f"{part!r} is read as {folded!r}, a word of the use cases: "
                    f"a learner's {folded!r} would stand for it too; use another word",
                )
                return
        key = " ".join(_index_key(stem(part)) for part in word.split())
        first = read_as.setdefault(key, word)
        if first != word and set(read[first]) != set(read[word]):
            self.reader.problem(
                path,
                f"{word!r} is read as the same word as {first!r}, with other words: "
                f"only one of them would count; merge them into one entry",
            )

    def canned(
        self, root: Mapping[str, Any], key: str, names: Mapping[str, str]
    ) -> tuple[Canned, ...]:
        """Small talk or subjects outside the roadmap: phrases and the reply they get."""
        result = []
        for index, data in enumerate(self.reader.listing(root, key, required=False)):
            path = (key, index)
            data = self.reader.mapping(data, path, "canned")
            phrases = self.reader.texts(data, "phrases", path)
            if "phrases" not in data:
                self.reader.problem((*path, "phrases"), "is required")
            for p_index, phrase in enumerate(phrases):
                named = names.get(normalize(phrase))
                if named is not None:
                    self.reader.problem(
                        (*path, "phrases", p_index),
                        f"{phrase!r} is a name of roadmap entry {named!r}",
                    )
            result.append(
                Canned(
                    self.reader.slug(data, "id", path),
                    phrases,
                    self.reader.text(data, "reply", path),
                )
            )
        return tuple(result)
