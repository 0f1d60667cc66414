"""The core's caps and thresholds that one might tune, in one place.

Constants of one algorithm's inner workings (the matcher's leads, the reminder engine's
retries) stay beside that algorithm.
"""

from __future__ import annotations

#: Longest argument text the core accepts; longer input gets a polite refusal.
MAX_ARGS_CHARS = 500
#: How many "did you mean" suggestions to offer.
SUGGESTIONS = 3
#: A fuzzy score (0-100) high enough to take a match without asking back, if no rival ties it
#: (:meth:`bot.matching.NameIndex.resolve` has the whole rule).
MATCH_CONFIDENT = 88
#: Below this score a candidate is not worth suggesting at all.
MATCH_SUGGEST = 60
#: Buttons a single reply may carry (Discord allows 25, Telegram keyboards fit far fewer).
MAX_BUTTONS = 10
#: Longest encoded button action (Telegram's callback_data allows 64 bytes).
MAX_ACTION_BYTES = 64
#: Longest slug id in a knowledge file.
MAX_ID_CHARS = 32
#: How many autocomplete choices to return (Discord's cap).
MAX_CHOICES = 25
#: How much of a user's input a reply quotes back ("I don't know X").
QUOTE_CHARS = 60
#: Longest text of a review question's option: it is a button label (Telegram shows about 64
#: characters of one on a phone; Discord allows 80).
MAX_OPTION_CHARS = 64
#: How many options a review question has.
MIN_OPTIONS, MAX_OPTIONS = 3, 4
#: Largest knowledge file read: room for every public developer roadmap together (about 100
#: times the bundled one, 10 MB); a larger one is refused unread.
MAX_KNOWLEDGE_BYTES = 16 * 1024 * 1024
#: Deepest nesting of lists and mappings in a knowledge file (the roadmap needs about 5).
MAX_KNOWLEDGE_DEPTH = 32
#: Problems of a knowledge file reported at most (the first ones by line, and how many more).
MAX_KNOWLEDGE_PROBLEMS = 50
#: How long the bot remembers a person's last free-text answer in a chat, for follow-ups.
FOLLOW_UP_SECONDS = 300
#: How many conversations it remembers at once (the least recently used are forgotten).
FOLLOW_UP_MEMORY = 10_000
#: Longest command name platforms allow (Telegram and Discord: 32); an unknown name is matched
#: for "did you mean" by this many characters at most.
MAX_COMMAND_CHARS = 32
#: A streak shorter than this many days is not mentioned in the daily reminder.
STREAK_WORTH_MENTIONING = 2
#: Longest text of an unanswered question kept for the operator (a longer one is cut).
UNANSWERED_TEXT_CHARS = 300
#: Most unanswered questions kept; the oldest are dropped beyond it, so a flood cannot fill the
#: disk (at most about 30 MB of text).
UNANSWERED_MAX_ROWS = 100_000
#: Most unanswered questions waiting in memory to be written (while the database is slow or
#: down); beyond it new ones are dropped, with a warning.
UNANSWERED_BUFFER = 1_000
#: Seconds the unanswered log gathers questions before writing them in one commit.
UNANSWERED_GATHER_SECONDS = 1.0
#: Questions that make a full batch: the unanswered log writes them at once instead of waiting
#: out the gathering time, so a burst is written as it comes instead of dropped.
UNANSWERED_BATCH = 100
#: Words whose plural-folded stem is kept (a word and its stem: about 150 bytes each).
STEM_CACHE = 8_192
#: Lookup replies (/lang python, /topic postgrs) the core keeps to give again, least recently
#: used forgotten first: a few kilobytes each.
LOOKUP_REPLIES = 512
#: How long a /link code works.
LINK_CODE_MINUTES = 10
#: Wrong tries that end a link code (its locator typed with a wrong rest), and that block a
#: person from trying codes for :data:`LINK_CODE_MINUTES` (any failed try counts).
LINK_MAX_WRONG = 5
