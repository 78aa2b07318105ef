// Opens a page's virtual tour. The page ships only this file (a few hundred bytes); the 360°
// viewer (Photo Sphere Viewer and three.js, hundreds of KB) is fetched when someone presses “open”,
// so a QR scan on slow mobile data never pays for it.

const MESSAGES = {
  loading: "Đang tải trình xem 360°…",
  noWebgl: "Trình duyệt này không hiển thị được ảnh 360° (thiếu WebGL). Bạn vẫn xem được ảnh từng cảnh ở danh sách dưới đây.",
  failed: "Không tải được trình xem 360°. Hãy kiểm tra kết nối rồi thử lại.",
};

/** The largest texture this device's GPU takes, or 0 without WebGL. */
function maxTextureSize() {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    if (!gl) return 0;
    const size = gl.getParameter(gl.MAX_TEXTURE_SIZE);
    gl.getExtension("WEBGL_lose_context")?.loseContext(); // the viewer makes its own
    return size;
  } catch {
    return 0;
  }
}

function loadStylesheet(href) {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    link.onload = resolve;
    link.onerror = reject;
    document.head.append(link);
  });
}

/** Resolves after the browser has painted what changed so far. */
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

async function openTour(section, button) {
  const status = section.querySelector("[data-tour-status]");
  // Say so at once: probing WebGL takes a few hundred milliseconds on a cheap phone.
  button.disabled = true;
  status.textContent = MESSAGES.loading;
  await afterPaint();
  const maxTexture = maxTextureSize();
  if (!maxTexture) {
    button.hidden = true;
    status.textContent = MESSAGES.noWebgl;
    return;
  }
  try {
    const [{ mountTour }] = await Promise.all([
      import(section.dataset.viewerJs),
      loadStylesheet(section.dataset.viewerCss),
    ]);
    const tour = JSON.parse(section.querySelector('script[type="application/json"]').textContent);
    mountTour(section, tour, {
      maxTexture,
      reducedMotion: matchMedia("(prefers-reduced-motion: reduce)").matches,
    });
    status.textContent = "";
  } catch (error) {
    button.disabled = false;
    status.textContent = MESSAGES.failed;
    console.warn("Tour viewer failed to load", error);
  }
}

for (const section of document.querySelectorAll("[data-tour]")) {
  const button = section.querySelector("[data-tour-open]");
  if (!button) continue;
  button.hidden = false;
  button.addEventListener("click", () => openTour(section, button));
}
