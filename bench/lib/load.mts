// Closed-loop load: `concurrency` simulated users, each sending its next
// request as soon as it has seen the answer to the previous one.
//
// Written by hand rather than with autocannon: every request has to come
// from the fake Slack (a fresh signature, trigger_id and response_url per
// request, and the answer shown the way Slack shows it), which autocannon's
// fixed requests cannot do; a worker pool over fake.slashCommand is a dozen
// lines. Being closed-loop, it slows down when the server does (coordinated
// omission): latencies are those of users who wait for their answer, and
// throughput is what the server sustained, not an offered rate.

export interface Sample {
  /** HTTP status of the acknowledgement, or 0 when the request failed. */
  status: number;
  /** Time to the HTTP acknowledgement, ms. */
  ackMs: number;
  /** Time until the user sees the answer (in the ack, or the response_url post), ms; NaN if never. */
  answerMs: number;
  /** Where the answer came: in the acknowledgement, through response_url, or not at all. */
  via: "ack" | "response_url" | "none";
  /** The ack came after Slack's 3 s. */
  late: boolean;
  /** What went wrong (unexpected answer, Block Kit refusal, HTTP error), if anything. */
  error?: string;
}

export interface LoadRun {
  samples: Sample[];
  wallMs: number;
}

/** Runs `requests` calls of `send` over `concurrency` workers; worker w always acts as user w. */
export async function closedLoop(options: { concurrency: number; requests: number; send: (worker: number) => Promise<Sample> }): Promise<LoadRun> {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    while (issued < options.requests) {
      issued++;
      samples.push(await options.send(w));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  return { samples, wallMs: performance.now() - started };
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles: with 500 samples p99 is the 495th value. */
export function latency(values: readonly number[]): Latency {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export interface LoadSummary {
  requests: number;
  wallMs: number;
  /** Answered requests per second over the measured phase. */
  throughput: number;
  ack: Latency;
  answer: Latency;
  errors: number;
  late: number;
  viaResponseUrl: number;
  firstError?: string;
}

export function summariseLoad(run: LoadRun): LoadSummary {
  const failed = run.samples.filter((s) => s.error !== undefined);
  return {
    requests: run.samples.length,
    wallMs: run.wallMs,
    throughput: (run.samples.length - failed.length) / (run.wallMs / 1000),
    ack: latency(run.samples.filter((s) => s.status !== 0).map((s) => s.ackMs)),
    answer: latency(run.samples.map((s) => s.answerMs)),
    errors: failed.length,
    late: run.samples.filter((s) => s.late).length,
    viaResponseUrl: run.samples.filter((s) => s.via === "response_url").length,
    ...(failed[0]?.error ? { firstError: failed[0].error } : {}),
  };
}
