# dossier as a static binary (musl, no shared libraries), in a small image that CI pipelines
# run in (docs/deploy.md). Build from a checkout of dossier:
#   docker build -t registry.acme.test/tools/dossier:0.1 .
# The binary alone: docker create --name d IMAGE && docker cp d:/usr/local/bin/dossier .
FROM rust:1-bookworm AS build
RUN rustup target add x86_64-unknown-linux-musl \
 && apt-get update && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked --target x86_64-unknown-linux-musl \
 && strip target/x86_64-unknown-linux-musl/release/dossier

# A shell, rsync and ssh beside it, for the pipelines' publish steps (and the glibc that
# GitHub's checkout action needs inside a container job).
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates rsync openssh-client \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/x86_64-unknown-linux-musl/release/dossier /usr/local/bin/dossier
CMD ["dossier", "--help"]
