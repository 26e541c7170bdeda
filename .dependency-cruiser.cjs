/**
 * The house's layers, enforced (npm run lint, called by the test command's set-up and by CI).
 * Imports point down: pages and components → scenario, risk, claims, workbook → model.
 * The engine (src/model) imports nothing of the project above it; the data loaders read no
 * page's code; nothing imports in a circle.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Two modules that import each other, directly or round a loop, are one module in two files.",
      from: {},
      to: {circular: true}
    },
    {
      name: "engine-imports-nothing-above-it",
      severity: "error",
      comment: "The pure model engine stands alone: it may import its own files and libraries only.",
      from: {path: "^src/model/"},
      to: {path: "^(src/(?!model/)|data-loaders/|cli/|scripts/|bench/)"}
    },
    {
      name: "data-loaders-stand-below-the-notebook",
      severity: "error",
      comment: "The loaders turn raw files into tables: they import nothing of src/ (what reads the tables with the engine, like the backtest, lives above them).",
      from: {path: "^data-loaders/"},
      to: {path: "^src/"}
    },
    {
      name: "readings-read-the-engine-only",
      severity: "error",
      comment: "The readings layer turns projections into outcomes: it stands on the engine and nothing else of the project.",
      from: {path: "^src/readings/"},
      to: {path: "^(src/(?!model/|readings/)|data-loaders/|cli/|scripts/|bench/)"}
    },
    {
      name: "scenarios-do-not-reach-up",
      severity: "error",
      comment: "Scenarios and the base case sit below the risk tools, the claims, the workbook and the pages' components.",
      from: {path: "^src/scenario/"},
      to: {path: "^src/(risk|claims|components)/"}
    },
    {
      name: "no-test-code-in-the-product",
      severity: "error",
      from: {path: "^(src|data-loaders|cli|scripts)/"},
      to: {path: "^test/"}
    }
  ],
  options: {
    doNotFollow: {path: "node_modules"},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: "tsconfig.json"},
    enhancedResolveOptions: {extensions: [".ts", ".js", ".mts"]}
  }
};
