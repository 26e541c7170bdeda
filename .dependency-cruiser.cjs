/**
 * The house's layers, enforced (npm run lint, called by the test command's set-up and by CI).
 * Imports point down: pages and their views (src/views) → scenario, risk, claims, workbook → model.
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
      comment: "Scenarios and the base case sit below the risk tools, the claims, the workbook and the pages' views.",
      from: {path: "^src/scenario/"},
      to: {path: "^src/(risk|claims|views)/"}
    },
    {
      name: "views-serve-the-pages-only",
      severity: "error",
      comment: "src/views (charts, widgets, page state) is what the pages draw: only pages and other views import it; the CLI, the loaders, the scripts and the layers below read the engine and its readings instead.",
      from: {path: "^(src/(?!views/)|data-loaders/|cli/|scripts/|bench/)"},
      to: {path: "^src/views/"}
    },
    {
      name: "charts-are-specs-not-widgets",
      severity: "error",
      comment: "A chart file holds its rows and its vega-lite spec, pure data: it draws nothing itself, so it imports no widget (DOM) and no page state.",
      from: {path: "^src/views/charts/"},
      to: {path: "^src/views/(widgets|page-state)/"}
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
    // The build's cache holds copies of the pages' modules: not the house.
    exclude: {path: "^src/\\.observablehq/"},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: "tsconfig.json"},
    enhancedResolveOptions: {extensions: [".ts", ".js", ".mts"]}
  }
};
