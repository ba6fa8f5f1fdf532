/*
 * A stand-in for Google Publisher Tag (gpt.js) for tests and the benchmark: the public API
 * surface Folio and ordinary publisher pages use, behaving like GPT where it matters for layout:
 *
 * - `googletag.cmd`: an array before load; once loaded, queued functions run and `push` runs
 *   functions at once (an exception in one is logged, never thrown, as GPT does).
 * - `defineSlot(unit, sizes, divId)` returns a Slot (`addService`, `getSlotElementId`,
 *   `getAdUnitPath`, `setTargeting`, `getTargeting`, `getSizes`), or null for a taken id.
 * - `pubads()`: `addEventListener` / `removeEventListener` ('slotRequested', 'slotRenderEnded',
 *   'slotOnload', 'impressionViewable'), `enableSingleRequest`, `setPrivacySettings`,
 *   `disableInitialLoad`, `refresh`, `collapseEmptyDivs`, `setTargeting`, `getSlots`.
 * - `enableServices`, `display(divId)`, `destroySlots`.
 *
 * `display` (or `refresh`) requests a creative; after `delay` ms it is "served": an iframe (or a
 * div) of the chosen size appended into `document.getElementById(divId)`, like GPT. If the
 * container is not in the document tree then (a shadow root, or gone), nothing renders and no
 * event fires, also like GPT. Then `slotRenderEnded` {slot, isEmpty, size}, and for a fill
 * `slotOnload` and, `viewableDelay` ms later, `impressionViewable`.
 *
 * Configure before or after loading (read at each request):
 *   window.__gptStandin = {
 *     delay: 400,                      // ms from request to render
 *     fill: true | false | (unit, slot) => boolean,
 *     size: [w, h] | (unit, sizes) => [w, h],   // default: the first fixed size asked for
 *     creative: 'iframe' | 'div',      // default 'iframe'
 *     viewableDelay: 1000,
 *   };
 * Every request is recorded in window.__gptStandinLog as
 *   { type: 'request' | 'render' | 'missing-container', unit, id, sizes, privacy, time }.
 */
(function () {
  'use strict';
  var w = window;
  var g = (w.googletag = w.googletag || {});
  if (g.apiReady) return;
  var queued = Array.isArray(g.cmd) ? g.cmd.slice() : [];
  var log = (w.__gptStandinLog = w.__gptStandinLog || []);
  var config = function () {
    return w.__gptStandin || {};
  };
  var listeners = {};
  var slots = [];
  var privacy = {};
  var pageTargeting = {};
  var enabled = false;
  var initialLoadDisabled = false;
  var collapseEmpty = false;

  function fire(type, event) {
    (listeners[type] || []).slice().forEach(function (fn) {
      try {
        fn(event);
      } catch (e) {
        console.warn('[gpt-standin] listener failed', e);
      }
    });
  }

  /** GPT accepts [w, h], [[w, h], …], 'fluid' and mixes; this returns a list. */
  function sizeList(sizes) {
    if (sizes === 'fluid') return ['fluid'];
    if (Array.isArray(sizes) && typeof sizes[0] === 'number') return [sizes];
    return Array.isArray(sizes) ? sizes : [];
  }

  function Slot(unit, sizes, id) {
    this.unit = unit;
    this.sizes = sizes;
    this.id = id;
    this.services = [];
    this.targeting = {};
    this.destroyed = false;
  }
  Slot.prototype.addService = function (service) {
    this.services.push(service);
    return this;
  };
  Slot.prototype.getSlotElementId = function () {
    return this.id;
  };
  Slot.prototype.getAdUnitPath = function () {
    return this.unit;
  };
  Slot.prototype.getSizes = function () {
    return sizeList(this.sizes);
  };
  Slot.prototype.setTargeting = function (key, value) {
    this.targeting[key] = [].concat(value).map(String);
    return this;
  };
  Slot.prototype.getTargeting = function (key) {
    return this.targeting[key] || [];
  };

  var pubads = {
    addEventListener: function (type, fn) {
      (listeners[type] = listeners[type] || []).push(fn);
      return pubads;
    },
    removeEventListener: function (type, fn) {
      var list = listeners[type] || [];
      var i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
      return i >= 0;
    },
    enableSingleRequest: function () {
      return true;
    },
    setPrivacySettings: function (settings) {
      Object.assign(privacy, settings);
      return pubads;
    },
    disableInitialLoad: function () {
      initialLoadDisabled = true;
    },
    collapseEmptyDivs: function () {
      collapseEmpty = true;
      return true;
    },
    setTargeting: function (key, value) {
      pageTargeting[key] = [].concat(value).map(String);
      return pubads;
    },
    refresh: function (list) {
      (list || slots).forEach(function (slot) {
        if (slots.indexOf(slot) >= 0) request(slot);
      });
    },
    getSlots: function () {
      return slots.slice();
    },
  };

  function request(slot) {
    var cfg = config();
    log.push({
      type: 'request',
      unit: slot.unit,
      id: slot.id,
      sizes: slot.sizes,
      privacy: Object.assign({}, privacy),
      time: performance.now(),
    });
    fire('slotRequested', { slot: slot, serviceName: 'publisher_ads' });
    setTimeout(
      function () {
        serve(slot);
      },
      cfg.delay == null ? 400 : cfg.delay,
    );
  }

  function serve(slot) {
    if (slot.destroyed) return;
    var cfg = config();
    var el = document.getElementById(slot.id);
    if (!el) {
      log.push({ type: 'missing-container', unit: slot.unit, id: slot.id, time: performance.now() });
      console.warn('[gpt-standin] no element with id "' + slot.id + '" in the document: nothing rendered');
      return;
    }
    var list = sizeList(slot.sizes);
    var fill = typeof cfg.fill === 'function' ? !!cfg.fill(slot.unit, slot) : cfg.fill !== false;
    var fixed = list.filter(Array.isArray)[0];
    var size =
      typeof cfg.size === 'function' ? cfg.size(slot.unit, list) : cfg.size || fixed || [el.clientWidth || 300, 250];
    if (fill) {
      var name = 'google_ads_iframe_' + slot.unit + '_0';
      var box = document.createElement('div');
      box.id = name + '__container__';
      var creative = document.createElement(cfg.creative === 'div' ? 'div' : 'iframe');
      creative.id = name;
      if (creative.tagName === 'IFRAME') {
        creative.title = '3rd party ad content';
        creative.setAttribute('aria-label', 'Advertisement');
        creative.width = String(size[0]);
        creative.height = String(size[1]);
        creative.srcdoc =
          '<body style="margin:0;display:grid;place-items:center;height:100vh;background:#e3ecf7;font:14px sans-serif">Stand-in creative ' +
          size[0] +
          '×' +
          size[1] +
          '</body>';
        creative.addEventListener('load', function () {
          fire('slotOnload', { slot: slot, serviceName: 'publisher_ads' });
        });
      } else {
        creative.textContent = 'Stand-in creative ' + size[0] + '×' + size[1];
        setTimeout(function () {
          fire('slotOnload', { slot: slot, serviceName: 'publisher_ads' });
        });
      }
      creative.style.cssText =
        'border:0;vertical-align:bottom;display:inline-block;background:#e3ecf7;width:' +
        size[0] +
        'px;height:' +
        size[1] +
        'px';
      box.appendChild(creative);
      el.replaceChildren(box);
    } else if (collapseEmpty) {
      el.style.display = 'none';
    }
    log.push({
      type: 'render',
      unit: slot.unit,
      id: slot.id,
      isEmpty: !fill,
      size: fill ? size : null,
      time: performance.now(),
    });
    fire('slotRenderEnded', {
      slot: slot,
      isEmpty: !fill,
      size: fill ? size : null,
      serviceName: 'publisher_ads',
      advertiserId: fill ? 1 : null,
      creativeId: fill ? 1 : null,
      lineItemId: fill ? 1 : null,
    });
    if (fill) {
      setTimeout(
        function () {
          if (!slot.destroyed) fire('impressionViewable', { slot: slot, serviceName: 'publisher_ads' });
        },
        cfg.viewableDelay == null ? 1000 : cfg.viewableDelay,
      );
    }
  }

  g.defineSlot = function (unit, sizes, id) {
    if (
      !unit ||
      !id ||
      slots.some(function (s) {
        return s.id === id;
      })
    ) {
      console.warn('[gpt-standin] defineSlot refused', unit, id);
      return null;
    }
    var slot = new Slot(unit, sizes, id);
    slots.push(slot);
    return slot;
  };
  g.pubads = function () {
    return pubads;
  };
  g.enableServices = function () {
    enabled = true;
  };
  g.display = function (target) {
    var id = typeof target === 'string' ? target : target && target.getSlotElementId && target.getSlotElementId();
    var slot = slots.filter(function (s) {
      return s.id === id;
    })[0];
    if (!slot) {
      console.warn('[gpt-standin] display: no slot defined for "' + id + '"');
      return;
    }
    if (enabled && !initialLoadDisabled) request(slot);
  };
  g.destroySlots = function (list) {
    var gone = list || slots.slice();
    gone.forEach(function (slot) {
      slot.destroyed = true;
      var el = document.getElementById(slot.id);
      if (el) el.replaceChildren();
    });
    slots = slots.filter(function (s) {
      return gone.indexOf(s) < 0;
    });
    return true;
  };
  g.apiReady = true;
  g.pubadsReady = true;
  g.cmd = {
    push: function () {
      for (var i = 0; i < arguments.length; i++) {
        try {
          arguments[i]();
        } catch (e) {
          console.warn('[gpt-standin] exception in queued command', e);
        }
      }
      return arguments.length;
    },
  };
  queued.forEach(function (fn) {
    g.cmd.push(fn);
  });
})();
