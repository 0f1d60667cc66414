"""Write bot/english_words.txt: common English words, which are never read as misspelt names.

"everyone at the studio" is no misspelt "LM Studio", "reminder emails" no misspelt "Render":
a word this common is what it says. The words come from the English word-frequency list of
pyspellchecker (MIT licence; counts from OpenSubtitles and other corpora), those seen at least
MIN_COUNT times, of letters only and at least four long (shorter words are never looked up
fuzzily). The file is written once and committed; the bot reads it with no dependency.

Run: pip install pyspellchecker && python scripts/english_words.py
"""

from __future__ import annotations

from pathlib import Path

from spellchecker import SpellChecker

TARGET = Path(__file__).resolve().parents[1] / "bot" / "english_words.txt"
#: How often a word must be seen to count as common (in the list's counts).
MIN_COUNT = 1000
#: Words shorter than this are never looked up as a misspelt name.
MIN_CHARS = 4


def main() -> None:
    """Write the common words, one per line, in alphabetical order."""
    counts = SpellChecker(language="en").word_frequency.dictionary
    words = sorted(
        word
        for word, count in counts.items()
        if count >= MIN_COUNT and word.isascii() and word.isalpha() and len(word) >= MIN_CHARS
    )
    TARGET.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    print(f"{TARGET}: {len(words):,} words")


if __name__ == "__main__":
    main()
