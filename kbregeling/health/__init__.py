"""Is the product running? The ``/health/`` endpoint (django-health-check) checks the
database, the broker, a heartbeat that beat schedules and a worker runs every minute, and the
outbox's backlog; docker-compose's health checks call it."""
