// Review page: turn a text selection in the policy into exact character offsets.
// The <pre> holds the version's text verbatim, so counting characters of the DOM text from
// its start gives the same offsets the server checks (text[start:end] == quote).
// The server counts code points (Python), JavaScript strings count UTF-16 units: a character
// outside the Basic Multilingual Plane (an emoji, 𝒳) is one of the first and two of the second.
"use strict";
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const codePoints = (text) => text.length - (text.match(PAIR) || []).length;
document.addEventListener("DOMContentLoaded", () => {
  const pre = document.getElementById("policy-text");
  const shown = document.getElementById("selection");
  if (!pre || !shown) return;
  let picked = null;
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (range.collapsed || !pre.contains(range.startContainer) || !pre.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(pre);
    before.setEnd(range.startContainer, range.startOffset);
    const start = codePoints(before.toString());
    const quote = range.toString();
    picked = { start, end: start + codePoints(quote) };
    shown.textContent = `Selected ${picked.start}–${picked.end}: “${quote.slice(0, 160)}${quote.length > 160 ? "…" : ""}”`;
  });
  for (const button of document.querySelectorAll("button.use-selection")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      if (!picked) { shown.textContent = "Select the quote in the policy text first."; return; }
      const form = button.closest("form");
      form.querySelector(".sel-start").value = picked.start;
      form.querySelector(".sel-end").value = picked.end;
    });
  }
});
