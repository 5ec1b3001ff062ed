import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from './config/load-config-or-exit';
import { RedisPolicyError } from './modules/jobs/queue-runtime';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    // SIGTERM/SIGINT close the workers gracefully (running jobs finish first).
    app.enableShutdownHooks();
  } catch (error) {
    if (error instanceof RedisPolicyError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

void bootstrap();
