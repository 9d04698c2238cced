/*
 * Runs inside the IE11 realm (testing/ie11-realm/ie11-realm.ts), before the page's scripts, in ES5 as Internet
 * Explorer 11 would run it: Map and Set as IE11 has them, a RegExp constructor that refuses what IE11's refuses,
 * and a page built from the built HTML with the DOM calls IE11 has (and none it lacks: no append, remove,
 * closest, replaceChildren, NodeList.forEach, document.currentScript, new Event). `__host` (set by the realm
 * before this script) gives timers, the page's address and tree, and the console.
 */
(function (global, host) {
  "use strict";

  // ---- Map and Set as IE11 has them (Microsoft's "Map object"/"Set object" pages, IE11 column): the
  // constructor ignores its argument, set and add return undefined, there is no entries/keys/values and no
  // iteration protocol; forEach, get, has, delete, clear and size are there.
  function indexOfKey(keys, key) {
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (k === key || (k !== k && key !== key)) return i;
    }
    return -1;
  }
  function Ie11Map() {
    if (!(this instanceof Ie11Map)) throw new TypeError("Map: 'this' is not a Map object");
    this._keys = [];
    this._values = [];
  }
  Ie11Map.prototype.get = function (key) {
    var i = indexOfKey(this._keys, key);
    return i < 0 ? undefined : this._values[i];
  };
  Ie11Map.prototype.set = function (key, value) {
    var i = indexOfKey(this._keys, key);
    if (i < 0) {
      this._keys.push(key);
      this._values.push(value);
    } else this._values[i] = value;
  };
  Ie11Map.prototype.has = function (key) {
    return indexOfKey(this._keys, key) >= 0;
  };
  Ie11Map.prototype["delete"] = function (key) {
    var i = indexOfKey(this._keys, key);
    if (i < 0) return false;
    this._keys.splice(i, 1);
    this._values.splice(i, 1);
    return true;
  };
  Ie11Map.prototype.clear = function () {
    this._keys = [];
    this._values = [];
  };
  Ie11Map.prototype.forEach = function (callback, thisArg) {
    for (var i = 0; i < this._keys.length; i++) callback.call(thisArg, this._values[i], this._keys[i], this);
  };
  Object.defineProperty(Ie11Map.prototype, "size", {
    get: function () {
      return this._keys.length;
    },
  });
  function Ie11Set() {
    if (!(this instanceof Ie11Set)) throw new TypeError("Set: 'this' is not a Set object");
    this._keys = [];
  }
  Ie11Set.prototype.add = function (key) {
    if (indexOfKey(this._keys, key) < 0) this._keys.push(key);
  };
  Ie11Set.prototype.has = function (key) {
    return indexOfKey(this._keys, key) >= 0;
  };
  Ie11Set.prototype["delete"] = function (key) {
    var i = indexOfKey(this._keys, key);
    if (i < 0) return false;
    this._keys.splice(i, 1);
    return true;
  };
  Ie11Set.prototype.clear = function () {
    this._keys = [];
  };
  Ie11Set.prototype.forEach = function (callback, thisArg) {
    for (var i = 0; i < this._keys.length; i++) callback.call(thisArg, this._keys[i], this._keys[i], this);
  };
  Object.defineProperty(Ie11Set.prototype, "size", {
    get: function () {
      return this._keys.length;
    },
  });
  if (host.ie11) {
    Object.defineProperty(global, "Map", { value: Ie11Map, writable: true, configurable: true });
    Object.defineProperty(global, "Set", { value: Ie11Set, writable: true, configurable: true });
  }

  // ---- RegExp as IE11's: no u, y or s flag, no lookbehind, no named groups (a SyntaxError, as IE11 throws).
  // Literals never reach this constructor: ie11-realm.ts checks those in the scripts' text.
  if (host.ie11) {
    var NativeRegExp = global.RegExp;
    var refused = function (source, flags) {
      if (/[uys]/.test(flags)) return "flag " + flags;
      // Examples refused: "(?<=a)b", "(?<!a)b", "(?<year>\\d+)", "\\k<year>".
      if (/\(\?<[=!A-Za-z_$]|\\k</.test(source)) return "lookbehind or named group in " + source;
      return null;
    };
    var Ie11RegExp = function RegExp(pattern, flags) {
      var isRegExp = pattern instanceof NativeRegExp;
      var source = isRegExp ? pattern.source : pattern === undefined ? "" : String(pattern);
      var f =
        flags === undefined
          ? isRegExp
            ? (pattern.global ? "g" : "") + (pattern.ignoreCase ? "i" : "") + (pattern.multiline ? "m" : "")
            : ""
          : String(flags);
      var why = refused(source, f);
      if (why !== null) {
        // Before the page has loaded this is a polyfill's feature test (core-js tries "y" and named groups).
        if (host.armed()) host.refusedRegExp(why);
        throw new SyntaxError("Syntax error in regular expression (" + why + ")");
      }
      return new NativeRegExp(source, f);
    };
    Ie11RegExp.prototype = NativeRegExp.prototype;
    NativeRegExp.prototype.constructor = Ie11RegExp;
    Object.defineProperty(global, "RegExp", { value: Ie11RegExp, writable: true, configurable: true });
  }

  // ---- Events, nodes, elements, the document and the window.
  function EventTargetMixin(target) {
    target._listeners = {};
    target.addEventListener = function (type, listener) {
      (this._listeners[type] = this._listeners[type] || []).push(listener);
    };
    target.removeEventListener = function (type, listener) {
      var list = this._listeners[type] || [];
      for (var i = 0; i < list.length; i++) if (list[i] === listener) list.splice(i--, 1);
    };
    target.dispatchEvent = function (event) {
      event.target = event.target || this;
      event.currentTarget = this;
      var list = (this._listeners[event.type] || []).slice();
      for (var i = 0; i < list.length; i++) list[i].call(this, event);
      var handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
      return !event.defaultPrevented;
    };
  }
  function makeEvent(type) {
    return {
      type: type,
      target: null,
      defaultPrevented: false,
      preventDefault: function () {
        this.defaultPrevented = true;
      },
      stopPropagation: function () {},
    };
  }

  var REFLECTED = [
    "id",
    "className",
    "href",
    "src",
    "type",
    "title",
    "lang",
    "rel",
    "target",
    "name",
    "role",
  ];
  var ATTRIBUTE_OF = { className: "class" };

  function Node(nodeType, nodeName, ownerDocument) {
    this.nodeType = nodeType;
    this.nodeName = nodeName;
    this.ownerDocument = ownerDocument;
    this.parentNode = null;
    this.childNodes = [];
    this.data = "";
  }
  Object.defineProperty(Node.prototype, "firstChild", {
    get: function () {
      return this.childNodes[0] || null;
    },
  });
  Object.defineProperty(Node.prototype, "lastChild", {
    get: function () {
      return this.childNodes[this.childNodes.length - 1] || null;
    },
  });
  Object.defineProperty(Node.prototype, "textContent", {
    get: function () {
      if (this.nodeType === 3) return this.data;
      var text = "";
      for (var i = 0; i < this.childNodes.length; i++) text += this.childNodes[i].textContent;
      return text;
    },
    set: function (value) {
      if (this.nodeType === 3) {
        this.data = String(value);
        return;
      }
      while (this.childNodes.length > 0) this.removeChild(this.childNodes[0]);
      var text = value === null || value === undefined ? "" : String(value);
      if (text !== "") this.appendChild(this.ownerDocument.createTextNode(text));
    },
  });
  Node.prototype.appendChild = function (child) {
    if (child.parentNode) child.parentNode.removeChild(child);
    this.childNodes.push(child);
    child.parentNode = this;
    return child;
  };
  Node.prototype.insertBefore = function (child, before) {
    if (before === null || before === undefined) return this.appendChild(child);
    if (child.parentNode) child.parentNode.removeChild(child);
    var at = this.childNodes.indexOf(before);
    if (at < 0) throw new Error("NotFoundError");
    this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  };
  Node.prototype.removeChild = function (child) {
    var at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error("NotFoundError");
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  };
  Node.prototype.hasChildNodes = function () {
    return this.childNodes.length > 0;
  };

  function Element(tagName, ownerDocument) {
    Node.call(this, 1, tagName.toUpperCase(), ownerDocument);
    this.tagName = tagName.toUpperCase();
    this.attributes = {};
    this.style = {};
    this.dataset = {};
    this.value = "";
    this.disabled = false;
    EventTargetMixin(this);
  }
  Element.prototype = Object.create(Node.prototype);
  Element.prototype.constructor = Element;
  Element.prototype.getAttribute = function (name) {
    var key = String(name).toLowerCase();
    if (key === "disabled") return this.disabled ? "" : null;
    return Object.prototype.hasOwnProperty.call(this.attributes, key) ? this.attributes[key] : null;
  };
  Element.prototype.setAttribute = function (name, value) {
    var key = String(name).toLowerCase();
    if (key === "disabled") this.disabled = true;
    else if (key === "value") this.value = String(value);
    else this.attributes[key] = String(value);
  };
  Element.prototype.removeAttribute = function (name) {
    var key = String(name).toLowerCase();
    if (key === "disabled") this.disabled = false;
    delete this.attributes[key];
  };
  Element.prototype.hasAttribute = function (name) {
    return this.getAttribute(name) !== null;
  };
  Element.prototype.getElementsByTagName = function (tag) {
    var found = [];
    var wanted = String(tag).toUpperCase();
    (function walk(node) {
      for (var i = 0; i < node.childNodes.length; i++) {
        var child = node.childNodes[i];
        if (child.nodeType === 1 && (wanted === "*" || child.tagName === wanted)) found.push(child);
        walk(child);
      }
    })(this);
    return found;
  };
  Element.prototype.click = function () {
    if (this.disabled) return;
    this.dispatchEvent(makeEvent("click"));
  };
  Element.prototype.focus = function () {};
  Element.prototype.blur = function () {};
  Element.prototype.scrollIntoView = function () {};
  Object.defineProperty(Element.prototype, "children", {
    get: function () {
      var out = [];
      for (var i = 0; i < this.childNodes.length; i++)
        if (this.childNodes[i].nodeType === 1) out.push(this.childNodes[i]);
      return out;
    },
  });
  Object.defineProperty(Element.prototype, "hidden", {
    get: function () {
      return this.getAttribute("hidden") !== null;
    },
    set: function (on) {
      if (on) this.setAttribute("hidden", "");
      else this.removeAttribute("hidden");
    },
  });
  Object.defineProperty(Element.prototype, "innerText", {
    get: function () {
      return this.textContent;
    },
    set: function (value) {
      this.textContent = value;
    },
  });
  for (var r = 0; r < REFLECTED.length; r++)
    (function (property) {
      var attribute = ATTRIBUTE_OF[property] || property.toLowerCase();
      Object.defineProperty(Element.prototype, property, {
        get: function () {
          var value = this.getAttribute(attribute);
          return value === null ? "" : value;
        },
        set: function (value) {
          this.setAttribute(attribute, value);
        },
      });
    })(REFLECTED[r]);

  function Document() {
    Node.call(this, 9, "#document", null);
    this.ownerDocument = null;
    EventTargetMixin(this);
    this.readyState = "loading";
  }
  Document.prototype = Object.create(Node.prototype);
  Document.prototype.constructor = Document;
  Document.prototype.createElement = function (tag) {
    return new Element(String(tag), this);
  };
  Document.prototype.createTextNode = function (text) {
    var node = new Node(3, "#text", this);
    node.data = String(text);
    return node;
  };
  Document.prototype.createDocumentFragment = function () {
    return new Node(11, "#document-fragment", this);
  };
  Document.prototype.getElementById = function (id) {
    var all = this.documentElement.getElementsByTagName("*");
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute("id") === id) return all[i];
    return null;
  };
  Document.prototype.getElementsByTagName = function (tag) {
    var found = this.documentElement.getElementsByTagName(tag);
    if (String(tag).toUpperCase() === "HTML" || tag === "*") found.unshift(this.documentElement);
    return found;
  };
  Object.defineProperty(Document.prototype, "title", {
    get: function () {
      var titles = this.getElementsByTagName("title");
      return titles.length ? titles[0].textContent : "";
    },
    set: function (value) {
      var titles = this.getElementsByTagName("title");
      if (titles.length) titles[0].textContent = value;
    },
  });

  var document = new Document();
  function build(spec) {
    if (typeof spec === "string") return document.createTextNode(spec);
    var element = document.createElement(spec.tag);
    for (var name in spec.attributes)
      if (Object.prototype.hasOwnProperty.call(spec.attributes, name))
        element.setAttribute(name, spec.attributes[name]);
    for (var i = 0; i < spec.children.length; i++) element.appendChild(build(spec.children[i]));
    return element;
  }
  document.documentElement = build(JSON.parse(host.pageTree));
  document.documentElement.parentNode = document;
  document.childNodes = [document.documentElement];
  document.head = document.documentElement.getElementsByTagName("head")[0] || null;
  document.body = document.documentElement.getElementsByTagName("body")[0] || null;
  document.documentMode = 11;

  var location = {
    href: host.href,
    search: host.href.indexOf("?") >= 0 ? host.href.slice(host.href.indexOf("?")).replace(/#.*$/, "") : "",
    hash: "",
    protocol: host.href.slice(0, host.href.indexOf(":") + 1),
  };
  document.location = location;

  var stored = {};
  var localStorage = {
    getItem: function (key) {
      return Object.prototype.hasOwnProperty.call(stored, key) ? stored[key] : null;
    },
    setItem: function (key, value) {
      stored[key] = String(value);
    },
    removeItem: function (key) {
      delete stored[key];
    },
  };

  EventTargetMixin(global);
  global.window = global;
  global.self = global;
  global.document = document;
  global.location = location;
  global.localStorage = localStorage;
  global.navigator = {
    language: host.language,
    userLanguage: host.language,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
  };
  global.console = host.console;
  global.setTimeout = host.setTimeout;
  global.clearTimeout = host.clearTimeout;
  global.setInterval = host.setInterval;
  global.clearInterval = host.clearInterval;
  // IE10 and later have setImmediate (core-js's Promise schedules its jobs with it there).
  global.setImmediate = function (callback) {
    return host.setTimeout(callback, 0);
  };
  global.clearImmediate = host.clearTimeout;
  global.requestAnimationFrame = function (callback) {
    return host.setTimeout(function () {
      callback(Date.now());
    }, 16);
  };
  global.__fireEvent = function (target, type) {
    var event = makeEvent(type);
    event.target = target;
    if (type === "DOMContentLoaded" || type === "load") document.readyState = "complete";
    return target.dispatchEvent(event);
  };
})(this, this.__host);
