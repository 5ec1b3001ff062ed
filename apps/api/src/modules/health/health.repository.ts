import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RedisConnection, withTimeout } from '../redis/redis.module';

const CHECK_TIMEOUT_MS = 1500;

@Injectable()
export class HealthRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnection,
  ) {}

  async isDatabaseUp(): Promise<boolean> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }

  isRedisUp(): Promise<boolean> {
    return this.redis.ping(CHECK_TIMEOUT_MS);
  }
}
