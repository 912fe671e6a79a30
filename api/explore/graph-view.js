// A node-link drawing in SVG with a small force layout, pan, zoom and node dragging.
// It knows nothing about the API: it draws {nodes: [{id, kind, name, ...}],
// relationships: [{type, source, target}]} and reports clicks.

const SVG = "http://www.w3.org/2000/svg";

// The colours of the Neo4j Browser kit's style (api/neo4j_browser/dkg-style.grass), so a
// node looks the same in both (tests/e2e/test_explore.py compares them).
export const KINDS = {
  Country: { color: "#4C8EDA", radius: 17 },
  Region: { color: "#569480", radius: 14 },
  Organization: { color: "#C990C0", radius: 12 },
  Person: { color: "#8DCC93", radius: 11 },
  Event: { color: "#F79767", radius: 11 },
  Place: { color: "#FFC454", radius: 9 },
  Article: { color: "#D9C8AE", radius: 8 },
};

// The forces follow d3-force's defaults in spirit: a link pulls with strength
// 1 / (the smaller degree of its ends), and the better-connected end moves less, so a hub
// with many links stays stable; repulsion falls with the square of the distance.
const LINK_DISTANCE = 130;
const CHARGE = 240;
const GRAVITY = 0.02;
const MAX_STEP = 40; // pixels a node may move in one tick
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const VELOCITY_DECAY = 0.6;
const ALPHA_DECAY = 0.985;
const ALPHA_MIN = 0.004;
const CLICK_SLOP = 4;
const LABEL_LENGTH = 24;
const DENSE = 30;

function svgElement(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function shorten(text) {
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
}

export class GraphView {
  constructor(svg, { onNodeClick }) {
    this.svg = svg;
    this.viewport = svg.querySelector("#viewport");
    this.linkLayer = svg.querySelector("#links");
    this.nodeLayer = svg.querySelector("#nodes");
    this.onNodeClick = onNodeClick;
    this.nodes = new Map();
    this.links = new Map();
    this.transform = this.centred();
    this.alpha = 0;
    this.frame = null;
    this.selected = null;
    this.autoFit = true; // keep everything in view while the layout moves, until a pan or zoom
    this.applyTransform();
    this.bindPointer();
  }

  get size() {
    return { nodes: this.nodes.size, relationships: this.links.size };
  }

  has(id) {
    return this.nodes.has(id);
  }

  node(id) {
    return this.nodes.get(id);
  }

  clear() {
    this.nodes.clear();
    this.links.clear();
    this.linkLayer.replaceChildren();
    this.nodeLayer.replaceChildren();
    this.svg.classList.remove("dense");
    this.selected = null;
    this.transform = this.centred();
    this.autoFit = true;
    this.applyTransform();
  }

  // The layout pulls towards the world's origin: put it in the middle of the drawing.
  centred() {
    const { width, height } = this.svg.getBoundingClientRect();
    return { k: 1, x: width / 2, y: height / 2 };
  }

  // Add a neighbourhood; new nodes start around `anchorId` (or the middle).
  merge(graph, anchorId) {
    const { width, height } = this.svg.getBoundingClientRect();
    const anchor = this.nodes.get(anchorId);
    const origin = anchor ?? this.toWorld(width / 2, height / 2);
    let added = 0;
    for (const data of graph.nodes) {
      const existing = this.nodes.get(data.id);
      if (existing) {
        Object.assign(existing.data, data);
        continue;
      }
      // New nodes start on a spiral around the anchor, spread out however many arrive.
      const spread = data.id === anchorId ? 0 : 30 * Math.sqrt(added + 1);
      const angle = added * GOLDEN_ANGLE;
      const node = {
        id: data.id, data, expanded: false, degree: 0,
        x: origin.x + spread * Math.cos(angle), y: origin.y + spread * Math.sin(angle),
        vx: 0, vy: 0, pinned: false,
      };
      node.element = this.drawNode(node);
      this.nodes.set(data.id, node);
      added += 1;
    }
    for (const relationship of graph.relationships) {
      const key = `${relationship.type}|${relationship.source}|${relationship.target}`;
      if (this.links.has(key)) continue;
      if (!this.nodes.has(relationship.source) || !this.nodes.has(relationship.target)) continue;
      const link = { ...relationship, key };
      link.element = this.drawLink(link);
      this.links.set(key, link);
      this.nodes.get(link.source).degree += 1;
      this.nodes.get(link.target).degree += 1;
    }
    // Many nodes: only countries and expanded, selected or hovered nodes keep their labels.
    this.svg.classList.toggle("dense", this.nodes.size > DENSE);
    this.reheat(added > 0 ? 1 : 0.3);
    return added;
  }

  markExpanded(id) {
    const node = this.nodes.get(id);
    if (!node) return;
    node.expanded = true;
    node.element.classList.add("expanded");
  }

  select(id) {
    this.nodes.get(this.selected)?.element.classList.remove("selected");
    this.selected = id;
    this.nodes.get(id)?.element.classList.add("selected");
  }

  // Fade the nodes `predicate` picks, and the links touching them.
  setFaded(predicate) {
    for (const node of this.nodes.values()) {
      node.faded = predicate(node.data);
      node.element.classList.toggle("faded", node.faded);
    }
    for (const link of this.links.values()) {
      const faded = this.nodes.get(link.source).faded || this.nodes.get(link.target).faded;
      link.element.classList.toggle("faded", faded);
    }
  }

  neighbours(id) {
    const found = [];
    for (const link of this.links.values()) {
      if (link.source === id) found.push({ type: link.type, direction: "out", node: this.nodes.get(link.target).data });
      if (link.target === id) found.push({ type: link.type, direction: "in", node: this.nodes.get(link.source).data });
    }
    return found;
  }

  fit() {
    if (this.nodes.size === 0) return;
    const { width, height } = this.svg.getBoundingClientRect();
    const xs = [...this.nodes.values()].map((n) => n.x);
    const ys = [...this.nodes.values()].map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const padding = 60;
    const k = Math.min(1, (width - 2 * padding) / Math.max(maxX - minX, 1),
      (height - 2 * padding) / Math.max(maxY - minY, 1));
    this.transform = { k, x: width / 2 - k * (minX + maxX) / 2, y: height / 2 - k * (minY + maxY) / 2 };
    this.applyTransform();
  }

  // --- drawing ------------------------------------------------------------------------

  drawNode(node) {
    const style = KINDS[node.data.kind] ?? KINDS.Article;
    const group = svgElement("g", {
      class: "node", "data-id": node.id, "data-kind": node.data.kind, tabindex: "0",
      role: "button", "aria-label": `${node.data.kind} ${node.data.name ?? node.id}`,
    });
    const title = svgElement("title");
    title.textContent = `${node.data.kind}: ${node.data.name ?? node.id}` +
      (node.data.date ? ` (${node.data.date})` : "");
    const circle = svgElement("circle", { r: style.radius, fill: style.color });
    const label = svgElement("text", { y: style.radius + 12, "text-anchor": "middle" });
    label.textContent = shorten(node.data.name ?? node.id);
    group.append(title, circle, label);
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") this.onNodeClick(node.id);
    });
    this.nodeLayer.append(group);
    return group;
  }

  drawLink(link) {
    const line = svgElement("line", { "marker-end": "url(#arrow)", "data-type": link.type });
    const title = svgElement("title");
    title.textContent = link.type;
    line.append(title);
    this.linkLayer.append(line);
    return line;
  }

  render() {
    for (const node of this.nodes.values()) {
      node.element.setAttribute("transform", `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`);
    }
    for (const link of this.links.values()) {
      const source = this.nodes.get(link.source);
      const target = this.nodes.get(link.target);
      const dx = target.x - source.x;
      const dy = target.y - source.y;
      const length = Math.hypot(dx, dy) || 1;
      const inset = (KINDS[target.data.kind] ?? KINDS.Article).radius + 2;
      link.element.setAttribute("x1", source.x.toFixed(1));
      link.element.setAttribute("y1", source.y.toFixed(1));
      link.element.setAttribute("x2", (target.x - (dx / length) * inset).toFixed(1));
      link.element.setAttribute("y2", (target.y - (dy / length) * inset).toFixed(1));
    }
  }

  applyTransform() {
    const { k, x, y } = this.transform;
    this.viewport.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
  }

  // --- layout -------------------------------------------------------------------------

  reheat(alpha) {
    this.alpha = Math.max(this.alpha, alpha);
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.step());
  }

  step() {
    this.frame = null;
    this.tick();
    this.render();
    if (this.autoFit) this.fit();
    if (this.alpha > ALPHA_MIN) this.frame = requestAnimationFrame(() => this.step());
  }

  tick() {
    const nodes = [...this.nodes.values()];
    const alpha = this.alpha;
    for (let i = 0; i < nodes.length; i += 1) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j += 1) {
        const b = nodes[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        if (dx === 0 && dy === 0) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; }
        const distance2 = Math.max(dx * dx + dy * dy, 100);
        const force = (CHARGE * alpha) / distance2;
        a.vx -= dx * force; a.vy -= dy * force;
        b.vx += dx * force; b.vy += dy * force;
      }
    }
    for (const link of this.links.values()) {
      const a = this.nodes.get(link.source);
      const b = this.nodes.get(link.target);
      const dx = b.x + b.vx - a.x - a.vx;
      const dy = b.y + b.vy - a.y - a.vy;
      const distance = Math.hypot(dx, dy) || 1;
      const strength = 1 / Math.min(a.degree, b.degree);
      const length = LINK_DISTANCE + 8 * Math.sqrt(Math.max(a.degree, b.degree)); // room around hubs
      const pull = ((distance - length) / distance) * strength * alpha;
      const bShare = a.degree / (a.degree + b.degree); // the busier end moves less
      b.vx -= dx * pull * bShare; b.vy -= dy * pull * bShare;
      a.vx += dx * pull * (1 - bShare); a.vy += dy * pull * (1 - bShare);
    }
    for (const node of nodes) {
      if (node.pinned) { node.vx = 0; node.vy = 0; continue; }
      node.vx -= node.x * GRAVITY * alpha;
      node.vy -= node.y * GRAVITY * alpha;
      const step = Math.hypot(node.vx, node.vy);
      if (step > MAX_STEP) { node.vx *= MAX_STEP / step; node.vy *= MAX_STEP / step; }
      node.x += node.vx;
      node.y += node.vy;
      node.vx *= VELOCITY_DECAY;
      node.vy *= VELOCITY_DECAY;
    }
    this.alpha *= ALPHA_DECAY;
  }

  // --- pointer: click, drag a node, pan, zoom ---------------------------------------------

  toWorld(screenX, screenY) {
    const { k, x, y } = this.transform;
    return { x: (screenX - x) / k, y: (screenY - y) / k };
  }

  pointerPosition(event) {
    const box = this.svg.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  bindPointer() {
    let gesture = null;
    this.svg.addEventListener("pointerdown", (event) => {
      const target = event.target.closest(".node");
      const start = this.pointerPosition(event);
      gesture = { id: target?.dataset.id ?? null, start, moved: false, origin: { ...this.transform } };
      this.svg.setPointerCapture(event.pointerId);
      if (!gesture.id) this.svg.classList.add("panning");
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!gesture) return;
      const here = this.pointerPosition(event);
      if (Math.hypot(here.x - gesture.start.x, here.y - gesture.start.y) > CLICK_SLOP) gesture.moved = true;
      if (!gesture.moved) return;
      this.autoFit = false;
      if (gesture.id) {
        const node = this.nodes.get(gesture.id);
        const world = this.toWorld(here.x, here.y);
        Object.assign(node, { x: world.x, y: world.y, pinned: true });
        this.render();
        this.reheat(0.2);
      } else {
        this.transform.x = gesture.origin.x + here.x - gesture.start.x;
        this.transform.y = gesture.origin.y + here.y - gesture.start.y;
        this.applyTransform();
      }
    });
    const finish = () => {
      if (gesture?.id && !gesture.moved) this.onNodeClick(gesture.id);
      gesture = null;
      this.svg.classList.remove("panning");
    };
    this.svg.addEventListener("pointerup", finish);
    this.svg.addEventListener("pointercancel", () => { gesture = null; });
    this.svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      this.autoFit = false;
      const here = this.pointerPosition(event);
      const world = this.toWorld(here.x, here.y);
      const k = Math.min(4, Math.max(0.15, this.transform.k * Math.exp(-event.deltaY * 0.0015)));
      this.transform = { k, x: here.x - world.x * k, y: here.y - world.y * k };
      this.applyTransform();
    }, { passive: false });
  }
}
