// deno run --allow-net who_is.ts <workday id>
const [workerId] = Deno.args;
const base = `https://${Deno.env.get("LMS_HOST")}/api/v1`;
const qs = `company=${Deno.env.get("LMS_COMPANY")}&apiKey=${Deno.env.get("LMS_API_KEY")}`;

const user = await fetch(`${base}/users/getUserByExternalId/${workerId}/workday?${qs}`).then((r) => r.json());
console.log(user.mail, user.firstName, user.lastName);

const v2 = await fetch(`https://${Deno.env.get("LMS_HOST")}/api/v2/external-ids?value[eq]=${workerId}&type[eq]=user`, {
  headers: { authorization: `Bearer ${Deno.env.get("LMS_TOKEN")}`, "360-api-version": "v2.0" },
});
console.log(await v2.json());
