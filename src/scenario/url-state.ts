import {INPUT_KEYS, isInputKey, isLegacyInputKey, isPlainDecimal, migrateLegacyInputs, type Controls} from "./inputs-table.js";
import {assumptionsSchema, type Assumptions} from "./scenario.js";

/**
 * The live state in the URL: the scenario the view starts from (`scenario=`, absent for
 * the base case) and every control that differs from it, as query parameters
 * (`?scenario=rates-up-300bp&capex=3000`), so that a copied link reopens the same view.
 * The URL is untrusted: each parameter passes the scenario schema on its own; anything
 * else is ignored and reported, never evaluated or put into the page as markup.
 */
export interface UrlState {
  /** A known scenario's name, or null for the base case. */
  readonly scenario: string | null;
  readonly assumptions: Assumptions;
  /** Parameters left out, and why, for a visible notice. */
  readonly ignored: ReadonlyArray<{readonly parameter: string; readonly reason: string}>;
}

const MAX_VALUE_LENGTH = 24;
const MAX_PARAMETERS = 50;

export function encodeUrlState(base: Controls, controls: Controls, scenario: string | null = null): string {
  const parameters = new URLSearchParams();
  if (scenario !== null && scenario !== "base") parameters.set("scenario", scenario);
  for (const key of INPUT_KEYS) if (controls[key] !== base[key]) parameters.set(key, String(controls[key]));
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

export function decodeUrlState(search: string, scenarioNames: readonly string[] = []): UrlState {
  let scenario: string | null = null;
  const assumptions: Record<string, number> = {};
  const ignored: Array<{parameter: string; reason: string}> = [];
  // URLSearchParams never throws: a broken percent-encoding decodes to U+FFFD, which no
  // control name or number contains, so it is refused below like any other stranger.
  const entries = [...new URLSearchParams(search)];
  entries.slice(MAX_PARAMETERS).forEach(([name]) => ignored.push({parameter: shorten(name), reason: "too many parameters"}));
  for (const [name, value] of entries.slice(0, MAX_PARAMETERS)) {
    if (name === "scenario") {
      if (scenarioNames.includes(value)) scenario = value;
      else ignored.push({parameter: name, reason: `"${shorten(value)}" is not a scenario`});
    } else if (!isInputKey(name) && !isLegacyInputKey(name)) {
      ignored.push({parameter: shorten(name), reason: "is not an input of this page"});
    } else if (value.length > MAX_VALUE_LENGTH || !isPlainDecimal(value)) {
      ignored.push({parameter: shorten(name), reason: `"${shorten(value)}" is not a plain number`});
    } else {
      // An old link's input folded into others (LEGACY_INPUTS) reads as them.
      let parameter: Record<string, unknown>;
      try {
        // "-0" reads as 0: a negative zero would show in the form as "-0" and never be written back.
        parameter = migrateLegacyInputs({[name]: Number(value) || 0});
      } catch (error) {
        ignored.push({parameter: name, reason: (error as Error).message});
        continue;
      }
      const checked = assumptionsSchema.safeParse(parameter);
      if (checked.success) Object.assign(assumptions, parameter);
      else ignored.push({parameter: name, reason: checked.error.issues[0]?.message ?? "is out of range"});
    }
  }
  return {scenario, assumptions: assumptions as Assumptions, ignored};
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
