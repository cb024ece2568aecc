/**
 * The emulator in a process of its own, so that a benchmark's client does not share its event
 * loop with the server it measures.
 *
 * @module
 */

/** A running emulator process. */
export interface EmulatorProcess {
  /** The API base, ending `/api/v2/`. */
  url: string;
  /** The huge project's id, when `--huge-project-rows` was given. */
  hugeProjectId: number | undefined;
  /** Stops the process and waits for it. */
  close(): Promise<void>;
}

/** Starts `deno task emulator` with `flags` on a free port and waits for its URL. */
export async function spawnEmulator(flags: string[]): Promise<EmulatorProcess> {
  const cli = new URL("../src/emulator/cli.ts", import.meta.url).pathname;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", cli, "--port", "0", ...flags],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!/serving (\S+)/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`Cannot start the emulator: it exited before serving\n${text}`);
    text += value;
  }
  const url = /serving (\S+)/.exec(text)?.[1] ?? "";
  const drained = (async () => {
    while (!(await reader.read()).done) { /* discard */ }
  })();
  const huge = /huge project: (\d+)/.exec(text)?.[1];
  return {
    url,
    hugeProjectId: huge === undefined ? undefined : Number(huge),
    async close() {
      child.kill("SIGINT");
      await child.status;
      await drained;
    },
  };
}
