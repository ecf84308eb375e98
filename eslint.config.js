import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'data/generated/**', 'tests/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Render page text as text.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Render page text as text.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text.',
        },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      // Layering: pure logic and data never reach up into UI, entry points or browser APIs.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './utils', from: ['./entrypoints', './components', './scripts', './tests'] },
            { target: './data', from: ['./entrypoints', './components', './scripts', './tests'] },
            { target: './components', from: ['./entrypoints'] },
          ],
        },
      ],
    },
  },
  {
    // utils/ is pure: no extension APIs (settings storage glue lives in entrypoints/).
    files: ['utils/**/*.ts', 'data/**/*.ts', 'components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Pass browser APIs in from an entry point.' },
            { name: 'webextension-polyfill', message: 'Pass browser APIs in from an entry point.' },
            { name: 'wxt/utils/storage', message: 'Pass storage in from an entry point.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
