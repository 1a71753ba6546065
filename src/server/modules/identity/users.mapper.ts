import type { UserDto } from '../../../shared/contracts/identity.ts';
import type { UserTable } from '../../db/types.ts';

export const toUserDto = (r: UserTable): UserDto => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  jobTitle: r.job_title,
  teamId: r.team_id,
  active: r.active === 1,
});
