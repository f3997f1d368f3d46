/** Child-process helpers for the benchmarks: peak memory read from /proc, commands timed and sampled. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** VmRSS / VmHWM of a process in MB, or undefined once it has gone. */
export function memoryOf(pid: number | 'self'): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Runs a command, polling its RSS every 50 ms; resolves with its stdout, wall time and peak. */
export function runSampled(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const sample = () => {
      if (proc.pid === undefined) return;
      const memory = memoryOf(proc.pid);
      if (memory) peak = Math.max(peak, memory.rss, memory.hwm);
    };
    const timer = setInterval(sample, 50);
    proc.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    proc.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000, peakRssMb: peak });
    });
  });
}
