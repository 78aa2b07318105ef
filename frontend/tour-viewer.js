// The 360° tour viewer: Photo Sphere Viewer with its virtual-tour, markers and gyroscope plugins.
// Loaded on demand by tour.js; `mountTour` replaces the poster of a [data-tour] section with the
// viewer and keeps the page's scene list, caption and status line in step with it.
import { Viewer } from "@photo-sphere-viewer/core";
import { GyroscopePlugin } from "@photo-sphere-viewer/gyroscope-plugin";
import { MarkersPlugin } from "@photo-sphere-viewer/markers-plugin";
import { VirtualTourPlugin } from "@photo-sphere-viewer/virtual-tour-plugin";
import "@photo-sphere-viewer/core/index.css";
import "@photo-sphere-viewer/markers-plugin/index.css";
import "@photo-sphere-viewer/virtual-tour-plugin/index.css";
import "./tour-viewer.css";
import { LANG } from "./lib/viewer-lang.js";

const KIND_ICON = { info: "i", product: "★", story: "✎" };

function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text ?? "";
  return span.innerHTML;
}

function deg(value) {
  return `${value}deg`;
}

/**
 * The rendition to download: on a data-saving or 2G/3G connection the smallest; otherwise the
 * smallest at least four screen widths across (sharp at the default zoom), within the GPU's
 * texture limit. Device pixel ratios above 2 are not worth their weight on a phone.
 */
function pickSource(sources, maxTexture) {
  const usable = sources.filter((source) => source.width <= maxTexture);
  if (!usable.length) return sources[0];
  const connection = navigator.connection;
  if (connection && (connection.saveData || /(^|-)2g$|^3g$/.test(connection.effectiveType ?? ""))) {
    return usable[0];
  }
  const wanted = window.screen.width * Math.min(window.devicePixelRatio || 1, 2) * 4;
  return usable.find((source) => source.width >= wanted) ?? usable[usable.length - 1];
}

function sceneCaption(scene) {
  const panorama = scene.panorama;
  const caption = panorama.caption || scene.title;
  return panorama.credit ? `${caption} — Ảnh: ${panorama.credit}` : caption;
}

function sceneArrow(titles) {
  return (link) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tour-hotspot tour-hotspot--scene";
    button.dataset.hotspotScene = link.nodeId;
    button.setAttribute("aria-label", `${link.data.label} (sang cảnh: ${titles[link.nodeId]})`);
    button.innerHTML = '<span aria-hidden="true">➜</span>';
    return button;
  };
}

function hotspotMarker(hotspot, index) {
  const marker = {
    id: `hotspot-${index}`,
    position: { yaw: deg(hotspot.yaw), pitch: deg(hotspot.pitch) },
    tooltip: escapeHtml(hotspot.label),
    listContent: escapeHtml(hotspot.label),
    data: { kind: hotspot.kind },
  };
  const icon = `<span aria-hidden="true">${KIND_ICON[hotspot.kind]}</span>`;
  if (hotspot.kind === "info") {
    marker.html = `<span class="tour-hotspot tour-hotspot--info">${icon}</span>`;
    marker.content = `<h3>${escapeHtml(hotspot.label)}</h3><p>${escapeHtml(hotspot.text)}</p>`;
  } else {
    // A real link: it opens with a tap, a click or the keyboard, and can be opened in a new tab.
    marker.html =
      `<a class="tour-hotspot tour-hotspot--${hotspot.kind}" href="${escapeHtml(hotspot.url)}"` +
      ` aria-label="${escapeHtml(hotspot.label)}: ${escapeHtml(hotspot.title)}">${icon}</a>`;
    marker.tooltip = `${escapeHtml(hotspot.label)}<br><small>${escapeHtml(hotspot.title)}</small>`;
  }
  return marker;
}

function tourNodes(tour, maxTexture) {
  const scenes = tour.scenes.filter((scene) => scene.panorama);
  const keys = new Set(scenes.map((scene) => scene.key));
  return scenes.map((scene) => ({
    id: scene.key,
    name: scene.title,
    caption: escapeHtml(sceneCaption(scene)),
    panorama: pickSource(scene.panorama.sources, maxTexture).url,
    thumbnail: scene.panorama.poster.url,
    links: scene.hotspots
      .filter((hotspot) => hotspot.kind === "scene" && keys.has(hotspot.scene))
      .map((hotspot) => ({
        nodeId: hotspot.scene,
        position: { yaw: deg(hotspot.yaw), pitch: deg(hotspot.pitch) },
        data: { label: hotspot.label },
      })),
    markers: scene.hotspots.filter((hotspot) => hotspot.kind !== "scene").map(hotspotMarker),
    data: { title: scene.title, initialView: scene.panorama.initial_view },
  }));
}

/**
 * Replaces the poster in `section` with a live viewer of `tour` (Tour.as_json).
 * Returns the Photo Sphere Viewer, for callers that want to drive it.
 */
export function mountTour(section, tour, { maxTexture, reducedMotion }) {
  const nodes = tourNodes(tour, maxTexture);
  const titles = Object.fromEntries(nodes.map((node) => [node.id, node.data.title]));
  const first = nodes[0].data.initialView;
  const frame = section.querySelector("[data-tour-frame]");
  const caption = section.querySelector("[data-tour-caption]");
  const status = section.querySelector("[data-tour-status]");
  const transition = reducedMotion
    ? { showLoader: true, effect: "none", speed: 0, rotation: false }
    : { showLoader: true, effect: "fade", speed: "20rpm", rotation: true };

  frame.replaceChildren();
  frame.classList.add("tour__frame--open");
  frame.tabIndex = 0;
  frame.setAttribute("role", "application");
  frame.setAttribute(
    "aria-label",
    `Ảnh 360° “${tour.title}”. Dùng phím mũi tên để xoay, Page Up và Page Down để phóng to, thu nhỏ.`,
  );

  const viewer = new Viewer({
    container: frame,
    lang: LANG,
    loadingTxt: LANG.loading,
    defaultYaw: deg(first.yaw),
    defaultPitch: deg(first.pitch),
    defaultZoomLvl: first.zoom,
    moveInertia: !reducedMotion,
    touchmoveTwoFingers: false,
    mousewheelCtrlKey: true,
    navbar: ["zoom", "move", "markersList", "gyroscope", "caption", "fullscreen"],
    plugins: [
      MarkersPlugin,
      [GyroscopePlugin, { moveMode: reducedMotion ? "fast" : "smooth" }],
      [
        VirtualTourPlugin,
        {
          positionMode: "manual",
          renderMode: "2d",
          nodes,
          startNodeId: nodes[0].id,
          preload: false, // see preloadNeighbours: not while the first scene is being drawn
          transitionOptions: transition,
          arrowStyle: { element: sceneArrow(titles), size: { width: 48, height: 48 } },
        },
      ],
    ],
  });
  const tourPlugin = viewer.getPlugin(VirtualTourPlugin);

  // Arrow keys turn the view while the viewer has focus, and scroll the page otherwise.
  frame.addEventListener("focusin", () => viewer.startKeyboardControl());
  frame.addEventListener("focusout", (event) => {
    if (!frame.contains(event.relatedTarget)) viewer.stopKeyboardControl();
  });
  // Scene arrows are buttons: Enter or Space moves on, like a click or a tap does.
  frame.addEventListener("keydown", (event) => {
    const arrow = event.target.closest?.("[data-hotspot-scene]");
    if (arrow && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      tourPlugin.setCurrentNode(arrow.dataset.hotspotScene);
    }
  });

  // While the viewer is open, the page's scene list moves within it instead of leaving the page.
  const sceneLinks = section.querySelectorAll("[data-scene]");
  for (const link of sceneLinks) {
    link.addEventListener("click", (event) => {
      if (!(link.dataset.scene in titles)) return;
      event.preventDefault();
      tourPlugin.setCurrentNode(link.dataset.scene);
      frame.focus({ preventScroll: false });
    });
  }

  tourPlugin.addEventListener("node-changed", ({ node }) => {
    frame.dataset.currentScene = node.id;
    caption.textContent = sceneCaption(tour.scenes.find((scene) => scene.key === node.id));
    status.textContent = `Đang xem: ${node.data.title}`;
    for (const link of sceneLinks) {
      link.toggleAttribute("aria-current", link.dataset.scene === node.id);
    }
    const view = node.data.initialView;
    viewer.rotate({ yaw: deg(view.yaw), pitch: deg(view.pitch) });
    viewer.zoom(view.zoom);
  });
  // The scenes one hotspot away are fetched once the current one is drawn and the page is idle,
  // so that a tap on a hotspot is quick without slowing the first picture; never on data saving.
  const preloaded = new Set();
  const preloadNeighbours = () => {
    if (navigator.connection?.saveData) return;
    const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 500));
    idle(() => {
      for (const link of tourPlugin.getCurrentNode().links) {
        const url = nodes.find((node) => node.id === link.nodeId)?.panorama;
        if (url && !preloaded.has(url)) {
          preloaded.add(url);
          viewer.textureLoader.preloadPanorama(url).catch(() => preloaded.delete(url));
        }
      }
    });
  };
  tourPlugin.addEventListener("node-changed", preloadNeighbours);
  viewer.addEventListener(
    "ready",
    () => {
      frame.setAttribute("data-viewer-ready", "");
      preloadNeighbours();
    },
    { once: true },
  );
  return viewer;
}
