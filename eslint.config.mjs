import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The database connection is reached only through the data layer (lib/dal, which scopes every
// read to the signed-in viewer), scheduled jobs (lib/jobs), and the tooling around them.
const DB_MESSAGE = "Read and write through lib/dal (scoped to the signed-in viewer), or lib/jobs for scheduled work.";
const dbPaths = ["@/db", "@/db/index", "@/db/ready", "@/db/migrate"].map((name) => ({ name, message: DB_MESSAGE }));
const dbPatterns = [{ group: ["@/db/seed", "@/db/seed/**"], message: DB_MESSAGE }];

// lib/jobs runs with no viewer and no scope; a page or component must never reach it.
const jobPatterns = [
  { group: ["@/lib/jobs", "@/lib/jobs/**"], message: "lib/jobs runs unscoped, with no signed-in viewer: pages and components use lib/dal." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "test-results*/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // One import order everywhere: node and packages, then "@/" modules, then relative files.
    files: ["**/*.{ts,tsx,js,mjs}"],
    rules: {
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"], "type"],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    // lib/boot.ts migrates the database when the server starts.
    ignores: ["lib/dal/**", "lib/jobs/**", "db/**", "scripts/**", "tests/**", "bench/**", "lib/boot.ts"],
    rules: { "no-restricted-imports": ["error", { paths: dbPaths, patterns: dbPatterns }] },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { paths: dbPaths, patterns: [...dbPatterns, ...jobPatterns] }] },
  },
];

export default config;
