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

  /**
   * Registers a one-key Lua script on this connection (EVALSHA, falling back to EVAL) and returns
   * a function that runs it atomically.
   */
  script<R>(name: string, lua: string): (key: string, ...args: (string | number)[]) => Promise<R> {
    const commands = this.client as unknown as Record<string, unknown>;
    if (typeof commands[name] !== 'function') {
      this.client.defineCommand(name, { numberOfKeys: 1, lua });
    }
    const run = commands[name] as (...args: unknown[]) => Promise<R>;
    return (key, ...args) => run.call(this.client, key, ...args);
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

/** Logs a warning at most once per interval: for "Redis is away" while every request notices it. */
export class OccasionalWarning {
  private last = 0;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 30_000,
  ) {}

  warn(message: string): void {
    const now = Date.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.logger.warn(message);
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
