import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

export interface LearnerPatch {
  firstName?: string;
  lastName?: string;
  password?: string;
}

@Injectable()
export class LmsService {
  private readonly logger = new Logger(LmsService.name);
  private readonly base: string;
  private readonly auth: Record<string, string>;

  constructor(
    private readonly http: HttpService,
    config: ConfigService,
  ) {
    // e.g. https://academy-acme.360learning.com/api/v1 (see .env.example)
    this.base = config.getOrThrow<string>('LMS_BASE_URL');
    this.auth = {
      company: config.getOrThrow<string>('LMS_COMPANY'),
      apiKey: config.getOrThrow<string>('LMS_API_KEY'),
    };
  }

  async allLearners(): Promise<any[]> {
    const res = await firstValueFrom(
      this.http.get(`${this.base}/users`, { params: { ...this.auth } }),
    );
    return res.data;
  }

  async patchLearner(email: string, patch: LearnerPatch): Promise<void> {
    await firstValueFrom(
      this.http.put(`${this.base}/users/${encodeURIComponent(email)}`, patch, {
        params: this.auth,
      }),
    );
  }

  async resetPassword(email: string, password: string): Promise<void> {
    await firstValueFrom(
      this.http.put(
        `${this.base}/users/${encodeURIComponent(email)}`,
        { password },
        { params: this.auth },
      ),
    );
  }

  async forget(email: string): Promise<void> {
    this.logger.warn(`GDPR erasure for ${email}`);
    await firstValueFrom(
      this.http.put(`${this.base}/users/${email}/pseudonymize`, null, { params: this.auth }),
    );
  }
}
