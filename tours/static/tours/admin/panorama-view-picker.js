// The Panorama form in the admin: "Chọn góc nhìn trên ảnh 360°" opens the chosen picture (saved or
// not) in a live viewer; the view the editor turns and zooms to becomes the initial yaw, pitch and
// zoom. Inserted on admin forms by tours/hotspot_picker.py; does nothing on a form without them.
// The viewer itself (static/dist/hotspot-picker.js) loads on the first press.
(() => {
  "use strict";

  const script = document.currentScript;
  const TEXT = {
    button: "Chọn góc nhìn trên ảnh 360°",
    noImage: "Chưa có ảnh: hãy chọn ảnh 360° ở trên trước, rồi bấm lại.",
    loading: "Đang mở ảnh 360°…",
    failed: "Không mở được ảnh này. Hãy thử lại; bạn vẫn có thể nhập góc bằng tay.",
    heading: "Góc nhìn khi mở ảnh 360°",
  };

  function numberIn(input, fallback) {
    const text = input.value.trim();
    return text === "" || Number.isNaN(Number(text)) ? fallback : Number(text);
  }

  function setValue(input, value) {
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function loadStylesheet(href) {
    if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.onload = resolve;
      link.onerror = reject;
      document.head.append(link);
    });
  }

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  function enhance(config) {
    const yaw = document.querySelector('input[name="initial_yaw"]');
    const pitch = yaw && yaw.form && yaw.form.querySelector('input[name="initial_pitch"]');
    const zoom = yaw && yaw.form && yaw.form.querySelector('input[name="initial_zoom"]');
    const image = yaw && yaw.form && yaw.form.querySelector('input[name="image"]');
    if (!pitch || !zoom || !image) return;
    const row = zoom.closest(".w-field-row") || zoom.closest("[data-field-wrapper]");
    const wrapper = document.createElement("div");
    wrapper.className = "hotspot-picker-field";
    const button = Object.assign(document.createElement("button"), {
      type: "button",
      className: "button button-secondary button-small",
      textContent: TEXT.button,
    });
    button.dataset.viewPicker = "";
    const note = document.createElement("p");
    note.className = "help";
    note.id = "initial-view-picker-note";
    note.setAttribute("role", "status");
    button.setAttribute("aria-describedby", note.id);
    wrapper.append(button, note);
    row.after(wrapper);

    button.addEventListener("click", async () => {
      if (!image.value) {
        note.textContent = TEXT.noImage;
        return;
      }
      note.textContent = TEXT.loading;
      button.disabled = true;
      try {
        const [picker, picture] = await Promise.all([
          import(config.viewerJs),
          fetchJson(config.imageUrl.replace("{pk}", encodeURIComponent(image.value))),
          loadStylesheet(config.viewerCss),
        ]);
        note.textContent = "";
        button.disabled = false;
        await picker.pickPosition({
          mode: "view",
          panorama: picture,
          heading: TEXT.heading,
          view: { yaw: numberIn(yaw, 0), pitch: numberIn(pitch, 0), zoom: numberIn(zoom, 50) },
          onPick: (view) => {
            setValue(yaw, view.yaw);
            setValue(pitch, view.pitch);
            setValue(zoom, view.zoom);
          },
        });
      } catch (error) {
        note.textContent = (error && error.userMessage) || TEXT.failed;
        console.warn("Initial view picker failed", error);
      } finally {
        button.disabled = false;
      }
      button.focus();
    });
  }

  let config;
  try {
    config = JSON.parse(script.dataset.pickerConfig);
  } catch {
    return;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => enhance(config));
  else enhance(config);
})();
