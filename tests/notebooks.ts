/**
 * The project's own notebooks, for `notebooks_test.ts` and `deno task notebooks`, which
 * refreshes their committed outputs in place, each against the emulator its first cell starts
 * (`TM_API_URL` is left out, so the world's clock is the real one and "the last 90 days" hold
 * data; the executor itself is `tools/notebook/`, also `deno task notebook <path>`):
 *
 * ```sh
 * deno task notebooks                 # every notebooks/*.ipynb, in place
 * deno task notebooks 01_quickstart   # the notebooks whose name contains a word
 * ```
 *
 * @module
 */

/** The notebooks folder. */
export const NOTEBOOKS_DIR = new URL("../notebooks/", import.meta.url);

/** The `.ipynb` files of the notebooks folder, sorted by name. */
export async function listNotebooks(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOKS_DIR)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
  }
  return names.sort().map((name) => new URL(name, NOTEBOOKS_DIR).pathname);
}

if (import.meta.main) {
  const filter = Deno.args[0];
  const paths = (await listNotebooks()).filter((path) => !filter || path.includes(filter));
  if (paths.length === 0) throw new Error(`Cannot refresh notebooks: none matches ${filter}`);
  const { success } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      new URL("../tools/notebook/main.ts", import.meta.url).pathname,
      ...paths,
    ],
    env: { TM_API_URL: "" },
  }).spawn().status;
  if (!success) Deno.exitCode = 1;
}
