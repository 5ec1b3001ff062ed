import { IsUUID } from 'class-validator';

/** Route parameter `:id`; a malformed id is a 400 naming `id`, not a 500 from Postgres. */
export class UuidParamDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
