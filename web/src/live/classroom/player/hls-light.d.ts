// hls.js publishes its light build at `hls.js/light` without a types entry; its API is the full build's.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
