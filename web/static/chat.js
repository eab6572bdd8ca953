// The chat page: asks /api/ask, shows answers with their quote, keeps the transcript in sessionStorage.
// Every piece of text goes in with textContent or text nodes, never as HTML.
"use strict";

(function () {
  const STORAGE_KEY = "qa-chat-transcript-v1";
  const HISTORY_TURNS = 5;

  const MESSAGES = {
    network: "No se pudo conectar con el servicio. Compruebe su conexión y vuelva a intentarlo.",
    server: "El servicio tuvo un problema al responder. Inténtelo de nuevo en unos momentos.",
    client: "No se pudo procesar la pregunta.",
    empty: "Escriba una pregunta antes de enviarla.",
    articleFailed: "No se pudo cargar el artículo. Inténtelo de nuevo.",
    feedbackThanks: "¡Gracias por su valoración!",
    feedbackFailed: "No se pudo enviar la valoración. Inténtelo de nuevo.",
  };

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const input = $("question");
  const send = $("send");
  const transcript = $("transcript");
  const welcome = $("welcome");
  const examples = $("examples");
  const examplesTitle = $("examples-title");
  const live = $("live");
  const panel = $("article-panel");
  const panelTitle = $("article-title");
  const panelBody = $("article-body");

  let entries = load();
  const last = entries[entries.length - 1];
  if (last && last.type === "question") {
    // The page was reloaded while a question was pending: say so and offer to ask again.
    entries.push({ type: "error", question: last.text, message: "La pregunta quedó sin respuesta al recargar la página." });
  }
  let pending = false;
  let leaving = false;
  let panelOpener = null;
  const articles = new Map();

  // -- state ---------------------------------------------------------------------

  function load() {
    try {
      const raw = window.sessionStorage.getItem(STORAGE_KEY);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) {
      return [];
    }
  }

  function save() {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
    } catch (e) {
      // Storage full or disabled: the chat still works, it just will not survive a reload.
    }
  }

  function history() {
    return entries.filter((e) => e.type === "question").map((e) => e.text).slice(-HISTORY_TURNS);
  }

  // -- small DOM helpers ------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function button(className, text, onClick) {
    const b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // Offsets from the API count Unicode code points (Python); JavaScript strings count UTF-16 units.
  function unitIndex(text) {
    const units = [0];
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      units.push(u);
    }
    return (cp) => units[Math.max(0, Math.min(cp, units.length - 1))];
  }

  // Append text[a:b] (code points) to parent, wrapping each [start, end, className] range in <mark>.
  function appendMarked(parent, text, a, b, ranges) {
    const toUnit = unitIndex(text);
    const cuts = new Set([a, b]);
    for (const [s, e] of ranges) {
      if (s > a && s < b) cuts.add(s);
      if (e > a && e < b) cuts.add(e);
    }
    const points = Array.from(cuts).sort((x, y) => x - y);
    for (let i = 0; i < points.length - 1; i++) {
      const s = points[i];
      const e = points[i + 1];
      let node = document.createTextNode(text.slice(toUnit(s), toUnit(e)));
      const covering = ranges.filter(([rs, re]) => rs <= s && re >= e);
      for (const [, , className] of covering) {
        const mark = el("mark", className);
        mark.appendChild(node);
        node = mark;
      }
      parent.appendChild(node);
    }
  }

  // -- rendering ---------------------------------------------------------------------

  function render() {
    transcript.replaceChildren();
    entries.forEach((entry, i) => transcript.appendChild(renderEntry(entry, i)));
    welcome.hidden = entries.length > 0;
  }

  function renderEntry(entry, index) {
    if (entry.type === "question") return renderQuestion(entry);
    if (entry.type === "error") return renderError(entry, index);
    return entry.data.refused ? renderRefusal(entry, index) : renderAnswer(entry, index);
  }

  function renderQuestion(entry) {
    const li = el("li", "turn question");
    li.appendChild(el("p", "who visually-hidden", "Usted preguntó:"));
    li.appendChild(el("p", "bubble", entry.text));
    return li;
  }

  // Every reply opens the same way: who speaks, then the text (inserted as text, never as HTML).
  function replyTurn(kind, who, text) {
    const li = el("li", "turn " + kind);
    li.appendChild(el("p", "who", who));
    li.appendChild(el("p", "answer-text", text));
    return li;
  }

  function renderAnswer(entry, index) {
    const data = entry.data;
    const li = replyTurn("answer", "Respuesta", data.answer);
    if (data.quote && data.source) {
      const figure = el("figure", "quote");
      const quote = el("blockquote");
      const start = data.source.start;
      const ranges = (data.highlights || [])
        .map(([s, e]) => [s - start, e - start, "hl"])
        .filter(([s, e]) => e > 0 && s < Array.from(data.quote).length);
      appendMarked(quote, data.quote, 0, Array.from(data.quote).length, ranges);
      figure.appendChild(quote);
      const caption = el("figcaption");
      caption.appendChild(el("span", "section", "Sección: " + (data.source.section || data.source.title)));
      caption.appendChild(button("link-button", "Ver en el artículo", (ev) => openArticle(data, ev.currentTarget)));
      figure.appendChild(caption);
      li.appendChild(figure);
    }
    if (typeof data.confidence === "number" && data.confidence < 0.5) {
      li.appendChild(el("p", "note", "Confianza baja: compruebe la cita en el artículo."));
    }
    li.appendChild(renderFeedback(entry, index));
    return li;
  }

  function renderRefusal(entry, index) {
    const data = entry.data;
    const li = replyTurn("refusal", "El artículo no lo dice", data.answer);
    const suggestions = data.suggestions || [];
    if (suggestions.length) {
      li.appendChild(el("p", "suggestions-title", "Preguntas que el artículo sí responde:"));
      li.appendChild(suggestionList(suggestions));
    }
    li.appendChild(renderFeedback(entry, index));
    return li;
  }

  function renderError(entry, index) {
    const li = replyTurn("error", "Aviso", entry.message);
    if (entry.question) {
      li.appendChild(button("button secondary small", "Reintentar", () => {
        if (pending) return;
        // Drop the error and its question: asking again puts the question back at the end.
        const previous = entries[index - 1];
        const drop = previous && previous.type === "question" && previous.text === entry.question ? 2 : 1;
        entries.splice(index - drop + 1, drop);
        save();
        render();
        ask(entry.question, false);
      }));
    }
    return li;
  }

  function suggestionList(questions) {
    const ul = el("ul", "suggestions");
    for (const q of questions) {
      const li = el("li");
      li.appendChild(button("suggestion", q, () => ask(q)));
      ul.appendChild(li);
    }
    return ul;
  }

  function renderFeedback(entry, index) {
    const box = el("div", "feedback");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "¿Le fue útil esta respuesta?");
    box.appendChild(el("span", "feedback-label", "¿Le fue útil?"));
    const status = el("span", "feedback-status");
    status.setAttribute("role", "status");
    // 👍/👎 drawn from static SVGs in the stylesheet, so they show even where no emoji font is installed.
    const options = [["up", "Sí", "Sí, útil"], ["down", "No", "No, no es útil"]];
    for (const [rating, text, label] of options) {
      const b = button("rate " + rating, text, () => rate(entry, rating, status, box));
      b.title = rating === "up" ? "👍 Útil" : "👎 No útil";
      b.dataset.rating = rating;
      b.setAttribute("aria-label", label);
      b.setAttribute("aria-pressed", String(entry.rating === rating));
      box.appendChild(b);
    }
    if (entry.rating) status.textContent = MESSAGES.feedbackThanks;
    box.appendChild(status);
    return box;
  }

  // -- actions -----------------------------------------------------------------------

  function setPending(on) {
    pending = on;
    send.disabled = on;
    send.textContent = on ? "Pensando…" : "Enviar";
    form.setAttribute("aria-busy", String(on));
    let thinking = $("thinking");
    if (on && !thinking) {
      thinking = el("li", "turn thinking", "pensando…");
      thinking.id = "thinking";
      transcript.appendChild(thinking);
      thinking.scrollIntoView({ block: "nearest" });
    } else if (!on && thinking) {
      thinking.remove();
    }
  }

  function errorMessage(status, body) {
    const message = body && body.error && body.error.message;
    if (status >= 500) return MESSAGES.server;
    return message ? MESSAGES.client + " " + message : MESSAGES.client;
  }

  async function ask(question, fromInput) {
    if (pending) return;
    const text = question.trim() ? question : "";
    if (!text) {
      announce(MESSAGES.empty);
      input.focus();
      return;
    }
    const previous = history();
    entries.push({ type: "question", text });
    save();
    render();
    if (fromInput) input.value = "";
    setPending(true);
    let entry;
    try {
      const res = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ question: text, history: previous }),
      });
      let body = null;
      try {
        body = await res.json();
      } catch (e) {
        body = null;
      }
      if (res.ok && body && typeof body.answer === "string") {
        entry = { type: "answer", question: text, data: body };
      } else {
        entry = { type: "error", question: text, message: res.ok ? MESSAGES.server : errorMessage(res.status, body) };
      }
    } catch (e) {
      if (leaving) return; // the reload cut the request; the next page offers to ask again
      entry = { type: "error", question: text, message: MESSAGES.network };
    }
    setPending(false);
    entries.push(entry);
    save();
    render();
    const last = transcript.lastElementChild;
    if (last) last.scrollIntoView({ block: "nearest" });
    announce(entry.type === "answer" ? entry.data.answer : entry.message);
    input.focus();
  }

  function announce(text) {
    live.textContent = "";
    // A fresh text node after clearing makes screen readers announce repeated messages too.
    window.setTimeout(() => { live.textContent = text; }, 50);
  }

  async function rate(entry, rating, status, box) {
    const body = { question: entry.question, answer: entry.data.answer, rating };
    if (entry.data.quote) body.quote = entry.data.quote;
    status.textContent = "Enviando…";
    try {
      const res = await fetch("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(String(res.status));
      entry.rating = rating;
      save();
      for (const b of box.querySelectorAll("button.rate")) {
        b.setAttribute("aria-pressed", String(b.dataset.rating === rating));
      }
      status.textContent = MESSAGES.feedbackThanks;
    } catch (e) {
      status.textContent = MESSAGES.feedbackFailed;
    }
  }

  async function fetchArticle(id) {
    if (articles.has(id)) return articles.get(id);
    const res = await fetch("/api/article/" + encodeURIComponent(id), { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(String(res.status));
    const article = await res.json();
    articles.set(id, article);
    return article;
  }

  function renderArticle(article, data) {
    panelTitle.textContent = article.title;
    panelBody.replaceChildren();
    const headings = new Set((article.sections || []).map((s) => s.start));
    const ps = data.source.start;
    const pe = data.source.end;
    const hls = (data.highlights || []).map(([s, e]) => [s, e, "hl"]);
    const part = (parent, a, b) => {
      if (b > a) appendMarked(parent, article.text, a, b, hls);
    };
    // Walk the text line by line (in code points) so offsets stay those of the API.
    const chars = Array.from(article.text);
    let start = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && chars[i] !== "\n") continue;
      if (i > start) {
        const isHeading = headings.has(start);
        const block = el(isHeading ? "h3" : "p", isHeading ? "article-heading" : "article-paragraph");
        const ms = Math.max(start, ps);
        const me = Math.min(i, pe);
        if (ms < me) {
          // The passage is one <mark> per block, with the answering words marked inside it.
          part(block, start, ms);
          const mark = el("mark", "passage");
          part(mark, ms, me);
          block.appendChild(mark);
          part(block, me, i);
        } else {
          part(block, start, i);
        }
        panelBody.appendChild(block);
      }
      start = i + 1;
    }
  }

  async function openArticle(data, opener) {
    panelOpener = opener;
    let article;
    try {
      article = await fetchArticle(data.source.document);
    } catch (e) {
      announce(MESSAGES.articleFailed);
      return;
    }
    renderArticle(article, data);
    if (!panel.open) panel.showModal();
    const first = panelBody.querySelector("mark.passage");
    if (first) {
      first.scrollIntoView({ block: "center" });
      first.closest("p, h3").classList.add("has-passage");
    }
  }

  function closeArticle() {
    panel.close();
  }

  function loadExamples() {
    fetch("/api/examples", { headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : { examples: [] }))
      .then((body) => {
        const list = Array.isArray(body.examples) ? body.examples : [];
        examples.replaceChildren(...suggestionList(list).children);
        examplesTitle.hidden = list.length === 0;
      })
      .catch(() => {
        examplesTitle.hidden = true;
      });
  }

  // -- wiring ------------------------------------------------------------------------

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ask(input.value, true);
  });

  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      ask(input.value, true);
    }
  });

  $("new-chat").addEventListener("click", () => {
    entries = [];
    save();
    render();
    announce("Nueva conversación.");
    input.focus();
  });

  $("article-close").addEventListener("click", closeArticle);
  panel.addEventListener("click", (ev) => {
    if (ev.target === panel) closeArticle(); // a click on the backdrop
  });
  panel.addEventListener("close", () => {
    if (panelOpener && document.body.contains(panelOpener)) panelOpener.focus();
    else input.focus();
  });

  window.addEventListener("pagehide", () => { leaving = true; });
  window.addEventListener("pageshow", () => { leaving = false; });

  render();
  loadExamples();
  input.focus();
})();
