"""/link and /unlink: one learner across Discord, Telegram and the terminal.

``/link`` gives a one-time code (:mod:`bot.linking`) privately: on Discord as an ephemeral
reply, on Telegram in the private chat (asked in a group, it goes there; the group only learns
that it was sent). ``/link CODE`` on another platform joins that identity to the code's issuer:
ticks, activity (streaks) and review merged, the issuer's track kept
(:mod:`bot.storage.identities`). A code typed where others read (a group chat) is deleted
unused. One reminder remains; it goes where the learner last set it with /remind, and the link
reply offers a button that moves it to where they are. ``/unlink`` separates the identity
again, each side keeping a copy of the data; the reminder stays with the identity it goes to.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.commands import Command, Context, Option
from bot.features.personal import PROGRESS
from bot.limits import LINK_CODE_MINUTES, LINK_MAX_WRONG
from bot.linking import CODE_CHARS, LinkOutcome, LinkResult, new_code, parse_code
from bot.messages import Button, ButtonStyle, ChatKind, Reply, ReplyKind, private_reply

#: How people know each platform.
PLATFORM_NAMES = {"discord": "Discord", "telegram": "Telegram", "console": "the terminal"}
#: Draws of a code whose locator is taken before giving up (each has ~27,000 locators to hit).
CODE_DRAWS = 5
#: The argument that confirms /unlink.
CONFIRM = "confirm"
#: Told to the issuer of a code that wrong tries ended.
CODE_ENDED = (
    f"Someone typed your link code wrong {LINK_MAX_WRONG} times, so it no longer works. If that "
    "was you, send /link for a new code."
)


def platform_name(user_key: str) -> str:
    """``"Telegram"`` for ``"telegram:42"``."""
    platform = user_key.split(":", 1)[0]
    return PLATFORM_NAMES.get(platform, platform.title())


def _names(user_keys: list[str]) -> str:
    return ", ".join(platform_name(key) for key in user_keys)


def _refusal(title: str, *blocks: str) -> Reply:
    return private_reply(title, *blocks, kind=ReplyKind.ERROR)


async def link(ctx: Context) -> Reply:
    """Give a link code, or (``/link CODE``) join this identity to the code's learner."""
    if not ctx.args:
        return await _issue(ctx)
    code = parse_code(ctx.args)
    if code is None:
        return _refusal(
            "That is not a link code",
            f"A link code has {CODE_CHARS} letters and digits, like ABCD-EFGH. Send /link on "
            "your other platform to get one, then send /link and the code here.",
        )
    if ctx.request.chat_kind is ChatKind.GROUP:
        burnt = await ctx.storage.identities.burn(code.locator, code.digest)
        return _refusal(
            "Link codes are secret",
            ("Others could read that code here, so it no longer works. " if burnt else "")
            + "Send /link on your other platform for a new code, and type it in a private "
            "chat with me.",
        )
    result = await ctx.storage.identities.redeem(
        ctx.request.user_key, code.locator, code.digest, ctx.clock.now()
    )
    if result.ended_code_of is not None:
        await ctx.storage.add_notice(result.ended_code_of, CODE_ENDED)
    if result.outcome is LinkOutcome.LINKED:
        return await _linked(ctx, result.learner_key)
    return _not_linked(ctx, result)


async def _issue(ctx: Context) -> Reply:
    now = ctx.clock.now()
    expires = now + timedelta(minutes=LINK_CODE_MINUTES)
    for _ in range(CODE_DRAWS):
        code = new_code()
        if await ctx.storage.identities.issue(
            ctx.request.user_key, code.locator, code.digest, expires, now
        ):
            break
    else:
        return _refusal("I could not make a code just now", "Please send /link again.")
    members = await ctx.storage.identities.members(ctx.learner)
    linked = f"Linked already: {_names(members)}." if len(members) > 1 else ""
    return private_reply(
        f"Your link code: {code.shown()}",
        f"On your other platform (Discord, Telegram or the terminal), in a private chat with me, "
        f"send /link {code.shown()} within {LINK_CODE_MINUTES} minutes. The code works once.",
        "Your checklist, track, streak and reviews become one. Never share the code: whoever "
        "types it joins their account to your progress. A new /link replaces it.",
        linked,
    )


async def _linked(ctx: Context, learner_key: str) -> Reply:
    storage = ctx.storage
    members = await storage.identities.members(learner_key)
    done = await storage.done_items(learner_key)
    user = await storage.get_user(learner_key)
    blocks = [
        f"This account and your others are one learner now: {_names(members)}.",
        f"{len(done)} item{'' if len(done) == 1 else 's'} ticked, with your streak and reviews "
        "together. /unlink undoes it.",
    ]
    buttons = [PROGRESS]
    reminder = await storage.reminders.get(learner_key)
    if reminder is not None and reminder.enabled:
        where = platform_name(f"{reminder.platform}:{reminder.user_id}")
        blocks.append(
            f"Your daily reminder comes on {where} at {reminder.local_time:%H:%M} "
            f"({reminder.zone})."
        )
        if reminder.platform != ctx.request.platform or reminder.user_id != ctx.request.user_id:
            args = f"{reminder.local_time:%H:%M} dm"
            buttons.insert(0, Button("Send my reminder here", "remind", args, ButtonStyle.PRIMARY))
    else:
        zone = user.timezone or "UTC"
        blocks.append(f"Send /remind HH:MM for a daily reminder here (your zone: {zone}).")
    return private_reply("Linked!", *blocks, buttons=tuple(buttons), kind=ReplyKind.CONFIRM)


def _not_linked(ctx: Context, result: LinkResult) -> Reply:
    outcome = result.outcome
    again = "Send /link on your other platform for a new code."
    if outcome is LinkOutcome.BLOCKED:
        wait = f"Please wait until {_at(result.retry_at)}." if result.retry_at else ""
        return _refusal("Too many wrong codes", wait)
    left = (
        f"{result.tries_left} more tries before a {LINK_CODE_MINUTES} minute pause."
        if result.tries_left
        else f"That was the last try for {LINK_CODE_MINUTES} minutes."
    )
    if outcome is LinkOutcome.WRONG:
        return _refusal(
            "That code does not work",
            "It may be mistyped, used already, or out of time.",
            again,
            left,
        )
    if outcome is LinkOutcome.EXPIRED:
        return _refusal(
            "That code has expired",
            f"Codes work for {LINK_CODE_MINUTES} minutes.",
            again,
        )
    if outcome is LinkOutcome.OWN_CODE:
        return _refusal(
            "That is your own code",
            "Type it on your other platform: there, send /link and the code.",
        )
    if outcome is LinkOutcome.ALREADY_LINKED:
        return private_reply(
            "Already linked", "These accounts are one learner already.", buttons=(PROGRESS,)
        )
    return _refusal(
        "This account is linked to others",
        "Send /unlink here first. Or link the other way round: send /link here and type the "
        "code on the other platform.",
    )


def _at(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%H:%M} UTC"


async def unlink(ctx: Context) -> Reply:
    """Separate this identity from the ones it is linked to, after confirmation."""
    here = ctx.request.user_key
    members = await ctx.storage.identities.members(ctx.learner)
    if len(members) == 1:
        return private_reply(
            "This account is not linked",
            "Send /link to get a code that joins it with your account on another platform.",
        )
    others = [key for key in members if key != here]
    if ctx.args.casefold() != CONFIRM:
        return private_reply(
            f"Unlink this {platform_name(here)} account?",
            f"It is linked to: {_names(others)}. Both sides keep a copy of your checklist, "
            "track, streak and reviews, then go separate ways.",
            buttons=(
                Button("Yes, unlink", "unlink", CONFIRM, ButtonStyle.DANGER),
                PROGRESS,
            ),
            kind=ReplyKind.CONFIRM,
        )
    done = await ctx.storage.identities.unlink(here, ctx.clock.now())
    if done is None:  # unlinked meanwhile (another process, a double press)
        return private_reply("This account is not linked any more", buttons=(PROGRESS,))
    reminder = (
        f"Your daily reminder stays with {_names(others)}; send /remind HH:MM for one here."
        if done.reminder_with_others
        else ""
    )
    return private_reply(
        "Unlinked",
        f"This {platform_name(here)} account has its own copy of your progress now, and so "
        f"has {_names(others)}.",
        reminder,
        buttons=(PROGRESS,),
        kind=ReplyKind.CONFIRM,
    )


COMMANDS = [
    Command(
        "link",
        "Be one learner on Discord, Telegram and the terminal",
        link,
        "/link · /link CODE",
        (Option("code", "The code /link gave you on your other platform"),),
        learner=True,
    ),
    Command(
        "unlink", "Separate this account from your linked ones", unlink, "/unlink", learner=True
    ),
]
