"""What every page shares: view helpers (``views``: the permission gate, pagination, the year
parameter), values shown as a reader expects them (``display``) and the template tags
(``templatetags/kb_tags``)."""
