// Once the rows are in: the summary line and the title count them.
document.addEventListener('DOMContentLoaded', function () {
  var count = { passed: 0, failed: 0, aborted: 0 };
  var rows = document.querySelectorAll('table.index tbody tr');
  rows.forEach(function (r) { if (r.className in count) { count[r.className]++; } });
  document.getElementById('summary').textContent = rows.length + ' test(s): ' + count.passed + ' passed, '
      + count.failed + ' failed, ' + count.aborted + ' aborted';
  if (count.failed > 0) { document.title = 'FAILED · ' + document.title; }
});
