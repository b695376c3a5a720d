import { NextResponse } from 'next/server';
import { lmsFetch } from '@/lib/lms';

// Our own public API: PUT /api/v1/users/:id, proxied to the LMS.
export async function PUT(req: Request, { params }: { params: { id: string } }) {
  const body = await req.text();
  await lmsFetch(`/users/${params.id}`, { method: 'PUT', body });
  return NextResponse.json({ ok: true });
}

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  return NextResponse.json(await lmsFetch(`/users/${params.id}`));
}
