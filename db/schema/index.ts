// Every table of the schema; each feature's tables live in their own file.
export * from './locations.js';
export * from './artists.js';
export * from './artworks.js';
export * from './movements.js';
export * from './conditions.js';
export * from './conservation.js';
export * from './media.js';
export * from './users.js';
export * from './audit.js';
export * from './settings.js';
export * from './rounds.js';
export * from './guide.js';
export * from './batches.js';
export * from './imports.js';
export * from './projects.js';
export * from './missing.js';
