import { Worker } from 'node:worker_threads';

/**
 * The thread's code: officecrypto-tool (ECMA-376 agile encryption: AES-256, SHA-512, 100,000 spins,
 * as Excel writes it). Its key derivation is about a second of CPU, so it runs in a thread of its own
 * rather than holding every other request of this process.
 */
const ENCRYPT_IN_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const officeCrypto = require('officecrypto-tool');
const out = officeCrypto.encrypt(Buffer.from(workerData.body), { password: workerData.password });
parentPort.postMessage(out);
`;

/** An XLSX file as Excel opens it only with the password (the password is not kept anywhere). */
export function protectXlsx(body: Buffer, password: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(ENCRYPT_IN_THREAD, { eval: true, workerData: { body, password } });
    thread.once('message', (out: Uint8Array) => resolve(Buffer.from(out)));
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`XLSX encryption thread exited with ${code}`));
    });
  });
}
