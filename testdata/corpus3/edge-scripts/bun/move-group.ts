// Move a learner between groups: drop the old membership, set the new primary group.
const [mail, fromGroup, toGroup] = Bun.argv.slice(2);
const host = Bun.env.LMS_HOST;
const creds = { company: Bun.env.LMS_COMPANY, apiKey: Bun.env.LMS_API_KEY };

await fetch(`https://${host}/api/v1/groups/${fromGroup}/users/${mail}`, {
  method: "DELETE",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ ...creds, deleteFromPrivateSubgroups: "true" } as Record<string, string>),
});

await fetch(`https://${host}/api/v1/users/${mail}?company=${creds.company}&apiKey=${creds.apiKey}`, {
  method: "PUT",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ primaryGroupId: toGroup }),
});
