"""How objects move through their states, the one way for every app.

- ``runner``: ``perform``, the one transition runner (permission, state, conditions, save);
- ``models`` and ``audit``: the transition log, written for every state change of any model;
- ``assessment``: the two-party assessment round that plans and year reports share;
- ``drafts``: the edit-then-submit flow of a document the library fills in;
- ``admin``: transition buttons in the Django admin, through the same runner.
"""
