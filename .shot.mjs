// node .shot.mjs URL out.png W H [auth|anon|nojs|print|login:<email>] [full|viewport]
import { chromium } from "playwright-core";
const [url, out, w = "1280", h = "800", mode = "auth", size = "full"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const origin = new URL(url).origin;
const context = await browser.newContext({
  viewport: { width: Number(w), height: Number(h) },
  javaScriptEnabled: mode !== "nojs",
  extraHTTPHeaders: mode === "auth" ? { authorization: "Bearer screenshot-token-0123456789abcdef" } : {},
});
const page = await context.newPage();
if (mode.startsWith("login:")) {
  await page.goto(`${origin}/login`);
  await page.fill('input[name="email"]', mode.slice(6));
  await page.fill('input[name="password"]', process.env.SHOT_PASSWORD ?? "demo-password-2026");
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click('button[type="submit"]')]);
}
if (mode === "print") await page.emulateMedia({ media: "print" });
await page.goto(url, { waitUntil: "networkidle" });
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: size !== "viewport" });
await browser.close();
console.log(out);
