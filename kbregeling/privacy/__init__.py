"""Privacy (AVG): the retention periods, applied by one daily task whose steps each app
registers for its own data (``retention.register``), and the public page that says what the
application keeps, why and for how long (``/privacy/``)."""
