// Seedance bot playground: a web chat over the bot's PLAYGROUND chat surface.
// Posts messages and button presses to /api/playground, polls the transcript for changes
// (new and edited messages, by version) and upserts them by id. No build step, no dependencies.
(function () {
  'use strict';

  var POLL_MS = 700;
  var MAX_POLL_MS = 8000;
  var SESSION_KEY = 'seedance.playground.session';
  var TOKEN_KEY = 'seedance.playground.token';
  var API = 'api/playground/';
  var LIVE_STATES = { QUEUED: true, SUBMITTED: true, RUNNING: true };

  var TEXTS = {
    en: {
      newChat: 'New chat',
      empty: 'Say hello to the bot: try one of the examples below.',
      inputLabel: 'Message to the bot',
      attach: 'Attach images, video or audio',
      send: 'Send',
      'try': 'Try:',
      keys: 'Enter sends, Shift+Enter adds a line. Attach an image to animate it.',
      attachedFiles: 'Attached files',
      remove: 'Remove',
      CANCEL: 'Cancel',
      REROLL: 'Reroll',
      CONTINUE: 'Continue',
      FINAL: 'Final',
      gallery: 'Gallery',
      galleryTitle: 'Videos of this chat, newest first',
      galleryEmpty: 'No videos in this chat yet.',
      lastFrame: 'Last frame',
      EDIT: 'Edit',
      EXTEND: 'Extend',
      askEDIT: 'What should change in this video? (Esc: never mind)',
      askEXTEND: 'How does this video go on? (Esc: never mind)',
      offline: 'Cannot reach the bot. Retrying…',
      sendFailed: 'The message could not be sent. Please try again.',
      tooLarge: 'The attached files are too large.',
      elapsed: 'elapsed',
      download: 'Download',
      you: 'You',
      bot: 'Bot',
      tokenLabel: 'This playground is private: enter its access token.',
      tokenSubmit: 'Unlock',
      tokenWrong: 'That token was not accepted.'
    },
    zh: {
      newChat: '新对话',
      empty: '和机器人打个招呼：试试下面的示例。',
      inputLabel: '发给机器人的消息',
      attach: '附加图片、视频或音频',
      send: '发送',
      'try': '试试：',
      keys: '回车发送，Shift+回车换行。附加一张图片即可让它动起来。',
      attachedFiles: '已附加的文件',
      remove: '移除',
      CANCEL: '取消',
      REROLL: '重新生成',
      CONTINUE: '继续',
      FINAL: '正式版',
      gallery: '视频库',
      galleryTitle: '本对话的视频，最新的在前',
      galleryEmpty: '本对话还没有视频。',
      lastFrame: '尾帧',
      EDIT: '编辑',
      EXTEND: '延展',
      askEDIT: '这个视频要改什么？（Esc：取消）',
      askEXTEND: '这个视频接下来怎么发展？（Esc：取消）',
      offline: '无法连接机器人，正在重试…',
      sendFailed: '消息发送失败，请重试。',
      tooLarge: '附加的文件太大。',
      elapsed: '已用时',
      download: '下载',
      you: '你',
      bot: '机器人',
      tokenLabel: '此试用页为私有：请输入访问令牌。',
      tokenSubmit: '解锁',
      tokenWrong: '令牌不正确。'
    }
  };
  var lang = (navigator.language || 'en').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
  var T = TEXTS[lang];

  var el = {
    transcript: document.getElementById('transcript'),
    empty: document.getElementById('empty-hint'),
    form: document.getElementById('composer'),
    input: document.getElementById('composer-input'),
    send: document.getElementById('send'),
    attach: document.getElementById('attach'),
    fileInput: document.getElementById('file-input'),
    attachments: document.getElementById('attachments'),
    error: document.getElementById('composer-error'),
    connection: document.getElementById('connection'),
    newChat: document.getElementById('new-chat'),
    galleryButton: document.getElementById('gallery-button'),
    gallery: document.getElementById('gallery'),
    galleryList: document.getElementById('gallery-list'),
    tokenForm: document.getElementById('token-form'),
    tokenInput: document.getElementById('token-input'),
    tokenError: document.getElementById('token-error')
  };

  var session = loadSession();
  var token = loadToken(); // the operator's access token, when the playground asks for one
  var locked = false; // the API answered 401: wait for the token before polling again
  var since = 0;
  var generation = 0; // bumped on "New chat": answers for the old session are dropped
  var messages = new Map(); // id -> { data, node }
  var previews = new Map(); // user message id -> local previews of the files sent with it
  var pending = []; // files chosen for the next message: { file, url }
  var serverOffset = 0; // server clock minus browser clock, ms
  var pollTimer = null;
  var polling = false;
  var pollAgain = false;
  var failures = 0;
  var stuckToEnd = true; // whether the person is reading the newest messages (then follow them)

  // ---- session ---------------------------------------------------------------------------

  function newSessionId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function loadSession() {
    var id = null;
    try { id = window.localStorage.getItem(SESSION_KEY); } catch (e) { /* storage disabled */ }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = newSessionId();
      saveSession(id);
    }
    return id;
  }

  function saveSession(id) {
    try { window.localStorage.setItem(SESSION_KEY, id); } catch (e) { /* storage disabled */ }
  }

  function startNewChat() {
    generation++;
    session = newSessionId();
    saveSession(session);
    el.transcript.dataset.session = session;
    since = 0;
    messages.forEach(function (entry) { entry.node.remove(); });
    messages.clear();
    previews.forEach(function (list) { list.forEach(function (p) { URL.revokeObjectURL(p.url); }); });
    previews.clear();
    clearPending(true);
    showError(null);
    el.empty.hidden = false;
    el.input.focus();
    pollSoon();
  }

  // ---- access token --------------------------------------------------------------------

  function loadToken() {
    try { return window.localStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }

  function saveToken(value) {
    try { window.localStorage.setItem(TOKEN_KEY, value); } catch (e) { /* storage disabled */ }
  }

  // fetch() for the playground's API: sends the access token and asks for it on 401
  function api(path, options) {
    options = options || {};
    var headers = options.headers || {};
    if (token) { headers.Authorization = 'Bearer ' + token; }
    options.headers = headers;
    return fetch(API + path, options).then(function (response) {
      if (response.status === 401) { askForToken(!!token); }
      return response;
    });
  }

  function askForToken(wasWrong) {
    locked = true;
    el.tokenError.textContent = wasWrong ? T.tokenWrong : '';
    el.tokenError.hidden = !wasWrong;
    el.tokenForm.hidden = false;
    el.connection.hidden = true;
    el.tokenInput.focus();
  }

  function unlock(value) {
    token = value.trim();
    saveToken(token);
    locked = false;
    el.tokenForm.hidden = true;
    el.tokenInput.value = '';
    failures = 0;
    pollSoon();
    el.input.focus();
  }

  // ---- polling ---------------------------------------------------------------------------

  function pollSoon() {
    if (locked) { return; }
    if (polling) { pollAgain = true; return; }
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, 0);
  }

  function poll() {
    var gen = generation;
    polling = true;
    var url = 'messages?session=' + encodeURIComponent(session) + '&since=' + since;
    api(url, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) { throw new Error('locked'); }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (body) {
        if (gen !== generation) { return; }
        serverOffset = Date.parse(body.serverTime) - Date.now();
        applyChanges(body.messages || []);
        since = body.version;
        failures = 0;
        el.connection.hidden = true;
      })
      .catch(function () {
        if (locked) { return; }
        failures++;
        if (failures >= 2) {
          el.connection.textContent = T.offline;
          el.connection.hidden = false;
        }
      })
      .then(function () {
        polling = false;
        if (locked) { pollAgain = false; return; } // resumes once the token is entered
        var delay = pollAgain ? 0 : Math.min(POLL_MS * Math.pow(2, Math.max(0, failures - 1)), MAX_POLL_MS);
        pollAgain = false;
        clearTimeout(pollTimer);
        pollTimer = setTimeout(poll, delay);
      });
  }

  // ---- transcript ------------------------------------------------------------------------

  function nearBottom() {
    var t = el.transcript;
    return t.scrollHeight - t.scrollTop - t.clientHeight < 80;
  }

  function scrollToEnd() {
    el.transcript.scrollTop = el.transcript.scrollHeight;
    stuckToEnd = true;
  }

  function orderOf(m) {
    return [Date.parse(m.createdAt) || 0, m.id];
  }

  function before(a, b) {
    var ka = orderOf(a), kb = orderOf(b);
    if (ka[0] !== kb[0]) { return ka[0] < kb[0]; }
    var na = parseInt(String(ka[1]).replace(/\D/g, ''), 10);
    var nb = parseInt(String(kb[1]).replace(/\D/g, ''), 10);
    return isNaN(na) || isNaN(nb) ? ka[1] < kb[1] : na < nb;
  }

  function applyChanges(changed) {
    if (!changed.length) { return; }
    changed.forEach(upsert);
    el.empty.hidden = messages.size > 0;
    if (stuckToEnd) { scrollToEnd(); }
  }

  function upsert(m) {
    var entry = messages.get(m.id);
    if (entry) {
      if (entry.data.version >= m.version) { return; }
      entry.data = m;
      render(entry);
      return;
    }
    entry = { data: m, node: document.createElement('div') };
    messages.set(m.id, entry);
    render(entry);
    // keep the transcript in posting order even when an edited message arrives late
    var next = null;
    messages.forEach(function (other) {
      if (other !== entry && other.node.parentNode && before(m, other.data)
          && (next === null || before(other.data, next.data))) {
        next = other;
      }
    });
    el.transcript.insertBefore(entry.node, next ? next.node : null);
  }

  function render(entry) {
    var m = entry.data;
    var node = entry.node;
    var oldVideo = node.querySelector('video');
    node.className = 'msg ' + m.sender + ' ' + m.kind;
    node.dataset.id = m.id;
    node.dataset.kind = m.kind;
    node.dataset.version = String(m.version);
    setData(node, 'jobId', m.jobId);
    setData(node, 'state', m.jobState);
    setData(node, 'replyTo', m.replyTo);

    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    var who = document.createElement('span');
    who.className = 'sender visually-hidden';
    who.textContent = (m.sender === 'user' ? T.you : T.bot) + ': ';
    bubble.appendChild(who);

    if (m.sender === 'user') { appendFiles(bubble, m); }
    if (m.kind === 'video' && m.video) { bubble.appendChild(videoOf(m.video, oldVideo)); }
    if (m.kind === 'image' && m.video && m.video.lastFrameUrl) { bubble.appendChild(imageOf(m.video)); }
    if (m.text) {
      var text = document.createElement('p');
      text.className = 'text';
      appendLinkified(text, m.text);
      bubble.appendChild(text);
    }
    if (m.kind === 'status' && LIVE_STATES[m.jobState]) {
      var elapsed = document.createElement('span');
      elapsed.className = 'elapsed';
      elapsed.setAttribute('aria-hidden', 'true'); // the status text itself is what is announced
      bubble.appendChild(elapsed);
    }
    if (m.buttons && m.buttons.length) { bubble.appendChild(buttonsOf(m)); }

    node.replaceChildren(bubble);
    tickOne(entry);
  }

  function setData(node, key, value) {
    if (value === null || value === undefined) { delete node.dataset[key]; } else { node.dataset[key] = value; }
  }

  function appendFiles(bubble, m) {
    var local = previews.get(m.id);
    var names = m.attachments || [];
    if (!local && !names.length) { return; }
    var list = document.createElement('ul');
    list.className = 'files';
    list.setAttribute('aria-label', T.attachedFiles);
    (local || names.map(function (n) { return { name: n }; })).forEach(function (p) {
      var item = document.createElement('li');
      item.appendChild(previewOf(p));
      list.appendChild(item);
    });
    bubble.appendChild(list);
  }

  function previewOf(p) {
    if (p.url && p.type && p.type.indexOf('image/') === 0) {
      var img = document.createElement('img');
      img.src = p.url;
      img.alt = p.name;
      return img;
    }
    if (p.url && p.type && p.type.indexOf('video/') === 0) {
      var video = document.createElement('video');
      video.src = p.url;
      video.muted = true;
      video.preload = 'metadata';
      video.setAttribute('aria-label', p.name);
      return video;
    }
    var span = document.createElement('span');
    span.className = 'name';
    span.textContent = '\uD83D\uDCCE ' + p.name;
    return span;
  }

  function videoOf(v, old) {
    var wrap = document.createElement('div');
    wrap.className = 'player';
    var video = old;
    if (!video || video.getAttribute('src') !== v.url) {
      video = document.createElement('video');
      video.controls = true;
      video.preload = 'metadata';
      video.playsInline = true;
      if (v.url) { video.src = v.url; }
      if (v.lastFrameUrl) { video.poster = v.lastFrameUrl; }
      if (v.width && v.height) {
        video.width = v.width;
        video.height = v.height;
      }
      video.addEventListener('loadedmetadata', function () {
        if (stuckToEnd) { scrollToEnd(); } // the player just grew to its real height
      });
    }
    wrap.appendChild(video);
    if (v.url) {
      var link = document.createElement('a');
      link.href = v.url;
      link.className = 'download meta';
      link.textContent = T.download;
      link.setAttribute('download', '');
      wrap.appendChild(link);
    }
    return wrap;
  }

  function imageOf(v) {
    var img = document.createElement('img');
    img.className = 'last-frame';
    img.src = v.lastFrameUrl;
    img.alt = T.lastFrame;
    if (v.width && v.height) {
      img.width = v.width;
      img.height = v.height;
    }
    return img;
  }

  // ---- gallery: the session's videos, newest first ----------------------------------------

  function toggleGallery() {
    if (!el.gallery.hidden) {
      el.gallery.hidden = true;
      el.galleryButton.setAttribute('aria-expanded', 'false');
      return;
    }
    el.gallery.hidden = false;
    el.galleryButton.setAttribute('aria-expanded', 'true');
    api('gallery?session=' + encodeURIComponent(session))
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(renderGallery)
      .catch(function () { renderGallery([]); });
  }

  function renderGallery(videos) {
    el.galleryList.replaceChildren();
    if (!videos.length) {
      var none = document.createElement('li');
      none.className = 'empty';
      none.textContent = T.galleryEmpty;
      el.galleryList.appendChild(none);
      return;
    }
    videos.forEach(function (m) {
      var item = document.createElement('li');
      var figure = document.createElement('figure');
      if (m.video) { figure.appendChild(videoOf(m.video, null)); }
      var caption = document.createElement('figcaption');
      caption.textContent = m.text;
      figure.appendChild(caption);
      item.appendChild(figure);
      el.galleryList.appendChild(item);
    });
  }

  function buttonsOf(m) {
    var row = document.createElement('div');
    row.className = 'buttons';
    m.buttons.forEach(function (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.textContent = T[action] || action;
      button.addEventListener('click', function () { press(m, action, button); });
      row.appendChild(button);
    });
    return row;
  }

  function appendLinkified(parent, text) {
    var pattern = /https?:\/\/[^\s<>"']+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = document.createElement('a');
      a.href = match[0];
      a.textContent = match[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      parent.appendChild(a);
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---- elapsed time on live status messages -----------------------------------------------

  function tickOne(entry) {
    var span = entry.node.querySelector('.elapsed');
    if (!span) { return; }
    var started = Date.parse(entry.data.createdAt);
    if (isNaN(started)) { return; }
    var seconds = Math.max(0, Math.floor((Date.now() + serverOffset - started) / 1000));
    var text = Math.floor(seconds / 60) + ':' + ('0' + (seconds % 60)).slice(-2);
    span.textContent = text + ' ' + T.elapsed;
  }

  function tickAll() {
    messages.forEach(tickOne);
  }

  // ---- buttons ---------------------------------------------------------------------------

  // Edit and Extend ask for the instruction in the composer; sending it replies to the video with
  // /video <instruction> (or /video --extend <how it goes on>), as a person would type it.
  var replyTarget = null;
  var defaultPlaceholder = null;

  function askInComposer(m, action) {
    if (defaultPlaceholder === null) { defaultPlaceholder = el.input.placeholder; }
    replyTarget = { messageId: m.id, extend: action === 'EXTEND' };
    el.input.placeholder = T['ask' + action];
    el.input.focus();
  }

  function stopAsking() {
    replyTarget = null;
    if (defaultPlaceholder !== null) { el.input.placeholder = defaultPlaceholder; }
  }

  function press(m, action, button) {
    if (action === 'EDIT' || action === 'EXTEND') {
      askInComposer(m, action);
      return;
    }
    button.disabled = true;
    showError(null);
    api('buttons', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ session: session, messageId: m.id, action: action, jobId: m.jobId })
    })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(body.error || T.sendFailed);
          });
        }
        pollSoon();
      })
      .catch(function (e) { showError(e.message || T.sendFailed); })
      .then(function () {
        setTimeout(function () { button.disabled = false; }, 1500);
      });
  }

  // ---- composer --------------------------------------------------------------------------

  function showError(text) {
    el.error.textContent = text || '';
    el.error.hidden = !text;
  }

  function autoresize() {
    el.input.style.height = 'auto';
    el.input.style.height = Math.min(el.input.scrollHeight + 2, 160) + 'px';
  }

  function addFiles(fileList) {
    Array.prototype.forEach.call(fileList, function (file) {
      pending.push({ file: file, url: URL.createObjectURL(file) });
    });
    renderPending();
  }

  function clearPending(revoke) {
    if (revoke) { pending.forEach(function (p) { URL.revokeObjectURL(p.url); }); }
    pending = [];
    el.fileInput.value = '';
    renderPending();
  }

  function renderPending() {
    el.attachments.replaceChildren();
    el.attachments.hidden = pending.length === 0;
    pending.forEach(function (p, index) {
      var item = document.createElement('li');
      item.className = 'attachment';
      item.appendChild(previewOf({ url: p.url, type: p.file.type, name: p.file.name }));
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.file.name;
      item.appendChild(name);
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove';
      remove.textContent = '\u00D7';
      remove.setAttribute('aria-label', T.remove + ' ' + p.file.name);
      remove.addEventListener('click', function () {
        URL.revokeObjectURL(p.url);
        pending.splice(index, 1);
        renderPending();
        el.input.focus();
      });
      item.appendChild(remove);
      el.attachments.appendChild(item);
    });
  }

  function send() {
    var text = el.input.value.trim();
    if (!text && pending.length === 0) { return; }
    var files = pending.slice();
    var form = new FormData();
    form.append('session', session);
    if (replyTarget) {
      if (text.charAt(0) !== '/') {
        text = '/video ' + (replyTarget.extend ? '--extend ' : '') + text;
      }
      form.append('replyTo', replyTarget.messageId);
      stopAsking();
    }
    form.append('text', text);
    files.forEach(function (p) { form.append('files', p.file, p.file.name); });
    el.send.disabled = true;
    showError(null);
    api('messages', { method: 'POST', body: form, headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            throw new Error(body.error || (response.status === 413 ? T.tooLarge : T.sendFailed));
          }
          return body;
        });
      })
      .then(function (body) {
        previews.set(body.messageId, files.map(function (p) {
          return { url: p.url, type: p.file.type, name: p.file.name };
        }));
        var shown = messages.get(body.messageId);
        if (shown && files.length) { render(shown); } // a poll was quicker than this answer
        el.input.value = '';
        autoresize();
        clearPending(false); // the previews now belong to the sent message
        pollSoon();
        scrollToEnd();
      })
      .catch(function (e) { showError(e.message || T.sendFailed); })
      .then(function () {
        el.send.disabled = false;
        el.input.focus();
      });
  }

  // ---- wiring ----------------------------------------------------------------------------

  function localize() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
      node.textContent = T[node.dataset.i18n] || node.textContent;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-label]'), function (node) {
      var label = T[node.dataset.i18nLabel];
      if (label) {
        node.setAttribute('aria-label', label);
        node.title = label;
      }
    });
    el.attachments.setAttribute('aria-label', T.attachedFiles);
  }

  el.form.addEventListener('submit', function (e) {
    e.preventDefault();
    send();
  });
  el.input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && replyTarget) { stopAsking(); }
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is not a send
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      send();
    }
  });
  el.input.addEventListener('input', autoresize);
  el.transcript.addEventListener('scroll', function () { stuckToEnd = nearBottom(); });
  el.input.addEventListener('paste', function (e) {
    if (e.clipboardData && e.clipboardData.files && e.clipboardData.files.length) {
      addFiles(e.clipboardData.files);
    }
  });
  el.attach.addEventListener('click', function () { el.fileInput.click(); });
  el.fileInput.addEventListener('change', function () {
    addFiles(el.fileInput.files);
    el.fileInput.value = '';
    el.input.focus();
  });
  el.newChat.addEventListener('click', startNewChat);
  el.galleryButton.addEventListener('click', toggleGallery);
  el.tokenForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (el.tokenInput.value.trim()) { unlock(el.tokenInput.value); }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.hint'), function (hint) {
    hint.addEventListener('click', function () {
      el.input.value = hint.dataset.example;
      autoresize();
      el.input.focus();
    });
  });

  localize();
  el.transcript.dataset.session = session;
  setInterval(tickAll, 1000);
  poll();
  el.input.focus();
}());
