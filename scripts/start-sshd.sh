#!/usr/bin/env bash
# Sourced by test.sh: makes sure OpenSSH's server (/usr/sbin/sshd) and sftp client are installed for the
# SFTP transport tests. It does not start a daemon: each test fixture starts its own sshd on a free
# port of 127.0.0.1 with its own host key and configuration, and stops it afterwards.
# Failure here is not fatal: the tests that need sshd fail or skip, as SINGLEVIEW_REQUIRE_SERVERS says.

ensure_sshd() {
  if [ -x /usr/sbin/sshd ] && command -v sftp >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "start-sshd: OpenSSH server or client is not installed and this is not root; SFTP tests cannot run" >&2
    return 1
  fi
  echo "start-sshd: installing openssh-server and openssh-client from Debian packages" >&2
  # Another apt-get may hold the lock briefly: wait for it rather than fail.
  (apt-get -o DPkg::Lock::Timeout=300 update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null) || return 1
  [ -x /usr/sbin/sshd ] && command -v sftp >/dev/null 2>&1
}

if ensure_sshd; then
  echo "start-sshd: /usr/sbin/sshd and sftp are installed (the SFTP test fixtures start their own daemons)" >&2
else
  echo "start-sshd: OpenSSH is not available" >&2
fi
