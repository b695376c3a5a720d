// Thin LMS client for the store-portal backend.
// The bearer token comes from the platform gateway; company/apiKey are still needed by v1.

export interface LmsUser {
  _id: string;
  mail: string;
  firstName?: string;
  lastName?: string;
}

export interface ProfilePatch {
  firstName?: string;
  lastName?: string;
  job?: string;
}

const LMS_HOST: string = process.env.LMS_HOST ?? "northwind.360learning.com";

export class LmsClient {
  constructor(
    private readonly company: string,
    private readonly apiKey: string,
    private readonly token: string,
  ) {}

  async listUsers(): Promise<LmsUser[]> {
    const res = await fetch(
      `https://${LMS_HOST}/api/v1/users?company=${this.company}&apiKey=${this.apiKey}&deleted=false`,
      { headers: { Authorization: `Bearer ${this.token}`, Accept: "application/json" } },
    );
    if (!res.ok) throw new Error(`LMS list users: ${res.status}`);
    return (await res.json()) as LmsUser[];
  }

  async updateProfile(userId: string, patch: ProfilePatch): Promise<void> {
    const res = await fetch(
      `https://${LMS_HOST}/api/v1/users/${userId}?company=${this.company}&apiKey=${this.apiKey}`,
      {
        method: "PUT",
        headers: {
          Authorization: `Bearer ${this.token}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(patch),
      },
    );
    if (!res.ok) throw new Error(`LMS update ${userId}: ${res.status}`);
  }

  async pseudonymize(userId: string): Promise<void> {
    await fetch(`https://${LMS_HOST}/api/v1/users/${userId}/pseudonymize?company=${this.company}&apiKey=${this.apiKey}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${this.token}` },
    });
  }

  async removeFromGroup(groupId: string, email: string): Promise<void> {
    await fetch(`https://${LMS_HOST}/api/v1/groups/${groupId}/users/${email}?company=${this.company}&apiKey=${this.apiKey}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${this.token}` },
    });
  }
}
