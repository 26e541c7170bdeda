import {chromium} from "playwright-core";
import {serve} from "./scripts/serve.ts";
const {server, origin} = await serve("dist");
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
for (const path of ["risk.html", "claims.html", "scenarios/rates-up-300bp.html"]) for (const [w, h] of [[1280, 800], [390, 844]]) {
  const page = await browser.newPage({viewport: {width: w, height: h}});
  await page.goto(`${origin}/${path}`, {waitUntil: "networkidle"});
  await page.waitForTimeout(3000);
  const name = path.replace(/[/.]/g, "_");
  await page.screenshot({path: `/tmp/shots/n-${name}-${w}-a.png`});
  await page.evaluate(() => window.scrollBy(0, 1400));
  await page.waitForTimeout(300);
  await page.screenshot({path: `/tmp/shots/n-${name}-${w}-b.png`});
  await page.close();
}
await browser.close(); server.close();
