#!/usr/bin/env bash
# Sourced by test.sh: starts a real Postfix on 127.0.0.1:25 for the digest delivery tests and exports
# SINGLEVIEW_TEST_SMTP=127.0.0.1:25 and SINGLEVIEW_TEST_MAILDIR=<Maildir>. Installs Debian's package when
# missing (as root). Loopback only; every address at a test domain (*.example, *.test) is delivered to
# one local Maildir, so the tests can read what each recipient got. Nothing leaves the machine.
# Failure here is not fatal: the tests that need it fail or skip, as SINGLEVIEW_REQUIRE_SERVERS says.

start_postfix() {
  local user=svmail
  if ! command -v postfix >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "start-postfix: Postfix is not installed and this is not root; mail tests cannot run" >&2
      return 1
    fi
    echo "start-postfix: installing Postfix from Debian packages" >&2
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string localhost" | debconf-set-selections
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null) || return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "start-postfix: not root; cannot configure Postfix" >&2
    return 1
  fi
  id "$user" >/dev/null 2>&1 || useradd --create-home --shell /usr/sbin/nologin "$user" || return 1
  local home
  home=$(getent passwd "$user" | cut -d: -f6)
  local maildir="$home/Maildir"
  mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
  chown -R "$user:$user" "$maildir"

  # Every test-domain address to the one local user.
  printf '%s\n' '/\.(example|test)$/ OK' > /etc/postfix/singleview_test_domains
  printf '%s\n' "/@.*\\.(example|test)\$/ $user" > /etc/postfix/singleview_test_recipients
  postconf -e \
    'inet_interfaces = loopback-only' \
    'inet_protocols = ipv4' \
    'mynetworks = 127.0.0.0/8' \
    'myhostname = localhost' \
    'mydestination = localhost, localhost.localdomain' \
    'relayhost =' \
    'home_mailbox = Maildir/' \
    'virtual_alias_domains = regexp:/etc/postfix/singleview_test_domains' \
    'virtual_alias_maps = regexp:/etc/postfix/singleview_test_recipients' \
    'smtpd_banner = $myhostname ESMTP' \
    'maillog_file = /var/log/postfix-singleview.log' \
    'compatibility_level = 3.6' >/dev/null || return 1
  newaliases 2>/dev/null || true
  if postfix status >/dev/null 2>&1; then
    postfix reload >/dev/null 2>&1 || return 1
  else
    postfix start >/dev/null 2>&1 || return 1
  fi
  local ready=0
  for _ in $(seq 1 30); do
    if (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null; then ready=1; break; fi
    sleep 1
  done
  [ "$ready" -eq 1 ] || return 1
  export SINGLEVIEW_TEST_SMTP="127.0.0.1:25"
  export SINGLEVIEW_TEST_MAILDIR="$maildir"
  echo "start-postfix: Postfix answering on 127.0.0.1:25, test mail in $maildir" >&2
}

start_postfix || echo "start-postfix: Postfix is not available" >&2
