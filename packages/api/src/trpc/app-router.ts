import { analysisRouter } from "./routers/analysis";
import { collectionRouter } from "./routers/collection-router";
import { historyRouter } from "./routers/history";
import { searchRouter } from "./routers/search";
import { theatresRouter } from "./routers/theatres";
import { createCallerFactory, router } from "./trpc";

/** Parley's whole API: one router per aggregate, merged here. */
export const appRouter = router({
  theatres: theatresRouter,
  sources: collectionRouter("sources"),
  actors: collectionRouter("actors"),
  issues: collectionRouter("issues"),
  interests: collectionRouter("interests"),
  relationships: collectionRouter("relationships"),
  cooperationAreas: collectionRouter("cooperationAreas"),
  leverage: collectionRouter("leverage"),
  tradeOffs: collectionRouter("tradeOffs"),
  scenarios: collectionRouter("scenarios"),
  options: collectionRouter("options"),
  events: collectionRouter("events"),
  figures: collectionRouter("figures"),
  history: historyRouter,
  search: searchRouter,
  analysis: analysisRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
