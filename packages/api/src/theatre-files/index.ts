export { checkTheatre, type TheatreCheck } from "./check-theatre";
export { findTheatres, type TheatreEntry } from "./find-theatres";
export { loadTheatre, TheatreNotFoundError, type LoadedTheatre, type LocatedProblem } from "./load-theatre";
export { readSourceTexts } from "./source-texts";
