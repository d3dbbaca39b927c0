# Keyloom on debian:bookworm-slim, from the distribution tarball `mvn -B verify` (or
# `mvn -B package`) leaves in target/. UNTESTED: no Docker engine runs on the machines that build
# Keyloom; the tarball it unpacks is tested (DistributionIT). See docs/packaging.md.
#   docker build -t keyloom . && docker run --rm -p 8080:8080 -v keyloom-data:/var/lib/keyloom keyloom
FROM debian:bookworm-slim AS unpack
COPY target/keyloom-*-linux-*.tar.gz /tmp/
RUN mkdir /opt/keyloom \
 && tar -xzf /tmp/keyloom-*-linux-*.tar.gz -C /opt/keyloom --strip-components=1

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/keyloom --create-home keyloom
COPY --from=unpack /opt/keyloom /opt/keyloom
USER keyloom
WORKDIR /var/lib/keyloom
ENV KEYLOOM_HOST=0.0.0.0 KEYLOOM_PORT=8080 KEYLOOM_DATA_DIR=/var/lib/keyloom/data
EXPOSE 8080
VOLUME /var/lib/keyloom
ENTRYPOINT ["/opt/keyloom/bin/keyloom"]
CMD ["serve"]
