import type { OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** The shared Redis connection (health, later rate limits). BullMQ opens its own. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      // Fail fast instead of queueing commands while Redis is away: health must say "down" at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    let lastLogged = 0;
    this.client.on('error', (err: Error) => {
      const now = Date.now();
      if (now - lastLogged > 30_000) {
        lastLogged = now;
        this.logger.warn(`Redis connection problem: ${err.message}`);
      }
    });
  }

  async ping(timeoutMs: number): Promise<boolean> {
    try {
      const reply = await withTimeout(this.client.ping(), timeoutMs);
      return reply === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
