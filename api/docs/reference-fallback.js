// Stands in for Scalar's standalone bundle (@scalar/api-reference) when it is not installed: it
// offers the same `Scalar.createApiReference(selector, configuration)` and lists the operations of
// the OpenAPI description, so /api/docs is never blank. Text goes in through textContent only.
(function () {
  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function render(root, spec) {
    var main = element('main');
    main.appendChild(element('h1', (spec.info && spec.info.title) || 'API reference'));
    main.appendChild(element('p', 'A plain list of the operations: the interactive reference needs the @scalar/api-reference package installed beside the server.'));
    var byTag = {};
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        var operation = item[method];
        var tag = (operation.tags && operation.tags[0]) || 'other';
        (byTag[tag] = byTag[tag] || []).push({ method: method.toUpperCase(), path: path, summary: operation.summary || '' });
      });
    });
    Object.keys(byTag).sort().forEach(function (tag) {
      var section = element('section');
      section.appendChild(element('h2', tag));
      var list = element('ul');
      byTag[tag].forEach(function (op) {
        var entry = element('li');
        entry.appendChild(element('code', op.method + ' ' + op.path));
        entry.appendChild(document.createTextNode(' — ' + op.summary));
        list.appendChild(entry);
      });
      section.appendChild(list);
      main.appendChild(section);
    });
    root.replaceChildren(main);
  }
  window.Scalar = {
    createApiReference: function (selector, configuration) {
      var root = document.querySelector(selector);
      fetch(configuration.url, { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (spec) { render(root, spec); })
        .catch(function (error) { root.textContent = 'The API description could not be loaded: ' + error.message; });
    },
  };
})();
