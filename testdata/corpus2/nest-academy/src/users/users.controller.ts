import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { UsersService } from './users.service';

// The academy portal exposes its own v1 API to the mobile app. These are
// routes we serve, not calls to the LMS.
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query('deleted') deleted?: string) {
    return this.users.list(deleted === 'true');
  }

  @Put(':email')
  update(@Param('email') email: string, @Body() body: Record<string, unknown>) {
    return this.users.update(email, body);
  }
}
