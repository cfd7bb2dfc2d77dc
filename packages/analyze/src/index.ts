export * from './diff/index.js';
