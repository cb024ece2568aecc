/**
 * Names the world builder draws from: countries (with a box well inside each), organisations,
 * campaigns, interests, words for usernames, project names and comments.
 *
 * @module
 */

/** A country with a rough box inside it: west, south, east, north (degrees). */
export interface CountryBox {
  name: string;
  box: [number, number, number, number];
}

/** Real countries with a box roughly inside each, where generated areas of interest go. */
export const COUNTRIES: readonly CountryBox[] = [
  { name: "Nepal", box: [81.5, 27.5, 86.5, 29.0] },
  { name: "Bangladesh", box: [88.8, 22.5, 91.5, 25.0] },
  { name: "India", box: [74.0, 18.0, 84.0, 26.0] },
  { name: "Indonesia", box: [107.0, -7.5, 112.0, -6.9] },
  { name: "Philippines", box: [120.6, 15.0, 121.8, 17.5] },
  { name: "Kenya", box: [35.0, -3.0, 39.0, 2.0] },
  { name: "United Republic of Tanzania", box: [31.0, -10.0, 37.0, -3.0] },
  { name: "Uganda", box: [30.5, -0.8, 34.0, 3.5] },
  { name: "Nigeria", box: [4.0, 7.0, 12.0, 12.5] },
  { name: "Ghana", box: [-2.5, 6.0, 0.5, 10.5] },
  { name: "Mozambique", box: [33.0, -24.0, 36.5, -15.0] },
  { name: "Malawi", box: [33.3, -15.5, 35.0, -10.5] },
  { name: "Democratic Republic of the Congo", box: [16.0, -8.0, 28.0, 3.0] },
  { name: "Haiti", box: [-72.8, 18.5, -72.0, 19.6] },
  { name: "Dominican Republic", box: [-71.2, 18.5, -69.2, 19.5] },
  { name: "Peru", box: [-77.0, -14.0, -72.0, -6.0] },
  { name: "Colombia", box: [-76.0, 1.0, -70.0, 8.0] },
  { name: "Guatemala", box: [-91.5, 14.5, -89.5, 17.0] },
  { name: "Honduras", box: [-88.0, 13.8, -85.0, 15.5] },
  { name: "Ecuador", box: [-80.0, -3.5, -77.0, 0.5] },
  { name: "Brazil", box: [-60.0, -20.0, -42.0, -5.0] },
  { name: "Mexico", box: [-105.0, 18.0, -98.0, 25.0] },
  { name: "Turkey", box: [29.0, 37.5, 43.0, 40.5] },
  { name: "Syria", box: [36.5, 33.5, 40.5, 36.5] },
  { name: "Afghanistan", box: [62.5, 31.0, 70.0, 36.0] },
  { name: "Pakistan", box: [67.0, 25.5, 73.0, 33.0] },
  { name: "Myanmar", box: [94.5, 17.0, 97.5, 24.0] },
  { name: "Vietnam", box: [104.5, 20.8, 106.5, 22.3] },
  { name: "Sri Lanka", box: [80.0, 6.5, 81.5, 9.0] },
  { name: "Madagascar", box: [44.5, -23.0, 48.5, -14.5] },
  { name: "Ethiopia", box: [36.0, 6.0, 42.0, 12.0] },
  { name: "Sierra Leone", box: [-12.8, 7.5, -10.8, 9.5] },
  { name: "Liberia", box: [-10.5, 5.5, -8.5, 7.8] },
  { name: "Cameroon", box: [10.0, 3.0, 14.0, 10.0] },
  { name: "Mali", box: [-8.0, 12.0, 0.0, 16.0] },
  { name: "Niger", box: [2.0, 13.0, 10.0, 17.0] },
  { name: "Zambia", box: [24.0, -16.0, 31.0, -10.0] },
  { name: "Zimbabwe", box: [27.0, -20.5, 31.5, -16.5] },
  { name: "Somalia", box: [43.0, 2.0, 47.0, 7.0] },
  { name: "South Sudan", box: [26.0, 5.0, 32.0, 10.0] },
  { name: "Yemen", box: [44.0, 13.5, 48.0, 16.0] },
  { name: "Ukraine", box: [25.0, 47.0, 37.0, 51.0] },
  { name: "Papua New Guinea", box: [142.0, -7.5, 146.0, -5.0] },
  { name: "Timor-Leste", box: [125.2, -9.0, 126.8, -8.6] },
  { name: "Côte d'Ivoire", box: [-7.0, 6.0, -4.0, 9.5] },
  { name: "United States of America", box: [-100.0, 35.0, -85.0, 42.0] },
];

/** Neighbouring pairs, for projects that straddle a border (the area lies in the first). */
export const NEIGHBOURS: readonly (readonly [string, string])[] = [
  ["Kenya", "Uganda"],
  ["Kenya", "United Republic of Tanzania"],
  ["Nepal", "India"],
  ["Bangladesh", "India"],
  ["Haiti", "Dominican Republic"],
  ["Uganda", "South Sudan"],
  ["Ghana", "Côte d'Ivoire"],
  ["Nigeria", "Cameroon"],
  ["Malawi", "Mozambique"],
  ["Zambia", "Zimbabwe"],
  ["Peru", "Ecuador"],
  ["Guatemala", "Honduras"],
  ["Myanmar", "Bangladesh"],
];

/** Organisation names; one needs HTML escaping on purpose. */
export const ORGANISATIONS: readonly string[] = [
  "Humanitarian OpenStreetMap Team",
  "HOT Open Mapping Hub Asia-Pacific",
  "HOT Open Mapping Hub Eastern and Southern Africa",
  "HOT Open Mapping Hub West and Northern Africa",
  "HOT Open Mapping Hub Latin America and the Caribbean",
  "Missing Maps",
  "Médecins Sans Frontières",
  "American Red Cross",
  "YouthMappers",
  "OSM Kenya",
  "Map & Data <Lab>",
  "Kathmandu Living Labs",
  "OpenStreetMap Indonesia",
];

/** Campaign names; "Emulator Campaign" is the one `campaignProjects` fills. */
export const CAMPAIGNS: readonly string[] = [
  "Emulator Campaign",
  "Missing Maps",
  "Malaria Elimination",
  "Cyclone Response",
  "Earthquake Response",
  "Flood Preparedness",
  "Refugee Response",
  "Cholera Response",
  "Mapathon 2024",
  "Mapathon 2025",
  "Girls Mapping Day",
  "Road Safety",
  "Climate Resilience",
  "Health Facilities",
  "#MapYourCity",
];

/** Interest names. */
export const INTERESTS: readonly string[] = [
  "Disaster Response",
  "Public Health",
  "Refugees",
  "Climate",
  "Water and Sanitation",
  "Transportation",
  "Education",
  "Agriculture",
  "Gender Equality",
  "Urban Planning",
];

/** Locales that some projects carry besides English. */
export const LOCALES: readonly string[] = ["fr", "es", "pt", "sw", "id", "ne", "ar"];

/** First parts of usernames. */
export const NAME_PARTS: readonly string[] = [
  "map",
  "geo",
  "osm",
  "trace",
  "survey",
  "path",
  "river",
  "road",
  "tile",
  "node",
  "anna",
  "kofi",
  "amina",
  "raj",
  "lucia",
  "tomas",
  "mei",
  "yusuf",
  "ines",
  "omar",
  "sara",
  "juan",
  "ngozi",
  "priya",
  "dmitri",
  "ayesha",
  "liam",
  "chen",
  "fatou",
  "noor",
];

/** Second parts of usernames. */
export const NAME_SUFFIXES: readonly string[] = [
  "mapper",
  "_osm",
  "_hot",
  "walker",
  "smith",
  "_ke",
  "_np",
  "_ph",
  "builder",
  "_gis",
  "",
  "",
  "",
  "lover",
  "_edits",
  "_2019",
  "_tz",
  "_br",
  "_ng",
  "_id",
];

/** Adjectives and places for project names. */
export const PROJECT_WORDS: readonly string[] = [
  "Buildings",
  "Roads",
  "Waterways",
  "Health Facilities",
  "Schools",
  "Settlements",
  "Residential Areas",
  "Land Use",
  "Bridges",
  "Footpaths",
];

/** Short task comments. */
export const COMMENTS: readonly string[] = [
  "Please check the building footprints on the east side.",
  "Imagery is cloudy here, mapped what I could.",
  "Some roads were missing, added them.",
  "Good job! A few buildings were not squared.",
  "Invalidated: many buildings are missing.",
  "Tagged the residential roads as unclassified, please review.",
  "Merci, bon travail !",
  "Aligned with the Bing imagery.",
  "Duplicate nodes fixed.",
  "@mapper please look at the river crossing.",
];
