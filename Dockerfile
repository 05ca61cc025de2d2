# syntax=docker/dockerfile:1
# Build stage: install the portal and its dependencies into a virtual environment.
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN python -m venv /venv
COPY pyproject.toml README.md LICENSE ./
RUN /venv/bin/pip install --no-cache-dir .
# Everything else (see .dockerignore for what stays out: tests, venv, local data).
COPY . .
RUN DJANGO_ENV=production SECRET_KEY=collectstatic-only /venv/bin/python manage.py collectstatic --no-input

# Runtime stage: only the venv, the code and the collected static files; no compiler, no root.
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH=/venv/bin:$PATH \
    DJANGO_ENV=production WEB_CONCURRENCY=3 PORT=8000
RUN useradd --system --create-home --uid 1000 portal
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=1000:1000 /app /app
USER 1000
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/healthz', timeout=4)"]
# gunicorn.conf.py: the ASGI worker, so slow clients cost a socket and never a worker.
CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY} --access-logfile -"]
