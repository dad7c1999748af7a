/*
 * The database schema, one file per part of the register. drizzle-kit reads this index
 * (drizzle.config.ts); the app imports "@/db/schema".
 */
export * from "./enums";
export * from "./reference";
export * from "./users";
export * from "./arrangements";
export * from "./history";
export * from "./review";
export * from "./confirmations";
export * from "./system";
export * from "./feedback";
