'use server';

import { revalidatePath } from 'next/cache';
import { lmsFetch } from '@/lib/lms';

export async function saveProfile(id: string, form: FormData) {
  await lmsFetch('/users/' + id, {
    method: 'PUT',
    body: JSON.stringify({
      firstName: form.get('firstName'),
      lastName: form.get('lastName'),
      password: form.get('newPassword') || undefined,
    }),
  });
  revalidatePath('/profile');
}

export async function forgetMe(email: string) {
  await lmsFetch('/users/' + encodeURIComponent(email) + '/pseudonymize', { method: 'PUT' });
}

export async function teamMembers() {
  return lmsFetch<Array<{ mail: string }>>('/users');
}

export async function mirrorToPeopleHub(id: string, body: unknown) {
  // The HR system keeps its own copy; not the LMS.
  await fetch(`${process.env.PEOPLEHUB_URL}/users/${id}`, { method: 'PUT', body: JSON.stringify(body) });
}
