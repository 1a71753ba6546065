import { uuidv7 } from 'uuidv7';

/** Sortable text ids (UUIDv7): creation order is id order. */
export const newId = (): string => uuidv7();
