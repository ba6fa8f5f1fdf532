// Puppeteer must never download its own browser: this machine (and CI) cannot reach it.
// Folio's tests drive the system's Chromium (see test/tools/find-browser.mjs).
module.exports = { skipDownload: true };
