// Expand or collapse every row, show only errors and failures, and fade the rows that do not touch a hovered lifeline.
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('details.row'));
  function on(id, event, f) { var e = document.getElementById(id); if (e) { e.addEventListener(event, f); } }
  on('expand', 'click', function () { rows.forEach(function (d) { d.open = true; }); });
  on('collapse', 'click', function () { rows.forEach(function (d) { d.open = false; }); });
  on('only-problems', 'change', function (e) {
    rows.forEach(function (d) { d.hidden = e.target.checked && !d.classList.contains('bad'); });
  });
  document.querySelectorAll('.lifeline').forEach(function (head) {
    head.addEventListener('mouseenter', function () {
      rows.forEach(function (d) { d.classList.toggle('dim', d.dataset.lanes.split(' ').indexOf(head.dataset.lane) < 0); });
    });
    head.addEventListener('mouseleave', function () { rows.forEach(function (d) { d.classList.remove('dim'); }); });
  });
  document.documentElement.classList.add('js');
})();
