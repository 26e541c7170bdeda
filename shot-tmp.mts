import {chromium} from "playwright-core";
import {serve} from "./scripts/serve.ts";
const {server, origin} = await serve("dist");
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
for (const [w, h] of [[1280, 800], [390, 844]]) {
  const page = await browser.newPage({viewport: {width: w, height: h}});
  await page.goto(`${origin}/index.html`, {waitUntil: "networkidle"});
  await page.waitForTimeout(2500);
  await page.screenshot({path: `/tmp/shots/story-${w}-top.png`});
  await page.locator(".workbench-charts").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector(".inputs-panel")?.scrollIntoView());
  await page.waitForTimeout(500);
  await page.screenshot({path: `/tmp/shots/story-${w}-panel.png`});
  await page.evaluate(() => window.scrollBy(0, 700));
  await page.waitForTimeout(300);
  await page.screenshot({path: `/tmp/shots/story-${w}-panel2.png`});
  await page.close();
}
await browser.close(); server.close();
