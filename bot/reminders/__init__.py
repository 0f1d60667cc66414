"""Daily learning reminders.

:mod:`~bot.reminders.model` (the reminder and its claims), :mod:`~bot.reminders.schedule` (when
one is due), :mod:`~bot.reminders.message` (what it says), :mod:`~bot.reminders.buttons` (its
Done, Skip and Snooze buttons), :mod:`~bot.reminders.pacing` and
:mod:`~bot.reminders.engine` (claiming due reminders from storage and delivering them through
each platform's :class:`bot.delivery.Outbox`). Import from the module that defines a name.
"""
