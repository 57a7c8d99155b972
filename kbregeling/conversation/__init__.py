"""The conversation on every sign-up and year report: messages between the library and both
reviewer parties, the reviewers' internal notes, what each person has read, and the mails
(one per message or a daily digest) that tell the other side."""
