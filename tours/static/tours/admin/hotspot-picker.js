// A tour's hotspot in the admin: Wagtail's StructBlock form, plus a button beside yaw and pitch
// that opens the scene's panorama (whatever the scene's chooser holds now) in a live viewer, where
// a click sets yaw and pitch. Registered as the hotspot block's client-side definition
// (tours/hotspot_picker.py), so every hotspot form gets it, those added after the page loaded too.
// The viewer itself (static/dist/hotspot-picker.js, Photo Sphere Viewer) loads on the first press.
(() => {
  "use strict";

  const blocks = window.wagtailStreamField && window.wagtailStreamField.blocks;
  if (!blocks || !window.telepath) return;

  const TEXT = {
    button: "Chọn vị trí trên ảnh 360°",
    noPanorama: "Cảnh này chưa có ảnh 360°: hãy chọn ảnh 360° cho cảnh ở trên trước, rồi bấm lại.",
    loading: "Đang mở ảnh 360°…",
    failed: "Không mở được ảnh 360° này. Hãy thử lại; bạn vẫn có thể nhập góc bằng tay.",
    heading: (label) => (label ? `Vị trí của điểm “${label}”` : "Vị trí của điểm tương tác"),
  };

  function field(name) {
    return document.querySelector(`[name="${CSS.escape(name)}"]`);
  }

  function numberIn(input) {
    const text = input ? input.value.trim() : "";
    return text === "" || Number.isNaN(Number(text)) ? null : Number(text);
  }

  function setValue(input, value) {
    input.value = String(value);
    // As if typed: Wagtail's unsaved-changes warning and any listener see it.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /** The other hotspots of the scene (not deleted, with both angles), drawn in for context. */
  function otherHotspots(scenePrefix, ownPrefix) {
    const others = [];
    const selector = `input[name^="${CSS.escape(`${scenePrefix}-hotspots-`)}"][name$="-value-yaw"]`;
    for (const yawInput of document.querySelectorAll(selector)) {
      const item = yawInput.name.slice(0, -"-value-yaw".length);
      if (`${item}-value` === ownPrefix) continue;
      const deleted = field(`${item}-deleted`);
      if (deleted && deleted.value) continue;
      const yaw = numberIn(yawInput);
      const pitch = numberIn(field(`${item}-value-pitch`));
      if (yaw === null || pitch === null) continue;
      const kind = field(`${item}-value-kind`);
      const label = field(`${item}-value-label`);
      others.push({ yaw, pitch, kind: kind ? kind.value : "info", label: label ? label.value : "" });
    }
    return others;
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

  let viewerModule = null;
  function loadViewer(config) {
    viewerModule =
      viewerModule ||
      Promise.all([import(config.viewerJs), loadStylesheet(config.viewerCss)]).then(([module]) => module);
    viewerModule.catch(() => {
      viewerModule = null; // a later press tries again
    });
    return viewerModule;
  }

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  async function openPicker(block, config, button, note) {
    const yawInput = field(`${block.prefix}-yaw`);
    const pitchInput = field(`${block.prefix}-pitch`);
    // "scenes-0-value-hotspots-2-value" → the scene "scenes-0-value", whose chooser is "…-panorama".
    const scenePrefix = block.prefix.replace(/-hotspots-\d+-value$/, "");
    const chooser = field(`${scenePrefix}-panorama`);
    if (!chooser || !chooser.value) {
      note.textContent = TEXT.noPanorama;
      return;
    }
    note.textContent = TEXT.loading;
    button.disabled = true;
    let picker;
    let panorama;
    try {
      [picker, panorama] = await Promise.all([
        loadViewer(config),
        fetchJson(config.panoramaUrl.replace("{pk}", encodeURIComponent(chooser.value))),
      ]);
    } catch (error) {
      note.textContent = (error && error.userMessage) || TEXT.failed;
      console.warn("Hotspot picker failed to open", error);
      return;
    } finally {
      button.disabled = false;
    }
    note.textContent = "";
    const before = { yaw: yawInput.value, pitch: pitchInput.value };
    const yaw = numberIn(yawInput);
    const pitch = numberIn(pitchInput);
    const label = field(`${block.prefix}-label`);
    const kind = field(`${block.prefix}-kind`);
    try {
      const outcome = await picker.pickPosition({
        mode: "hotspot",
        panorama,
        heading: TEXT.heading(label && label.value),
        kind: kind ? kind.value : "info",
        position: yaw !== null && pitch !== null ? { yaw, pitch } : null,
        others: otherHotspots(scenePrefix, block.prefix),
        onPick: (position) => {
          setValue(yawInput, position.yaw);
          setValue(pitchInput, position.pitch);
        },
      });
      if (outcome !== "use" && (yawInput.value !== before.yaw || pitchInput.value !== before.pitch)) {
        setValue(yawInput, before.yaw);
        setValue(pitchInput, before.pitch);
      }
    } catch (error) {
      note.textContent = (error && error.userMessage) || TEXT.failed;
      console.warn("Hotspot picker failed", error);
    }
    button.focus();
  }

  function addPicker(block, config) {
    const pitch = block.childBlocks && block.childBlocks.pitch;
    const after = pitch && pitch.element && pitch.element.closest('[data-contentpath="pitch"]');
    if (!after) return;
    const wrapper = document.createElement("div");
    wrapper.className = "hotspot-picker-field";
    wrapper.dataset.hotspotPickerFor = block.prefix;
    const button = Object.assign(document.createElement("button"), {
      type: "button",
      className: "button button-secondary button-small",
      textContent: TEXT.button,
    });
    button.dataset.hotspotPicker = "";
    const note = document.createElement("p");
    note.className = "help";
    note.id = `${block.prefix}-hotspot-picker-note`;
    note.setAttribute("role", "status");
    note.dataset.hotspotPickerNote = "";
    button.setAttribute("aria-describedby", note.id);
    wrapper.append(button, note);
    after.after(wrapper);
    button.addEventListener("click", () => openPicker(block, config, button, note));
  }

  class HotspotBlockDefinition extends blocks.StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      const block = super.render(placeholder, prefix, initialState, initialError);
      if (this.meta.hotspotPicker) addPicker(block, this.meta.hotspotPicker);
      return block;
    }
  }

  window.telepath.register("tours.blocks.HotspotBlock", HotspotBlockDefinition);
})();
