/**
 * The built-in scenario's classroom lists, read from its YAML at build time (the same files the
 * scenario includes, checked by its schema when it loads). They key on state ids and crises, so
 * a scenario derived from the built-in one by overlays shares them.
 */
import namesFile from '../../scenarios/interwar/names.yaml';
import whatifFile from '../../scenarios/interwar/whatif.yaml';
import type { NameEntry, WhatifSet } from './classroom.js';

export const NAME_ENTRIES: readonly NameEntry[] = (namesFile as { names: NameEntry[] }).names;
export const WHATIF_SETS: readonly WhatifSet[] = (whatifFile as { whatifs: WhatifSet[] }).whatifs;
