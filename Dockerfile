FROM python:3.11-slim-bookworm
# WeasyPrint needs Pango; fonts for the PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
# Static files are collected into the image (var/staticfiles, the default STATIC_ROOT) with
# a throw-away secret key: collecting needs no mail server or broker.
RUN python bin/compile_messages.py \
 && SECRET_KEY=build-only DEBUG=0 python manage.py collectstatic --noinput
# web, worker and beat run as this user, never as root; it may write only its uploads
# (var/private, the private-media volume).
RUN useradd --create-home --uid 1000 app && mkdir -p /app/var/private && chown -R app /app/var/private
USER app
EXPOSE 8000
CMD ["gunicorn", "kbregeling.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2"]
