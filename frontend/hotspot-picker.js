// The admin's 360° picker: a dialog with a live Photo Sphere Viewer of one panorama, where an editor
// places a hotspot with a click (or turns to a view and takes it as the panorama's opening view).
// Loaded on demand by tours/static/tours/admin/*.js, which own the form fields; this module only
// reports positions, in the portal's convention: yaw −180..180 (0 = the middle of the picture,
// positive to the right), pitch −90..90 (positive up), in degrees rounded to 0.1.
import { Viewer } from "@photo-sphere-viewer/core";
import { MarkersPlugin } from "@photo-sphere-viewer/markers-plugin";
import "@photo-sphere-viewer/core/index.css";
import "@photo-sphere-viewer/markers-plugin/index.css";
import "./hotspot-picker.css";
import { LANG } from "./lib/viewer-lang.js";

const TEXT = {
  hotspotHelp:
    "Bấm vào chỗ đặt điểm trên ảnh; kéo để xoay, cuộn để phóng to. Bằng bàn phím: phím mũi tên để xoay, " +
    "rồi Enter hoặc nút “Đặt ở giữa khung nhìn”. Esc hoặc “Huỷ” giữ vị trí cũ.",
  viewHelp:
    "Xoay và phóng to ảnh tới góc nhìn muốn người xem thấy đầu tiên (phím mũi tên, Page Up, Page Down), " +
    "rồi bấm “Dùng góc nhìn này”. Esc hoặc “Huỷ” giữ góc nhìn cũ.",
  viewerLabel: "Ảnh 360°. Phím mũi tên để xoay, Page Up và Page Down để phóng to, thu nhỏ.",
  centre: "Đặt ở giữa khung nhìn",
  useHotspot: "Dùng vị trí này",
  useView: "Dùng góc nhìn này",
  cancel: "Huỷ",
  notPlaced: "Chưa đặt vị trí: bấm vào ảnh.",
  placed: (p) => `Vị trí: hướng ${signed(p.yaw)}°, góc ngẩng ${signed(p.pitch)}°.`,
  view: (p) => `Góc nhìn: hướng ${signed(p.yaw)}°, góc ngẩng ${signed(p.pitch)}°, phóng ${p.zoom}%.`,
  noWebgl: "Trình duyệt này không hiển thị được ảnh 360° (thiếu WebGL); hãy nhập góc bằng tay.",
};

const KIND_ICON = { scene: "➜", info: "i", product: "★", story: "✎" };
const MAX_WIDTH = 4096; // sharp enough to aim at, light enough to open quickly

function signed(value) {
  return value.toFixed(1).replace("-", "−");
}

function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text ?? "";
  return span.innerHTML;
}

const rad = (degrees) => (degrees * Math.PI) / 180;

/** Photo Sphere Viewer's radians (yaw 0..2π) in the portal's degrees (yaw −180..180), to 0.1°. */
export function toDegrees({ yaw, pitch }) {
  let degrees = ((yaw * 180) / Math.PI) % 360;
  if (degrees > 180) degrees -= 360;
  if (degrees < -180) degrees += 360;
  const round = (value) => Math.round(value * 10) / 10 || 0; // never "-0"
  return { yaw: round(degrees), pitch: round((pitch * 180) / Math.PI) };
}

function maxTextureSize() {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    return gl ? gl.getParameter(gl.MAX_TEXTURE_SIZE) : 0;
  } catch {
    return 0;
  }
}

function pickSource(sources, maxTexture) {
  const limit = Math.min(maxTexture, MAX_WIDTH);
  const usable = sources.filter((source) => source.width <= limit);
  return usable.length ? usable[usable.length - 1] : sources[0];
}

function otherMarker(hotspot, index) {
  const kind = hotspot.kind in KIND_ICON ? hotspot.kind : "info";
  return {
    id: `other-${index}`,
    position: { yaw: rad(hotspot.yaw), pitch: rad(hotspot.pitch) },
    html: `<span class="hotspot-picker__marker hotspot-picker__marker--${kind}"><span aria-hidden="true">${KIND_ICON[kind]}</span></span>`,
    tooltip: escapeHtml(hotspot.label || "Điểm tương tác khác"),
    data: { other: true },
  };
}

function pickedMarker(position, kind) {
  return {
    id: "picked",
    className: "hotspot-picker__picked",
    position: { yaw: rad(position.yaw), pitch: rad(position.pitch) },
    html:
      `<span class="hotspot-picker__marker hotspot-picker__marker--picked" data-hotspot-picker-marker>` +
      `<span aria-hidden="true">${KIND_ICON[kind] ?? "+"}</span></span>`,
  };
}

function dialogHtml(id, heading, mode) {
  const hotspot = mode === "hotspot";
  return `
    <div class="hotspot-picker__head">
      <h2 id="${id}-heading" class="hotspot-picker__heading">${escapeHtml(heading)}</h2>
      <p id="${id}-help" class="hotspot-picker__help">${hotspot ? TEXT.hotspotHelp : TEXT.viewHelp}</p>
    </div>
    <div class="hotspot-picker__frame" data-hotspot-picker-viewer tabindex="0" role="application"
         aria-label="${TEXT.viewerLabel}" aria-describedby="${id}-help"></div>
    <div class="hotspot-picker__foot">
      <p class="hotspot-picker__readout" data-hotspot-picker-readout ${hotspot ? 'role="status"' : ""}></p>
      <div class="hotspot-picker__actions">
        ${hotspot ? `<button type="button" class="button button-secondary" data-hotspot-picker-centre>${TEXT.centre}</button>` : ""}
        <button type="button" class="button" data-hotspot-picker-use>${hotspot ? TEXT.useHotspot : TEXT.useView}</button>
        <button type="button" class="button button-secondary" data-hotspot-picker-cancel>${TEXT.cancel}</button>
      </div>
    </div>`;
}

let dialogCount = 0;

/**
 * Opens the picker over the page and resolves with "use" or "cancel" when it closes.
 *
 * - mode "hotspot": `onPick({yaw, pitch})` at every placement (a click, Enter, or the centre
 *   button); `position` is where the hotspot is now (or null), `others` the scene's other
 *   hotspots ({yaw, pitch, kind, label}), drawn for context.
 * - mode "view": `onPick({yaw, pitch, zoom})` once, with the view shown when "use" is pressed.
 *
 * `panorama` has `sources` (Panorama.as_json) and, optionally, `initial_view`.
 */
export function pickPosition({ mode = "hotspot", panorama, heading, kind = "info", position = null, view = null, others = [], onPick }) {
  const maxTexture = maxTextureSize();
  if (!maxTexture) {
    return Promise.reject(Object.assign(new Error("WebGL unavailable"), { userMessage: TEXT.noWebgl }));
  }
  const hotspotMode = mode === "hotspot";
  const start = view ?? position ?? panorama.initial_view ?? { yaw: 0, pitch: 0 };
  const zoom = view?.zoom ?? panorama.initial_view?.zoom ?? 50;
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;

  const id = `hotspot-picker-${++dialogCount}`;
  const dialog = document.createElement("dialog");
  dialog.className = "hotspot-picker";
  dialog.setAttribute("aria-labelledby", `${id}-heading`);
  dialog.innerHTML = dialogHtml(id, heading, mode);
  document.body.append(dialog);
  const frame = dialog.querySelector("[data-hotspot-picker-viewer]");
  const readout = dialog.querySelector("[data-hotspot-picker-readout]");

  dialog.showModal();

  const viewer = new Viewer({
    container: frame,
    panorama: pickSource(panorama.sources, maxTexture).url,
    lang: LANG,
    loadingTxt: LANG.loading,
    defaultYaw: rad(start.yaw),
    defaultPitch: rad(start.pitch),
    defaultZoomLvl: zoom,
    moveInertia: !reducedMotion,
    mousewheelCtrlKey: false,
    touchmoveTwoFingers: false,
    navbar: ["zoom", "move"],
    plugins: [
      [
        MarkersPlugin,
        { markers: [...others.map(otherMarker), ...(hotspotMode && position ? [pickedMarker(position, kind)] : [])] },
      ],
    ],
  });
  const markers = viewer.getPlugin(MarkersPlugin);

  let placed = hotspotMode ? position : null;
  const showView = () => {
    const current = { ...toDegrees(viewer.getPosition()), zoom: Math.round(viewer.getZoomLevel()) };
    frame.dataset.viewYaw = current.yaw;
    frame.dataset.viewPitch = current.pitch;
    frame.dataset.viewZoom = current.zoom;
    if (!hotspotMode) readout.textContent = TEXT.view(current);
    return current;
  };
  readout.textContent = hotspotMode ? (placed ? TEXT.placed(placed) : TEXT.notPlaced) : "";

  function place(spherical) {
    placed = toDegrees(spherical);
    const marker = pickedMarker(placed, kind);
    if (markers.getMarkers().some((existing) => existing.id === "picked")) markers.updateMarker(marker);
    else markers.addMarker(marker);
    readout.textContent = TEXT.placed(placed);
    onPick?.(placed);
  }

  // Ready once the picture is drawn, not merely loaded (tests and screenshots wait for this).
  viewer.addEventListener(
    "ready",
    () => {
      showView();
      viewer.addEventListener("render", () => frame.setAttribute("data-viewer-ready", ""), { once: true });
      viewer.needsUpdate();
    },
    { once: true },
  );
  viewer.addEventListener("position-updated", showView);
  viewer.addEventListener("zoom-updated", showView);
  if (hotspotMode) {
    viewer.addEventListener("click", ({ data }) => {
      if (!data.rightclick) place({ yaw: data.yaw, pitch: data.pitch });
    });
    dialog.querySelector("[data-hotspot-picker-centre]").addEventListener("click", () => place(viewer.getPosition()));
  }

  // Arrow keys turn the view while it has focus; Enter places the hotspot in the middle.
  frame.addEventListener("focusin", () => viewer.startKeyboardControl());
  frame.addEventListener("focusout", (event) => {
    if (!frame.contains(event.relatedTarget)) viewer.stopKeyboardControl();
  });
  frame.addEventListener("keydown", (event) => {
    if (hotspotMode && event.key === "Enter" && event.target === frame) {
      event.preventDefault();
      place(viewer.getPosition());
    }
  });

  return new Promise((resolve) => {
    let outcome = "cancel";
    dialog.querySelector("[data-hotspot-picker-use]").addEventListener("click", () => {
      outcome = "use";
      if (!hotspotMode) onPick?.(showView());
      dialog.close();
    });
    dialog.querySelector("[data-hotspot-picker-cancel]").addEventListener("click", () => dialog.close());
    // Esc closes a modal dialog by itself ("cancel"): the outcome stays "cancel".
    dialog.addEventListener(
      "close",
      () => {
        viewer.destroy();
        dialog.remove();
        resolve(outcome);
      },
      { once: true },
    );
    // showModal() may already have focused the frame (its first focusable element): no focusin then.
    frame.focus();
    if (frame.contains(document.activeElement)) viewer.startKeyboardControl();
  });
}
