// Pan and zoom of one picture inside its stage: mouse wheel, drag, two-finger pinch (pointer events), keys.
// The picture is laid out at the size that fits the stage (scale 1); zoom and pan are a CSS transform on top,
// so swapping the 1080 px preview for the full picture of the same shape keeps the view where it is.

const MIN_SCALE = 1;
const MAX_SCALE = 16;
const KEY_STEP = 1.25;
const PAN_STEP = 60;

export class PanZoom {
  constructor(stage, image) {
    this.stage = stage;
    this.image = image;
    this.pointers = new Map();
    this.aspect = null;
    this.reset();
    stage.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    stage.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    stage.addEventListener('pointermove', (event) => this.onPointerMove(event));
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) {
      stage.addEventListener(type, (event) => this.pointers.delete(event.pointerId));
    }
    window.addEventListener('resize', () => this.layout());
  }

  reset() {
    this.scale = 1;
    this.x = 0;
    this.y = 0;
    this.apply();
  }

  /** The picture's width / height, from the first version of it that loads. */
  setAspect(width, height) {
    if (width > 0 && height > 0) {
      this.aspect = width / height;
      this.layout();
    }
  }

  layout() {
    if (!this.aspect) {
      return;
    }
    const box = this.stage.getBoundingClientRect();
    let width = box.width;
    let height = width / this.aspect;
    if (height > box.height) {
      height = box.height;
      width = height * this.aspect;
    }
    this.image.style.width = `${width}px`;
    this.image.style.height = `${height}px`;
    this.apply();
  }

  /** Zooms by {@code factor} keeping the stage point (clientX, clientY) still; the stage centre by default. */
  zoom(factor, clientX, clientY) {
    const box = this.stage.getBoundingClientRect();
    const px = (clientX ?? box.left + box.width / 2) - (box.left + box.width / 2);
    const py = (clientY ?? box.top + box.height / 2) - (box.top + box.height / 2);
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.scale * factor));
    const ratio = next / this.scale;
    this.x = px - (px - this.x) * ratio;
    this.y = py - (py - this.y) * ratio;
    this.scale = next;
    this.apply();
  }

  pan(dx, dy) {
    this.x += dx;
    this.y += dy;
    this.apply();
  }

  /** Keeps some of the picture in view, and centres it at scale 1. */
  apply() {
    if (this.scale <= MIN_SCALE) {
      this.x = 0;
      this.y = 0;
    } else {
      const limitX = (this.image.offsetWidth * this.scale) / 2;
      const limitY = (this.image.offsetHeight * this.scale) / 2;
      this.x = Math.max(-limitX, Math.min(limitX, this.x));
      this.y = Math.max(-limitY, Math.min(limitY, this.y));
    }
    this.image.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
    this.stage.dataset.scale = this.scale.toFixed(3);
  }

  onWheel(event) {
    event.preventDefault();
    this.zoom(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
  }

  onPointerDown(event) {
    this.stage.setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }

  onPointerMove(event) {
    const previous = this.pointers.get(event.pointerId);
    if (!previous) {
      return;
    }
    if (this.pointers.size === 1) {
      this.pan(event.clientX - previous.x, event.clientY - previous.y);
    } else if (this.pointers.size === 2) {
      const other = [...this.pointers.entries()].find(([id]) => id !== event.pointerId)[1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
      if (before > 0) {
        this.zoom(after / before, (event.clientX + other.x) / 2, (event.clientY + other.y) / 2);
      }
      this.pan((event.clientX - previous.x) / 2, (event.clientY - previous.y) / 2);
    }
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }

  /** @returns true when the key was one of the viewer's */
  onKey(event) {
    switch (event.key) {
      case '+':
      case '=':
        this.zoom(KEY_STEP);
        return true;
      case '-':
      case '_':
        this.zoom(1 / KEY_STEP);
        return true;
      case '0':
        this.reset();
        return true;
      case 'ArrowLeft':
        this.pan(PAN_STEP, 0);
        return true;
      case 'ArrowRight':
        this.pan(-PAN_STEP, 0);
        return true;
      case 'ArrowUp':
        this.pan(0, PAN_STEP);
        return true;
      case 'ArrowDown':
        this.pan(0, -PAN_STEP);
        return true;
      default:
        return false;
    }
  }
}
