"""Daily learning reminders.

:mod:`~bot.reminders.message` (what one says), :mod:`~bot.reminders.buttons` (its Done, Skip and
Snooze buttons), :mod:`~bot.reminders.pacing` and :mod:`~bot.reminders.engine` (claiming due
reminders from storage and delivering them through each platform's
:class:`bot.delivery.Outbox`). The reminder itself (:mod:`bot.reminder_model`) and when it is due
(:mod:`bot.reminder_schedule`) stand below storage, which keeps them, so that storage never
imports this package. Import from the module that defines a name.
"""
