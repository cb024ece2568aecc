/**
 * The world's people and groupings: mapping levels, users, organisations, campaigns,
 * interests and teams.
 *
 * @module
 */

import type {
  Campaign,
  Interest,
  MappingLevel,
  Micros,
  Organisation,
  Team,
  User,
} from "./model.ts";
import type { Rng } from "./rng.ts";
import { CAMPAIGNS, INTERESTS, NAME_PARTS, NAME_SUFFIXES, ORGANISATIONS } from "./names.ts";

const DAY = 86_400_000_000;

/**
 * TM's seeded mapping levels (reference 2.10).
 *
 * @example
 * ```ts
 * import { mappingLevels } from "./entities.ts";
 * if (mappingLevels()[0]?.name !== "BEGINNER") throw new Error("first level");
 * ```
 */
export function mappingLevels(): MappingLevel[] {
  return [
    {
      id: 1,
      name: "BEGINNER",
      ordering: 1,
      approvalsRequired: 0,
      color: "#68707f",
      isBeginner: true,
    },
    {
      id: 2,
      name: "INTERMEDIATE",
      ordering: 2,
      approvalsRequired: 0,
      color: "#2c3038",
      isBeginner: false,
    },
    {
      id: 3,
      name: "ADVANCED",
      ordering: 3,
      approvalsRequired: 0,
      color: "#d73f3f",
      isBeginner: false,
    },
  ];
}

/**
 * A python-slugify-like slug: ASCII, lower case, words joined by hyphens.
 *
 * @example
 * ```ts
 * import { slugify } from "./entities.ts";
 * if (slugify("Médecins Sans Frontières") !== "medecins-sans-frontieres") throw new Error("slug");
 * ```
 */
export function slugify(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Users with unique OSM-style ids (ascending) and unique usernames, a few of them unusual. */
export function makeUsers(rng: Rng, count: number, now: Micros): User[] {
  const ids = new Set<number>();
  while (ids.size < count) {
    ids.add(rng.weighted([[rng.int(100, 999_999), 1], [rng.int(1_000_000, 24_000_000), 4]]));
  }
  const names = new Set<string>(["José Mapper", "Ana Đặng", "o'brien_maps", "zoë+osm"]);
  while (names.size < count) {
    const n = rng.pick(NAME_PARTS) + rng.pick(NAME_SUFFIXES);
    names.add(rng.chance(0.4) ? `${n}${rng.int(1, 999)}` : n);
  }
  const usernames = rng.shuffle([...names]);
  const start = Date.UTC(2012, 0, 1) * 1000;
  return [...ids].sort((a, b) => a - b).map((id, i): User => {
    const username = usernames[i] ?? `user${id}`;
    const role = i % 53 === 3 ? "ADMIN" : i % 97 === 5 ? "READ_ONLY" : "MAPPER";
    const level = rng.weighted([["BEGINNER", 0.6], ["INTERMEDIATE", 0.25], ["ADVANCED", 0.15]]);
    const cap = username.charAt(0).toUpperCase() +
      username.slice(1).replace(/[_0-9]+/g, " ").trim();
    return {
      id,
      username,
      name: rng.chance(0.6) ? cap : null,
      role,
      mappingLevel: role === "ADMIN" ? "ADVANCED" : level,
      pictureUrl: rng.chance(0.5) ? `https://avatars.example.org/osm/${id}.png` : null,
      dateRegistered: start + Math.floor(rng.next() * (now - 30 * DAY - start)),
    };
  });
}

/** Organisations with slugs and one to three managers each. */
export function makeOrganisations(rng: Rng, users: readonly User[]): Organisation[] {
  const ids = users.map((u) => u.id);
  return ORGANISATIONS.map((name, i): Organisation => ({
    id: i + 1,
    name,
    slug: slugify(name),
    logo: rng.chance(0.6) ? `https://cdn.example.org/logos/${slugify(name)}.png` : null,
    description: rng.chance(0.7) ? `${name} coordinates mapping for humanitarian response.` : null,
    url: rng.chance(0.7) ? `https://www.example.org/${slugify(name)}` : null,
    type: rng.weighted([["FREE", 0.5], ["DISCOUNTED", 0.3], ["FULL_FEE", 0.2]]),
    subscriptionTier: rng.chance(0.5) ? rng.int(1, 3) : null,
    managers: rng.sample(ids, rng.int(1, 3)).sort((a, b) => a - b),
  }));
}

/** Campaigns; id 1 is "Emulator Campaign". */
export function makeCampaigns(rng: Rng): Campaign[] {
  return CAMPAIGNS.map((name, i): Campaign => ({
    id: i + 1,
    name,
    logo: rng.chance(0.3) ? `https://cdn.example.org/campaigns/${slugify(name)}.png` : null,
    url: rng.chance(0.4) ? `https://www.example.org/campaigns/${slugify(name)}` : null,
    description: rng.chance(0.5) ? `Projects of the ${name} campaign.` : null,
  }));
}

/** Interests, ids from 1. */
export function makeInterests(): Interest[] {
  return INTERESTS.map((name, i) => ({ id: i + 1, name }));
}

/** One or two teams per organisation, each with a few members. */
export function makeTeams(rng: Rng, orgs: readonly Organisation[], users: readonly User[]): Team[] {
  const ids = users.map((u) => u.id);
  const teams: Team[] = [];
  for (const org of orgs) {
    const kinds = rng.chance(0.6) ? ["Mappers", "Validators"] : ["Mappers"];
    for (const kind of kinds) {
      teams.push({
        id: teams.length + 1,
        name: `${org.name} ${kind}`,
        organisationId: org.id,
        visibility: rng.chance(0.75) ? "PUBLIC" : "PRIVATE",
        members: rng.sample(ids, rng.int(3, 20)).sort((a, b) => a - b),
      });
    }
  }
  return teams;
}
