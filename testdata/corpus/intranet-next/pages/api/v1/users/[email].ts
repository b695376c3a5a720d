import type { NextApiRequest, NextApiResponse } from 'next';

// This file IS a route of the intranet (/api/v1/users/:email), served by Next.js.
// Inside, it asks the LMS for the user's training profile.
const LMS_HOST = process.env.LMS_HOST ?? 'acme.360learning.com';
const auth = new URLSearchParams({
  company: process.env.LMS_COMPANY ?? '',
  apiKey: process.env.LMS_API_KEY ?? '',
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const email = String(req.query.email);
  if (req.method === 'DELETE') {
    const r = await fetch(`https://${LMS_HOST}/api/v1/users/${encodeURIComponent(email)}/pseudonymize?${auth}`, {
      method: 'PUT',
    });
    return res.status(r.status).end();
  }
  const r = await fetch(`https://${LMS_HOST}/api/v1/users/${encodeURIComponent(email)}?${auth}`);
  const user = await r.json();
  res.status(200).json({ mail: user.mail, firstName: user.firstName });
}
