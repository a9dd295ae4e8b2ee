// The benchmark's peer: the same data files drawn with Chart.js in a plain
// page, as a developer would write it: fetch the manifest, then every
// agreement at once, draw, redraw on a year toggle. Not part of the app.
/* global Chart */
const params = new URLSearchParams(location.search);
const trend = params.get('view') === 'trend';
const recipients = ['regions', 'municipalities', 'both', 'skr'];
const names = { regions: 'Regioner', municipalities: 'Kommuner', both: 'Kommuner och regioner', skr: 'SKR' };
const million = (kronor) => Math.round(kronor / 1e5) / 10;

function total(agreement) {
  const value = agreement.total;
  if (value.status === 'disputed') return Math.min(...value.alternatives.map((side) => side.kronor));
  return value.kronor ?? null;
}

function byRecipient(agreement) {
  const sums = Object.fromEntries(recipients.map((name) => [name, 0]));
  for (const allocation of agreement.allocations ?? []) {
    if (allocation.parent !== null || !(allocation.recipient in sums)) continue;
    const amount = allocation.amount;
    const kronor = amount.status === 'disputed' ? Math.min(...amount.alternatives.map((side) => side.kronor)) : amount.kronor;
    if (typeof kronor === 'number') sums[allocation.recipient] += kronor;
  }
  return sums;
}

async function main() {
  const manifest = await (await fetch('data/index.json')).json();
  const agreements = await Promise.all(manifest.agreements.map(async (entry) => (await fetch(`data/${entry.file}`)).json()));
  const chosen = new Set(trend ? agreements.map((agreement) => agreement.year) : [2015, 2016, 2018]);
  const options = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: !trend } } };
  const years = () => agreements.filter((agreement) => chosen.has(agreement.year));
  const totals = new Chart(document.getElementById('totals'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'mnkr', data: [], backgroundColor: '#0D7DD4' }] },
    options: { ...options, indexAxis: trend ? 'x' : 'y' },
  });
  const split = trend
    ? null
    : new Chart(document.getElementById('recipients'), { type: 'bar', data: { labels: [], datasets: [] }, options });
  const table = document.getElementById('table');
  let version = 0;
  function draw() {
    const shown = years();
    totals.data.labels = shown.map((agreement) => String(agreement.year));
    totals.data.datasets[0].data = shown.map((agreement) => (total(agreement) === null ? null : million(total(agreement))));
    totals.update('none');
    if (split) {
      split.data.labels = recipients.map((name) => names[name]);
      split.data.datasets = shown.map((agreement) => {
        const sums = byRecipient(agreement);
        return { label: String(agreement.year), data: recipients.map((name) => million(sums[name])) };
      });
      split.update('none');
    }
    const head = `<tr><th>År</th>${shown.map((agreement) => `<th>${agreement.year}</th>`).join('')}</tr>`;
    const row = `<tr><th>Totalt (mnkr)</th>${shown.map((agreement) => `<td>${total(agreement) === null ? '–' : million(total(agreement))}</td>`).join('')}</tr>`;
    table.innerHTML = head + row;
    version += 1;
    document.getElementById('totals').dataset.drawn = String(version);
  }
  const fieldset = document.querySelector('.years');
  for (const agreement of agreements) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'year';
    input.value = String(agreement.year);
    input.checked = chosen.has(agreement.year);
    input.addEventListener('change', () => {
      if (input.checked) chosen.add(agreement.year);
      else chosen.delete(agreement.year);
      draw();
    });
    label.append(input, ` ${agreement.year}`);
    fieldset.append(label);
  }
  draw();
}

main();
