// Set by `vite.define` in astro.config.mjs: absolute folders resolved once from the environment.
declare const __DOCGRAPH_DATA_DIR__: string;
declare const __DOCGRAPH_CONTENT_DIR__: string;
/** The site's name (DOCGRAPH_TITLE, default `docgraph`). */
declare const __DOCGRAPH_TITLE__: string;
