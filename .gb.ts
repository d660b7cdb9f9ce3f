import { graphReport, measureGraphPages } from './scripts/bench/graph.ts';
console.log(graphReport(await measureGraphPages(process.argv[2]!, 1)));
