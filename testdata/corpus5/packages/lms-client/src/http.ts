import ky from 'ky';

// 360Learning v1 reference: https://acme.360learning.com/api/v1/docs (kept for the migration)
export const lms = ky.create({
  prefixUrl: process.env.LMS_API_BASE ?? 'https://acme.360learning.com/api/v1',
  searchParams: {
    company: process.env.LMS_COMPANY ?? '',
    apiKey: process.env.LMS_API_KEY ?? '',
  },
  timeout: 20_000,
  retry: { limit: 2, methods: ['get'] },
});

// HR system of record, not the LMS.
export const peoplehub = ky.create({
  prefixUrl: 'https://api.peoplehub.example/api/v1',
  headers: { authorization: `Bearer ${process.env.PEOPLEHUB_TOKEN}` },
});

// Already migrated endpoints go through this one.
export const lmsV2 = ky.create({
  prefixUrl: 'https://acme.360learning.com/api/v2',
  headers: { '360-api-version': 'v2.0' },
  hooks: {
    beforeRequest: [(req) => req.headers.set('authorization', `Bearer ${globalThis.lmsToken}`)],
  },
});
