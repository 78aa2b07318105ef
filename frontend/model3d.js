// Opens a product's 3D model. The page ships only this file (about a kilobyte); <model-viewer> and
// three.js (dist/model-viewer.js, hundreds of KB) are fetched when someone presses “open”, so a QR
// scan on slow mobile data never pays for them. Without WebGL the poster and caption stay.

const MESSAGES = {
  loading: "Đang tải mô hình 3D…",
  noWebgl: "Trình duyệt này không hiển thị được mô hình 3D (thiếu WebGL). Bạn vẫn xem được ảnh và tải tệp mô hình bên dưới.",
  failed: "Không tải được mô hình 3D. Hãy kiểm tra kết nối rồi thử lại.",
  ar: "Xem trong không gian thật (AR)",
  prompt: "Kéo để xoay, chụm hai ngón tay hoặc cuộn chuột để phóng to; dùng phím mũi tên để xoay.",
};

// What a screen reader hears as the model turns (model-viewer's own words are English).
const A11Y = {
  "interaction-prompt": MESSAGES.prompt,
  front: "Nhìn từ phía trước",
  right: "Nhìn từ bên phải",
  back: "Nhìn từ phía sau",
  left: "Nhìn từ bên trái",
  "upper-front": "Nhìn từ trên xuống, phía trước",
  "upper-right": "Nhìn từ trên xuống, bên phải",
  "upper-back": "Nhìn từ trên xuống, phía sau",
  "upper-left": "Nhìn từ trên xuống, bên trái",
  "lower-front": "Nhìn từ dưới lên, phía trước",
  "lower-right": "Nhìn từ dưới lên, bên phải",
  "lower-back": "Nhìn từ dưới lên, phía sau",
  "lower-left": "Nhìn từ dưới lên, bên trái",
};

function hasWebgl() {
  try {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
  } catch {
    return false;
  }
}

let viewerLoaded;
function loadViewer(url) {
  if (customElements.get("model-viewer")) return Promise.resolve();
  viewerLoaded ||= import(url)
    .then(() => customElements.whenDefined("model-viewer"))
    .catch((error) => {
      viewerLoaded = undefined; // a later press tries again
      throw error;
    });
  return viewerLoaded;
}

function createViewer(data, reducedMotion) {
  const viewer = document.createElement("model-viewer");
  const attributes = {
    src: data.model3dSrc,
    poster: data.model3dPoster,
    alt: data.model3dAlt,
    "camera-controls": "",
    "touch-action": "pan-y",
    ar: "",
    "ar-modes": "webxr scene-viewer quick-look",
    reveal: "auto",
    loading: "eager",
    "shadow-intensity": "1",
    a11y: JSON.stringify(A11Y),
    tabindex: "0",
  };
  for (const [name, value] of Object.entries(attributes)) viewer.setAttribute(name, value);
  const applyMotion = () => {
    // No turning by itself, and no animated hand, for people who asked for less motion.
    viewer.toggleAttribute("auto-rotate", !reducedMotion.matches);
    viewer.setAttribute("interaction-prompt", reducedMotion.matches ? "none" : "auto");
  };
  applyMotion();
  reducedMotion.addEventListener?.("change", applyMotion);

  const ar = document.createElement("button");
  ar.type = "button";
  ar.slot = "ar-button";
  ar.className = "button model3d__ar";
  ar.textContent = MESSAGES.ar;
  viewer.append(ar);
  return viewer;
}

async function openModel(section, button) {
  const status = section.querySelector("[data-model3d-status]");
  if (!hasWebgl()) {
    button.hidden = true;
    status.textContent = MESSAGES.noWebgl;
    return;
  }
  button.disabled = true;
  status.textContent = MESSAGES.loading;
  try {
    await loadViewer(section.dataset.model3dBundle);
  } catch (error) {
    button.disabled = false;
    status.textContent = MESSAGES.failed;
    console.warn("3D model viewer failed to load", error);
    return;
  }
  const frame = section.querySelector("[data-model3d-frame]");
  const poster = frame.querySelector("img");
  const viewer = createViewer(section.dataset, matchMedia("(prefers-reduced-motion: reduce)"));
  viewer.addEventListener("load", () => (status.textContent = ""), { once: true });
  viewer.addEventListener("error", () => {
    // The model could not be read or drawn: the poster comes back, the button too.
    viewer.replaceWith(poster);
    frame.classList.remove("model3d__frame--open");
    button.disabled = false;
    button.hidden = false;
    status.textContent = MESSAGES.failed;
  });
  button.hidden = true;
  frame.classList.add("model3d__frame--open");
  poster.replaceWith(viewer);
  viewer.focus({ preventScroll: true });
}

for (const section of document.querySelectorAll("[data-model3d]")) {
  const button = section.querySelector("[data-model3d-open]");
  if (!button) continue;
  button.hidden = false;
  button.addEventListener("click", () => openModel(section, button));
}
