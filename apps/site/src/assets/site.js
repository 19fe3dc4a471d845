// The site's only script (no inline script: the CSP allows only this file). Every page works
// without it; it adds:
// - Language choice. On the root page (<html data-negotiate>): go to the reader's language once
//   (a remembered choice, then navigator.languages, else the default); only the root redirects,
//   and only to a language page, so it cannot loop; `/?choose` shows the list. A click on a
//   language link remembers the choice.
// - The reader's place. While the reader scrolls, the section they are in is written into the URL
//   (#trade) with history.replaceState (no new history entry), and the language switcher's links
//   carry it: switching language lands in the same section.
// - Reference previews. Hovering, focusing or tapping a footnote marker [n] (or a "dubious" mark)
//   shows the reference (or the explanation) in place: role=tooltip, named by aria-describedby,
//   Escape closes it. A second tap, a click or Enter follows the link as before.
// - Folded notes open when a link leads into them, and for printing.
// - Moved anchors. A language's home (/en/) showed the article before it listed the documents:
//   an old link to a section of it (/en/#trade) goes on to the article (<html data-anchors-moved>;
//   the article is the page's link marked data-anchors-target, whose href carries the path prefix).
/* global window, document, navigator, history, location, IntersectionObserver */
(function () {
  'use strict';
  var KEY = 'bilateral.language';
  var root = document.documentElement;

  function remembered() {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }
  /** @param {string} lang */
  function remember(lang) {
    try {
      window.localStorage.setItem(KEY, lang);
    } catch {
      // Storage may be disabled; the choice is then not remembered.
    }
  }

  // --- Language negotiation (root page only) ---
  if (root.hasAttribute('data-negotiate') && !/[?&]choose(=|&|$)/.test(location.search)) {
    var supported = (root.getAttribute('data-locales') || '').split(' ').filter(Boolean);
    var pick = function () {
      var saved = remembered();
      if (saved && supported.indexOf(saved) !== -1) return saved;
      var wanted =
        navigator.languages && navigator.languages.length
          ? navigator.languages
          : [navigator.language];
      for (var i = 0; i < wanted.length; i++) {
        var primary =
          String(wanted[i] ?? '')
            .toLowerCase()
            .split('-')[0] ?? '';
        if (supported.indexOf(primary) !== -1) return primary;
      }
      return root.getAttribute('data-default-locale') || supported[0];
    };
    var lang = pick();
    // The page's own link to that language: it carries the site's path prefix.
    /** @type {HTMLAnchorElement | null} */
    var target = lang
      ? document.querySelector('ul.languages a[data-lang-choice="' + lang + '"]')
      : null;
    if (target) {
      location.replace(target.href.split('#')[0] + location.hash);
      return;
    }
  }

  // --- Old links to the article's sections, on a language's home ---
  /** @type {HTMLAnchorElement | null} */
  var movedTo = root.hasAttribute('data-anchors-moved')
    ? document.querySelector('a[data-anchors-target]')
    : null;
  /** Goes on to the article when the #anchor is not on this page; true when it does. */
  function forwardMoved() {
    if (!movedTo || location.hash.length <= 1) return false;
    if (document.getElementById(decodeURIComponent(location.hash.slice(1)))) return false;
    location.replace(movedTo.href.split('#')[0] + location.hash);
    return true;
  }
  if (forwardMoved()) return;
  // A fragment followed on the page itself (the same document: no new load) too.
  if (movedTo) window.addEventListener('hashchange', forwardMoved);

  var links = document.querySelectorAll('a[data-lang-choice]');
  /** @param {Event} event @returns {HTMLElement} */
  var from = function (event) {
    return /** @type {HTMLElement} */ (event.currentTarget);
  };
  function keepHash() {
    for (var i = 0; i < links.length; i++) {
      var a = /** @type {Element} */ (links[i]);
      if (!a.hasAttribute('data-keep-hash')) continue;
      var base = (a.getAttribute('href') || '').split('#')[0];
      a.setAttribute('href', base + location.hash);
    }
  }
  links.forEach(function (link) {
    link.addEventListener('click', function (event) {
      remember(from(event).getAttribute('data-lang-choice') ?? '');
    });
  });

  // --- Folded notes: open the <details> a link leads into ---
  /** @param {string} hash */
  function reveal(hash) {
    var id = decodeURIComponent((hash || '').replace(/^#/, ''));
    var el = id && document.getElementById(id);
    if (!el) return;
    var d = el.closest('details');
    if (d && !d.open) {
      d.open = true;
      el.scrollIntoView();
    }
  }
  /** @type {HTMLDetailsElement[]} */
  var printed = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.editorial-notes:not([open])').forEach(function (d) {
      var details = /** @type {HTMLDetailsElement} */ (d);
      details.open = true;
      printed.push(details);
    });
  });
  window.addEventListener('afterprint', function () {
    printed.splice(0).forEach(function (d) {
      d.open = false;
    });
  });

  // --- The reader's place ---
  /** @type {HTMLElement[]} */
  var places = Array.prototype.slice.call(document.querySelectorAll('[data-place][id]'));
  var header = document.querySelector('.site-header');
  /** The line (px from the window's top) a heading must pass to make its section current. */
  function line() {
    var bottom = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    return bottom + 48;
  }
  /**
   * The place an element belongs to: the last place at or before it in the document.
   * @param {Element} el @returns {HTMLElement | null}
   */
  function placeOf(el) {
    var found = null;
    for (var i = 0; i < places.length; i++) {
      var p = /** @type {HTMLElement} */ (places[i]);
      if (p === el || p.contains(el) || p.compareDocumentPosition(el) & 4) found = p;
      else break;
    }
    return found;
  }
  /** @returns {HTMLElement | null} */
  function currentPlace() {
    var limit = line();
    var found = null;
    for (var i = 0; i < places.length; i++) {
      var p = /** @type {HTMLElement} */ (places[i]);
      if (p.getBoundingClientRect().top <= limit) found = p;
      else break;
    }
    return found;
  }
  function updatePlace() {
    var current = currentPlace();
    var id = decodeURIComponent(location.hash.replace(/^#/, ''));
    var target = id ? document.getElementById(id) : null;
    // A target inside the current section (a footnote, a marker) is a more precise place: keep it.
    if (target && placeOf(target) === current) return;
    var url = location.pathname + location.search;
    if (current === null) {
      if (target && placeOf(target) !== null) history.replaceState(history.state, '', url);
    } else {
      history.replaceState(history.state, '', url + '#' + encodeURIComponent(current.id));
    }
    keepHash();
  }
  if (places.length > 0 && 'IntersectionObserver' in window) {
    /** @type {IntersectionObserver | null} */
    var observer = null;
    var watch = function () {
      if (observer) observer.disconnect();
      var top = Math.round(line() - 48);
      var strip = Math.round(window.innerHeight - top - 48);
      // The root is a strip below the header: a heading entering or leaving it moves the place.
      // Every new observer reports once at the start: that is not the reader moving (on a page
      // opened at #trade, it may come before the browser has scrolled there).
      var first = true;
      observer = new IntersectionObserver(
        function () {
          if (first) first = false;
          else updatePlace();
        },
        {
          rootMargin: -top + 'px 0px ' + -Math.max(0, strip) + 'px 0px',
        },
      );
      places.forEach(function (p) {
        observer?.observe(p);
      });
    };
    watch();
    window.addEventListener('resize', watch);
    // A fast scroll can jump over the strip: settle the place when scrolling ends, too.
    window.addEventListener('scrollend', updatePlace);
  }

  // --- Reference previews ---
  /** @type {HTMLDivElement | null} */
  var preview = null;
  /** @type {HTMLAnchorElement | null} */
  var owner = null;
  var hideTimer = 0;
  var showTimer = 0;
  var lastPointer = '';
  // Whether the preview of the marker being tapped was open before this tap (the tap's own focus
  // opens it on the way).
  var openBeforeTap = false;
  var narrow = window.matchMedia('(max-width: 40rem)');

  /** @param {HTMLAnchorElement} a @returns {HTMLElement | null} */
  function sourceOf(a) {
    var ref = a.getAttribute('data-preview');
    if (ref) return document.getElementById(ref);
    var href = a.getAttribute('href') || '';
    return href.charAt(0) === '#' ? document.getElementById(href.slice(1)) : null;
  }
  /** @returns {HTMLDivElement} */
  function build() {
    var p = document.createElement('div');
    preview = p;
    preview.id = 'ref-preview';
    preview.className = 'ref-preview';
    preview.setAttribute('role', 'tooltip');
    preview.hidden = true;
    preview.addEventListener('pointerenter', function (event) {
      if (event.pointerType === 'mouse') window.clearTimeout(hideTimer);
    });
    preview.addEventListener('pointerleave', function (event) {
      if (event.pointerType === 'mouse') hideSoon();
    });
    // Inside <main>: every part of the page belongs to a landmark.
    (document.querySelector('main') ?? document.body).appendChild(p);
    return p;
  }
  /** @param {HTMLAnchorElement} a */
  function show(a) {
    var source = sourceOf(a);
    if (!source) return;
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    var box = preview ?? build();
    if (owner && owner !== a) owner.removeAttribute('aria-describedby');
    owner = a;
    var copy = /** @type {HTMLElement} */ (source.cloneNode(true));
    copy.removeAttribute('id');
    copy.querySelectorAll('.backlinks, [id]').forEach(function (el) {
      if (el.classList.contains('backlinks')) el.remove();
      else el.removeAttribute('id');
    });
    // Links in the preview are for pointers; keyboard users reach them in the list itself.
    copy.querySelectorAll('a').forEach(function (link) {
      link.setAttribute('tabindex', '-1');
    });
    var lang = source.closest('[lang]')?.getAttribute('lang');
    box.replaceChildren();
    var body = document.createElement('div');
    body.className = 'ref-preview-body';
    if (lang) body.setAttribute('lang', lang);
    while (copy.firstChild) body.appendChild(copy.firstChild);
    box.appendChild(body);
    box.hidden = false;
    a.setAttribute('aria-describedby', 'ref-preview');
    place(a, box);
  }
  /** @param {HTMLAnchorElement} a @param {HTMLDivElement} preview */
  function place(a, preview) {
    if (narrow.matches) {
      // Phones: a sheet at the bottom of the window (CSS), not next to the marker.
      preview.classList.add('sheet');
      preview.style.removeProperty('left');
      preview.style.removeProperty('top');
      // Keep the marker in sight above the sheet (a second tap on it follows the link).
      var covered = a.getBoundingClientRect().bottom - (preview.getBoundingClientRect().top - 12);
      if (covered > 0) window.scrollBy(0, covered);
      return;
    }
    preview.classList.remove('sheet');
    var r = a.getBoundingClientRect();
    var width = preview.offsetWidth;
    var height = preview.offsetHeight;
    var left = Math.min(Math.max(8, r.left), window.innerWidth - width - 8);
    var below = r.bottom + 6;
    var top =
      below + height > window.innerHeight - 8 && r.top - height - 6 > 8
        ? r.top - height - 6
        : below;
    preview.style.left = Math.round(left + window.scrollX) + 'px';
    preview.style.top = Math.round(top + window.scrollY) + 'px';
  }
  function hide() {
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    if (preview) preview.hidden = true;
    if (owner) owner.removeAttribute('aria-describedby');
    owner = null;
  }
  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }
  /** @param {Event} event @returns {HTMLAnchorElement} */
  var marker = function (event) {
    return /** @type {HTMLAnchorElement} */ (event.currentTarget);
  };
  /** @type {NodeListOf<HTMLAnchorElement>} */
  var markers = document.querySelectorAll('sup.reference a[href^="#"], a[data-preview]');
  markers.forEach(function (a) {
    if (!sourceOf(a)) return;
    // The explanation is shown in place; a native tooltip on top of it would repeat it.
    a.removeAttribute('title');
    a.addEventListener('pointerdown', function (event) {
      lastPointer = event.pointerType;
      openBeforeTap = owner === marker(event) && !!preview && !preview.hidden;
    });
    // Hover means a mouse: touch sends pointer events too, and leaves when the page scrolls.
    a.addEventListener('pointerenter', function (event) {
      if (event.pointerType !== 'mouse') return;
      var target = marker(event);
      window.clearTimeout(hideTimer);
      window.clearTimeout(showTimer);
      showTimer = window.setTimeout(function () {
        show(target);
      }, 150);
    });
    a.addEventListener('pointerleave', function (event) {
      if (event.pointerType !== 'mouse') return;
      window.clearTimeout(showTimer);
      hideSoon();
    });
    a.addEventListener('focus', function (event) {
      show(marker(event));
    });
    a.addEventListener('blur', function (event) {
      var next = /** @type {Node | null} */ (event.relatedTarget);
      if (!preview || !preview.contains(next)) hide();
    });
    a.addEventListener('click', function (event) {
      // A tap shows the preview first; a second tap on the same marker follows the link.
      if (lastPointer === 'touch' && !openBeforeTap) {
        event.preventDefault();
        show(marker(event));
      } else {
        hide();
      }
      lastPointer = '';
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && owner) hide();
  });
  document.addEventListener('pointerdown', function (event) {
    if (!owner) return;
    var t = /** @type {Element | null} */ (event.target);
    if (preview && preview.contains(t)) return;
    if (t?.closest('sup.reference, sup.dubious')) return;
    hide();
  });

  window.addEventListener('hashchange', function () {
    reveal(location.hash);
    keepHash();
  });
  reveal(location.hash);
  keepHash();
  // Tests (and anything else) can tell that the script ran to the end: no redirect was started.
  root.setAttribute('data-script', 'ready');
})();
