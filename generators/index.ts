/** The generators' public face: the catalogue, settings and profiles, and the arbitraries. */
export { loadCatalogue, type Catalogue, type CatalogueAction, type CatalogueKey } from './catalogue.js';
export { DEFAULT_SETTINGS, type GeneratorSettings } from './settings.js';
export { PROFILES, PROFILE_NAMES, profileSettings, settingsExcluding } from './profiles.js';
export { evaluationCase } from './evaluation-case.js';
export { caseFamily, familyCases, type CaseFamily, type CaseFamilyConstraints } from './case-family.js';
export { malformedCase, type MalformedCase } from './malformed-case.js';
export { BREAKAGES, type Breakage } from './breakages.js';
export { scenario, scenarioWith, type Scenario } from './scenario.js';
export { world, type World, type WorldKey } from './world.js';
