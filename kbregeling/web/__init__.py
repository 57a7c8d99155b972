"""What every page shares: view helpers (``views``: the permission gate, pagination, the year
parameter), values shown as a reader expects them (``display``), the template tags
(``templatetags/kb_tags``), and what every request passes (``middleware``: the security
headers, the early refusal of an oversized body, the idle session timeout of ``idle``)."""
