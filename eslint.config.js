// ESLint: typescript-eslint's recommended rules plus the house rules of docs/architecture.md,
// enforced rather than hoped for.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importDirectionPlugin } from './scripts/import-rules.mjs';

const RENDERER_TO_MAIN = { group: ['**/main/**', 'node:*', 'electron'], message: 'The renderer talks to the main process only through its bridge (renderer/app/bridge.ts).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The directions of scripts/import-rules.mjs, which the architecture test checks on the whole graph.
    files: ['main/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'demos/**/*.{ts,tsx}'],
    plugins: { warren: importDirectionPlugin },
    rules: { 'warren/import-direction': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', '../main/*', '../renderer/*', '../demos/*', '**/main/**', '**/renderer/**'], message: 'shared/ is pure: no Node, no main/, no renderer/.' }] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [RENDERER_TO_MAIN] }],
    },
  },
  {
    // Components never call the bridge: a feature's store (renderer/features/<f>/store.ts) owns
    // its calls, events and polling, and gets the bridge from the composition root (main.tsx).
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [RENDERER_TO_MAIN, { group: ['**/app/bridge'], message: 'Only main.tsx holds the bridge: ask the feature’s store (useStores()) instead.' }] },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.tsx', 'renderer/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RENDERER_TO_MAIN,
            { group: ['**/app/bridge', '**/app/bridgePort'], message: 'Components and pages never see the bridge: they get data and actions from a store (useStores(), useStore()).' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/host-electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/host-electron may use Electron (ipcMain/ipcRenderer live there).' }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
