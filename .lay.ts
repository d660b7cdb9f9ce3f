import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { seededRandom } from './src/outputs/graph-layout.ts';
cytoscape.use(fcose);
const g = JSON.parse(readFileSync('/tmp/g-corpus/graph.json','utf8'));
const nodes = g.nodes.filter((n:any)=>n.type!=='external'); const ids = new Set(nodes.map((n:any)=>n.id));
const edges = g.edges.filter((e:any)=>ids.has(e.source)&&ids.has(e.target)&&e.source!==e.target);
for (const [name, opts] of [['rand-default',{randomize:true,quality:'default'}],['rand-draft',{randomize:true,quality:'draft'}],['rand-default-500',{randomize:true,quality:'default',numIter:500}]] as const) {
  const cy = cytoscape({headless:true, styleEnabled:false, layout:{name:'preset'}, elements:[...nodes.map((n:any)=>({group:'nodes',data:{id:n.id}})), ...edges.map((e:any,i:number)=>({group:'edges',data:{id:'e'+i,source:e.source,target:e.target}}))]});
  Math.random = seededRandom(1);
  const t = performance.now();
  cy.layout({name:'fcose',animate:false,fit:false,nodeRepulsion:()=>6500,idealEdgeLength:()=>70,packComponents:true,...opts} as any).run();
  const bb = cy.nodes().boundingBox();
  console.log(name, Math.round(performance.now()-t), 'ms', Math.round(bb.w), Math.round(bb.h));
  cy.destroy();
}
process.exit(0);
