// cytoscape adds a <style> element to <head> (one rule: its container is position: relative) unless an
// element with its id is already there; under the CSP (style-src 'self') that element would be blocked
// and reported. A placeholder with that id stops it; graph.css gives the containers position: relative.
export function preventCytoscapeStyleElement(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}
