export * from "./cooperation-finding";
export { findCooperation } from "./find-cooperation";
export { COOPERATION_SCORING } from "./cooperation-scoring";
