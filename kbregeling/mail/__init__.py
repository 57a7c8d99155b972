"""The one outbox: every e-mail the product sends, recorded with the action that causes it and
sent after commit. ``notify`` tells the people of an event; ``outbox.record`` is the lower
step for mail whose addressees the caller already knows (reminders)."""
