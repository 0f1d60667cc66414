# roadmap-bot: one `roadmap-bot run` process, not root, with /healthz as its health check.
#   docker build -t roadmap-bot .
#   docker run --env-file .env -v roadmap-data:/data roadmap-bot
# See docs/deploy.md.
FROM python:3.12-slim AS build
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY bot bot
COPY adapters adapters
COPY knowledge knowledge
RUN pip install --no-cache-dir --root-user-action=ignore --prefix=/install .

FROM python:3.12-slim
RUN useradd --system --uid 10001 --user-group --home-dir /data --create-home roadmap
COPY --from=build /install /usr/local
# The SQLite file lives in the /data volume (DATABASE_URL selects PostgreSQL instead); logs
# are JSON lines; /metrics and /healthz listen on every interface of the container, port 9100.
ENV DATABASE_PATH=/data/roadmap-bot.sqlite3 \
    LOG_FORMAT=json \
    METRICS_HOST=0.0.0.0 \
    METRICS_PORT=9100 \
    PYTHONUNBUFFERED=1
USER roadmap
WORKDIR /data
VOLUME ["/data"]
EXPOSE 9100
# 503 (a platform down past HEALTH_GRACE_SECONDS, or no database) or no answer: unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['METRICS_PORT'], timeout=4)"]
ENTRYPOINT ["roadmap-bot"]
CMD ["run"]
