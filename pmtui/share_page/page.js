// The attendees' live page: polls the state once a second, counts the section down on the
// server's clock, and replaces only the document sections that changed, keeping the
// reader's place. Everything the session says is set as text or comes as HTML that pmtui
// rendered with user text escaped; this script never builds markup from session text.
"use strict";
(() => {
  const POLL_MS = 1000;
  const STATES = {
    "on-time": "▶ running",
    warning: "▶ wrap up",
    overtime: "▶ OVERTIME",
    extra: "▶ extra time: back in a section already worked",
  };
  const $ = (id) => document.getElementById(id);
  let meetingVersion = "";
  let docVersion = "";
  let offset = 0; // server clock minus this browser's clock, in ms
  let meeting = null;
  const shown = new Map(); // document section id -> the HTML it shows

  // 12:05 left, +03:10 over: as the facilitator's countdown shows it.
  function mmss(seconds) {
    const total = Math.floor(Math.abs(seconds) + (seconds > 0 ? 0.999 : 0));
    const sign = seconds < 0 ? "+" : "";
    const pad = (n) => String(n).padStart(2, "0");
    return `${sign}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
  }

  function clockTime(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function renderClock() {
    if (!meeting) return;
    const clock = meeting.clock;
    const running = clock.since !== null;
    let spent = clock.spent;
    if (running) spent += (Date.now() + offset - clock.since) / 1000;
    const left = clock.planned - spent;
    let pace = left < 0 ? "overtime" : left <= clock.warning ? "warning" : "on-time";
    // Back in a section the meeting has gone past, its time beyond the plan is extra, not
    // overtime: counted up, as the facilitator's clock does; before that, its plan left.
    if (clock.revisit && left < 0) pace = "extra";
    const shown = mmss(left);
    $("countdown").textContent = meeting.agenda.length ? shown : "--:--";
    document.body.dataset.pace = pace;
    document.body.dataset.running = String(running);
    let state = running ? STATES[pace] : "Paused";
    if (clock.stale) {
      state = `Paused: the facilitator's app stopped saving at ${clockTime(meeting.saved_at)}`;
    }
    if (meeting.ends_at !== null) state += ` · meeting ends ~${clockTime(meeting.ends_at)}`;
    $("state").textContent = state;
  }

  function renderMeeting() {
    $("title").textContent = meeting.title;
    $("incident-line").textContent = meeting.incident;
    $("section").textContent = meeting.clock.section || "No agenda";
    document.title = `${meeting.clock.section || "Meeting"} · ${meeting.title}`;
    const agenda = $("agenda");
    agenda.replaceChildren(
      ...meeting.agenda.map((section) => {
        const item = document.createElement("li");
        item.dataset.state = section.state;
        item.textContent = `${section.title} ${section.minutes}m`;
        return item;
      }),
    );
    const notice = $("notice");
    notice.textContent = meeting.problem;
    notice.hidden = !meeting.problem;
    renderClock();
  }

  // The first block of the document below the sticky header: the reader's place.
  function place() {
    const line = $("meeting").getBoundingClientRect().bottom + 1;
    for (const block of $("doc").querySelectorAll(":scope > section > *")) {
      const box = block.getBoundingClientRect();
      if (box.bottom > line) {
        const section = block.parentElement;
        const index = Array.prototype.indexOf.call(section.children, block);
        return { id: section.dataset.id, index, top: box.top };
      }
    }
    return null;
  }

  function keep(at) {
    const section = $("doc").querySelector(`:scope > section[data-id="${CSS.escape(at.id)}"]`);
    if (!section) return;
    const block = section.children[at.index] || section;
    window.scrollBy(0, block.getBoundingClientRect().top - at.top);
  }

  function renderDoc(pieces) {
    const doc = $("doc");
    const at = window.scrollY > 0 ? place() : null;
    const old = new Map([...doc.children].map((el) => [el.dataset.id, el]));
    let previous = null;
    for (const piece of pieces) {
      let section = old.get(piece.id);
      old.delete(piece.id);
      if (!section) {
        section = document.createElement("section");
        section.dataset.id = piece.id;
      }
      if (shown.get(piece.id) !== piece.html) {
        section.innerHTML = piece.html; // rendered by pmtui, user text escaped
        shown.set(piece.id, piece.html);
      }
      const wanted = previous ? previous.nextSibling : doc.firstChild;
      if (section !== wanted) doc.insertBefore(section, wanted);
      previous = section;
    }
    for (const [id, section] of old) {
      section.remove();
      shown.delete(id);
    }
    if (at) keep(at);
  }

  function connection(ok, why) {
    const el = $("connection");
    el.dataset.lost = String(!ok);
    el.textContent = ok ? "" : why;
  }

  async function poll() {
    let wait = POLL_MS;
    try {
      const query = `m=${encodeURIComponent(meetingVersion)}&d=${encodeURIComponent(docVersion)}`;
      const response = await fetch(`state?${query}`, { cache: "no-store" });
      if (response.status === 403) {
        connection(false, "This link no longer works: ask the facilitator for the new one.");
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const state = await response.json();
      offset = state.now - Date.now();
      if (state.meeting) {
        meeting = state.meeting;
        meetingVersion = state.m;
        renderMeeting();
      }
      if (state.doc) {
        renderDoc(state.doc);
        docVersion = state.d;
      }
      connection(true, "");
    } catch (error) {
      connection(false, "Connection lost: retrying…");
      wait = 3 * POLL_MS;
    }
    setTimeout(poll, wait);
  }

  setInterval(renderClock, 250);
  poll();
})();
