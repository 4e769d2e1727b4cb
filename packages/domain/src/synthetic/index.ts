export { generateSyntheticTheatre, type SyntheticTheatreOptions } from "./generate-synthetic-theatre";
