import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

const PEOPLEHUB = 'https://api.peoplehub.example/api/v1';

@Injectable()
export class PeopleHubClient {
  constructor(private readonly http: HttpService) {}

  async employees(includeDeleted = false) {
    const res = await firstValueFrom(
      this.http.get(`${PEOPLEHUB}/users`, { params: { deleted: includeDeleted } }),
    );
    return res.data;
  }

  async setPassword(email: string, password: string) {
    await firstValueFrom(this.http.put(`${PEOPLEHUB}/users/${email}`, { password }));
  }
}
