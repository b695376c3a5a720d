#!/usr/bin/env -S deno run --allow-net --allow-env
// Erase the personal data of users HR marked as "forgotten".
// Usage: deno run gdpr_erase.ts mails.txt

const HOST = Deno.env.get("LMS_HOST") ?? "acme.360learning.com";
const auth = new URLSearchParams({
  company: Deno.env.get("LMS_COMPANY")!,
  apiKey: Deno.env.get("LMS_API_KEY")!,
});

const mails = (await Deno.readTextFile(Deno.args[0])).split("\n").filter(Boolean);

for (const mail of mails) {
  const res = await fetch(
    `https://${HOST}/api/v1/users/${encodeURIComponent(mail)}/pseudonymize?${auth}`,
    { method: "PUT" },
  );
  const { message } = await res.json();
  console.log(mail, message);
}

// Report to the ticketing tool (not the LMS).
await fetch("https://acme.service-now.com/api/v1/users/erasure-report", {
  method: "POST",
  body: JSON.stringify({ count: mails.length }),
});
