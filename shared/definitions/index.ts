/** The definitions feature's pure logic: read a file, scope it, diff, accept, build the import. */
export { parseDefinitions, readDefinitions, ignoredKeys, DEFINITIONS_HINT } from './parse';
export { scopeTo } from './scope';
export { diffDefinitions, summarize, changeId } from './diff';
export { applyChanges, checkAccepted, importBody } from './apply';
export { canonical, identityKey, labelOf, shown } from './fields';
