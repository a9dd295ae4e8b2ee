import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
const cases = ['?years=-1', '?years=2101', '?years=65535', '?years=' + Array(300).fill('2016').join(','), '?years=２０１６', '?years=2016,\u202E2018', '?view=1e999', '?view=🙂', '?view=breakdown&by=', '?lang=🙂', '?view=trend', '?years=2016&years=2016', '?data=/%5Cevil.test/x.json', '?view=bridge&embed=1&from=%3Cb%3E'];
for (const q of cases) {
  await page.goto('http://127.0.0.1:4199/' + q);
  await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('data-prerendered'), null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => ({ url: location.search, notices: [...document.querySelectorAll('.notice li, [role=alert]')].map(n => n.textContent.trim()).filter(Boolean) }));
  console.log(JSON.stringify(q).slice(0, 60), '→', decodeURIComponent(r.url).slice(0, 60), JSON.stringify(r.notices).slice(0, 300));
}
await browser.close();
