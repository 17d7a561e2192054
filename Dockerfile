# One image for every agent: `docker run newsstream worker entities`.
# The spaCy model is a PyPI dependency of the project, so `pip install .` bakes
# it in: containers never download anything at run time.

# --- build: install the project into a venv (build tools stay out of the runtime image)
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first: this layer is reused while only the code changes.
COPY pyproject.toml README.md* ./
RUN mkdir -p services schemas && touch services/__init__.py schemas/__init__.py \
    && pip install . \
    && pip uninstall -y newsstream
COPY services ./services
COPY schemas ./schemas
RUN pip install --no-deps . \
    && python -c "import spacy; spacy.load('en_core_web_sm')"

# --- runtime
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOME=/var/lib/newsstream \
    NEWSSTREAM_METRICS_HOST=0.0.0.0 \
    NEWSSTREAM_METRICS_PORT=6066 \
    NEWSSTREAM_LOG_FORMAT=json
# Fixed non-root uid/gid so Kubernetes runAsUser/fsGroup can match it.
RUN groupadd --system --gid 10001 newsstream \
    && useradd --system --uid 10001 --gid newsstream --home-dir /var/lib/newsstream --shell /usr/sbin/nologin newsstream \
    && mkdir -p /var/lib/newsstream \
    && chown newsstream:newsstream /var/lib/newsstream
COPY --from=build /opt/venv /opt/venv
# Faust keeps its data dir relative to the working directory: make it the
# writable home (an emptyDir in Kubernetes, where the root fs is read-only).
WORKDIR /var/lib/newsstream
USER 10001:10001
# Agent i serves HTTP on NEWSSTREAM_METRICS_PORT + i (normaliser 6066 .. events 6069).
EXPOSE 6066 6067 6068 6069
# The agent is read from PID 1's command line so one HEALTHCHECK fits every agent.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os,sys,urllib.request as u; args=open('/proc/1/cmdline','rb').read().decode().split(chr(0)); agents=['normaliser','entities','stances','events']; i=next((agents.index(a) for a in args if a in agents),0); p=int(os.environ.get('NEWSSTREAM_METRICS_PORT','6066')); sys.exit(0 if u.urlopen(f'http://127.0.0.1:{p+i}/healthz',timeout=4).status==200 else 1)"]
ENTRYPOINT ["newsstream"]
CMD ["worker", "normaliser"]
