#!/usr/bin/env bash
# Sourced by test.sh: makes Debian's Chromium available for the Playwright browser tests
# (tests/SingleView.Serve.Tests/Browser) and tells Playwright not to download its own browsers.
# Failure here is not fatal: the browser tests fail or skip, as SINGLEVIEW_REQUIRE_SERVERS says.

start_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -x /usr/bin/chromium ]; then
    export SINGLEVIEW_TEST_CHROMIUM=/usr/bin/chromium
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "start-chromium: chromium is not installed and this is not root; browser tests cannot run" >&2
    return 1
  fi
  echo "start-chromium: installing chromium from Debian packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
  export SINGLEVIEW_TEST_CHROMIUM=/usr/bin/chromium
}

start_chromium || echo "start-chromium: Chromium is not available" >&2
