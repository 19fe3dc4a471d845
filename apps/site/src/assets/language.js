// Language choice, the only script of the site (no inline script: the CSP allows only this file).
// - On the root page (<html data-negotiate>): go to the reader's language once — a remembered
//   choice first, then navigator.languages, else the default. Only the root ever redirects, and
//   only to a language page, so there is no loop; `/?choose` shows the list instead.
// - Everywhere: a click on a language link remembers the choice, and switcher links keep the
//   current #section, so /ko/#trade leads to /uk/#trade. Without JavaScript, the links still work
//   (to the top of the page) and the root is a plain list.
/* global window, document, navigator */
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
  function remember(lang) {
    try {
      window.localStorage.setItem(KEY, lang);
    } catch {
      // Storage may be disabled; the choice is then not remembered.
    }
  }

  if (root.hasAttribute('data-negotiate') && !/[?&]choose(=|&|$)/.test(window.location.search)) {
    var supported = (root.getAttribute('data-locales') || '').split(' ').filter(Boolean);
    var pick = function () {
      var saved = remembered();
      if (saved && supported.indexOf(saved) !== -1) return saved;
      var wanted =
        navigator.languages && navigator.languages.length
          ? navigator.languages
          : [navigator.language];
      for (var i = 0; i < wanted.length; i++) {
        var primary = String(wanted[i] || '')
          .toLowerCase()
          .split('-')[0];
        if (supported.indexOf(primary) !== -1) return primary;
      }
      return root.getAttribute('data-default-locale') || supported[0];
    };
    var lang = pick();
    if (lang) {
      window.location.replace('/' + lang + '/' + window.location.hash);
      return;
    }
  }

  var links = document.querySelectorAll('a[data-lang-choice]');
  function keepHash() {
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (!a.hasAttribute('data-keep-hash')) continue;
      var base = (a.getAttribute('href') || '').split('#')[0];
      a.setAttribute('href', base + window.location.hash);
    }
  }
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (event) {
      remember(event.currentTarget.getAttribute('data-lang-choice'));
    });
  }
  keepHash();
  window.addEventListener('hashchange', keepHash);
})();
