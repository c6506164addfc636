// Lint, including the layer rules of docs/architecture.md. dependency-cruiser
// (.dependency-cruiser.cjs) checks the same rules on the resolved graph plus cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const p = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['**/*.tmp.*', 'dist/**', 'node_modules/**', 'data/**', 'public/**', 'test-results/**', 'bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**'],
    rules: restrict([
      p(['cesium', 'cesium/*'], 'core is pure: cesium only in src/viewer'),
      p(['zustand', 'zustand/*', 'react', 'react-dom', 'react/*', 'react-dom/*'], 'core is pure: no zustand/react'),
      p(['**/state/**', '**/viewer/**', '**/ui/**', '**/app/**', '**/workers/**'], 'core imports no other layer'),
    ]),
  },
  {
    files: ['src/workers/**'],
    rules: restrict([
      p(['cesium', 'cesium/*', 'react', 'react-dom', 'zustand'], 'workers run core only'),
      p(['**/state/**', '**/viewer/**', '**/ui/**', '**/app/**'], 'workers import core only'),
    ]),
  },
  {
    files: ['src/state/**'],
    rules: restrict([
      p(['cesium', 'cesium/*', 'react', 'react-dom'], 'state has no renderer or UI'),
      p(['**/viewer/**', '**/ui/**', '**/app/**'], 'state imports core only'),
    ]),
  },
  {
    files: ['src/viewer/**'],
    rules: restrict([p(['**/ui/**', '**/app/**', 'react', 'react-dom'], 'viewer never imports ui or app')]),
  },
  {
    files: ['src/ui/**'],
    rules: restrict([p(['cesium', 'cesium/*'], 'cesium only in src/viewer'), p(['**/viewer/**', '**/app/**'], 'ui never imports viewer or app')]),
  },
  {
    files: ['scripts/**'],
    rules: restrict([
      p(['cesium', 'cesium/*', 'react', 'react-dom', 'zustand'], 'scripts import only src/core'),
      p(['**/src/state/**', '**/src/viewer/**', '**/src/ui/**', '**/src/app/**', '**/src/workers/**'], 'scripts import only src/core'),
    ]),
  },
);
