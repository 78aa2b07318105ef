/* Search page /tim-kiem/: suggestions under the search box, instant results and "Gần tôi".
   Progressive enhancement only: without JavaScript (or when a request fails) the form
   submits as usual and the server renders everything. The DOM is built with
   textContent; the only HTML inserted is the server's `highlight` fields, which come
   already escaped with <mark> tags. No animation. */
(function () {
    "use strict";

    const form = document.getElementById("search-form");
    const input = document.getElementById("search-q");
    if (!form || !input || !window.fetch || !window.URLSearchParams || !window.FormData) {
        return;
    }

    const $ = (id) => document.getElementById(id);
    const alertBox = $("search-alert");
    const count = $("search-count");
    const chips = $("search-chips");
    const intro = $("search-intro");
    const list = $("search-list");
    const empty = $("search-empty");
    const pagination = $("search-pagination");
    const near = $("search-near");
    const nearStatus = $("search-near-status");
    const sortSelect = $("search-sort");
    const apiUrl = form.getAttribute("data-api") || "/api/search/";
    const suggestUrl = form.getAttribute("data-suggest") || "/api/search/suggest/";
    const pageUrl = form.getAttribute("action") || window.location.pathname;

    const TYPE_LABELS = { product: "Sản phẩm", producer: "Chủ thể", story: "Câu chuyện" };
    const CHIP_FACETS = ["region", "province", "category", "producer_type", "certification", "type"];

    const el = (tag, className, text) => {
        const node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    };

    const vnNumber = (value) => String(Math.round(Number(value) || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const vnDecimal = (value) => Number(value).toFixed(1).replace(".", ",");

    const debounce = (fn, wait) => {
        let timer = 0;
        const run = (...args) => {
            window.clearTimeout(timer);
            timer = window.setTimeout(() => fn(...args), wait);
        };
        run.cancel = () => window.clearTimeout(timer);
        return run;
    };

    /** The form as a query string, leaving out empty fields (and so the page number). */
    const formParams = () => {
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (typeof value === "string" && value.trim() !== "") {
                params.append(name, name === "q" ? value.trim() : value);
            }
        }
        return params;
    };

    const withoutParams = (params, test) => {
        const kept = new URLSearchParams();
        for (const [name, value] of params) {
            if (name !== "page" && !test(name, value)) {
                kept.append(name, value);
            }
        }
        const text = kept.toString();
        return text ? "?" + text : pageUrl;
    };

    // --- Alert area -------------------------------------------------------------
    const showError = (message) => {
        alertBox.textContent = "";
        const box = el("div", "alert alert--error");
        const lead = el("p");
        lead.appendChild(el("strong", "", "Chưa tìm được vì yêu cầu tìm kiếm chưa hợp lệ."));
        box.append(lead, el("p", "", message));
        alertBox.appendChild(box);
    };

    const clearError = () => {
        alertBox.textContent = "";
    };

    // --- Suggestions: an ARIA 1.2 combobox with a listbox popup ---------------------
    const listbox = el("ul", "search-suggest");
    listbox.id = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Gợi ý tìm kiếm");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    let options = [];
    let active = -1;
    let suggestController = null;

    const setActive = (index) => {
        options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    };

    const closeSuggestions = () => {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        setActive(-1);
    };

    const openSuggestions = () => {
        if (options.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }
    };

    const renderSuggestions = (suggestions) => {
        listbox.textContent = "";
        options = suggestions.map((item, index) => {
            const option = el("li");
            option.id = "search-suggestion-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.url = item.url;
            option.appendChild(el("span", "search-suggest__title", item.title));
            if (TYPE_LABELS[item.type]) {
                option.appendChild(el("span", "search-suggest__type", TYPE_LABELS[item.type]));
            }
            listbox.appendChild(option);
            return option;
        });
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (options.length && document.activeElement === input) {
            openSuggestions();
        } else {
            closeSuggestions();
        }
    };

    const go = (option) => {
        const url = option && option.dataset.url;
        if (url && url.charAt(0) === "/" && url.charAt(1) !== "/") {
            window.location.assign(url);
        }
    };

    const fetchSuggestions = debounce(async () => {
        const text = input.value.trim();
        if (suggestController) {
            suggestController.abort();
        }
        if (text.length < 2) {
            renderSuggestions([]);
            return;
        }
        const controller = window.AbortController ? new AbortController() : null;
        suggestController = controller;
        try {
            const response = await fetch(suggestUrl + "?" + new URLSearchParams({ q: text }), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            });
            if (!response.ok) {
                return;
            }
            const body = await response.json();
            if (input.value.trim() === text) {
                renderSuggestions(Array.isArray(body.suggestions) ? body.suggestions : []);
            }
        } catch (error) {
            // Aborted or offline: no suggestions, the search still works.
        }
    }, 250);

    input.addEventListener("keydown", (event) => {
        const open = !listbox.hidden;
        if (event.key === "ArrowDown" || event.key === "Down") {
            if (!options.length) {
                return;
            }
            event.preventDefault();
            openSuggestions();
            setActive(active + 1 >= options.length ? 0 : active + 1);
        } else if (event.key === "ArrowUp" || event.key === "Up") {
            if (!options.length) {
                return;
            }
            event.preventDefault();
            openSuggestions();
            setActive(active <= 0 ? options.length - 1 : active - 1);
        } else if (event.key === "Enter") {
            if (open && active >= 0) {
                event.preventDefault();
                go(options[active]);
            } else {
                closeSuggestions();
            }
        } else if (event.key === "Escape" || event.key === "Esc") {
            if (open) {
                event.preventDefault();
                closeSuggestions();
            }
        } else if (event.key === "Tab") {
            closeSuggestions();
        }
    });

    input.addEventListener("blur", closeSuggestions);
    // Keep focus in the box while a suggestion is clicked or tapped.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
        go(event.target.closest("[role=option]"));
    });

    // --- Instant results ------------------------------------------------------------
    let shown = formParams().toString(); // what the page shows now
    let searchController = null;
    let searchSequence = 0;

    const starsBadge = (stars) => {
        const wrap = el("span", "stars");
        wrap.setAttribute("role", "img");
        wrap.setAttribute("aria-label", stars + " sao");
        const count = Math.max(0, Math.min(5, Number(stars) || 0));
        const symbols = el("span", "stars__symbols", "★".repeat(count) + "☆".repeat(5 - count));
        symbols.setAttribute("aria-hidden", "true");
        const text = el("span", "stars__text", stars + " sao OCOP");
        text.setAttribute("aria-hidden", "true");
        wrap.append(symbols, " ", text);
        return wrap;
    };

    const badge = (status) => {
        if (status !== "expired" && status !== "revoked") {
            return null;
        }
        const node = el("span", "badge badge--" + status);
        const sign = el("span", "", status === "expired" ? "!" : "✕");
        sign.setAttribute("aria-hidden", "true");
        node.append(sign, status === "expired" ? " Hết hiệu lực" : " Đã thu hồi");
        return node;
    };

    const card = (result) => {
        const article = el("article", "card search-card");
        const media = el("div", "card__media");
        if (result.image) {
            const image = el("img");
            image.src = result.image;
            image.width = 320;
            image.height = 240;
            image.alt = "";
            image.loading = "lazy";
            image.decoding = "async";
            media.appendChild(image);
        } else {
            const placeholder = el("div", "placeholder");
            placeholder.setAttribute("aria-hidden", "true");
            media.appendChild(placeholder);
        }
        const body = el("div", "card__body");
        body.appendChild(el("p", "search-card__type", TYPE_LABELS[result.type] || ""));

        const title = el("h3", "card__title");
        const link = el("a");
        link.href = result.url;
        const highlight = result.highlight || {};
        if (highlight.title) {
            link.innerHTML = highlight.title; // pre-escaped by the server, <mark> only
        } else {
            link.textContent = result.title;
        }
        title.appendChild(link);
        body.appendChild(title);

        if (result.type === "product" && result.stars) {
            body.appendChild(starsBadge(result.stars));
        }
        const first =
            result.type === "product" ? result.category
                : result.type === "producer" ? result.producer_type
                    : result.reading_minutes ? result.reading_minutes + " phút đọc" : "";
        const meta = el("p", "card__meta", [first, result.province].filter(Boolean).join(" · "));
        if (typeof result.distance_km === "number") {
            meta.append(meta.textContent ? " · " : "", el("span", "search-card__distance", "cách " + vnDecimal(result.distance_km) + " km"));
        }
        body.appendChild(meta);
        const status = badge(result.certificate_status);
        if (status) {
            body.appendChild(status);
        }
        if (highlight.summary || result.summary) {
            const summary = el("p", "search-card__summary");
            if (highlight.summary) {
                summary.innerHTML = highlight.summary; // pre-escaped by the server, <mark> only
            } else {
                summary.textContent = result.summary;
            }
            body.appendChild(summary);
        }
        article.append(media, body);
        return article;
    };

    /** A chip's label: from the new facets, else the option the person chose (facets omit empty values). */
    const facetLabel = (facets, name, value) => {
        const item = (facets[name] || []).find((entry) => String(entry.value) === value);
        if (item) {
            return item.label;
        }
        const select = form.elements.namedItem(name);
        const option = select && select.tagName === "SELECT" ? select.options[select.selectedIndex] : null;
        if (option && option.value === value) {
            return option.getAttribute("data-label") || option.textContent.replace(/ \([\d.]+\)$/, "");
        }
        return TYPE_LABELS[value] || value;
    };

    const renderChips = (params, facets) => {
        const items = [];
        for (const name of CHIP_FACETS) {
            const value = params.get(name);
            if (value) {
                items.push([facetLabel(facets, name, value), withoutParams(params, (key) => key === name)]);
            }
        }
        for (const value of params.getAll("stars")) {
            items.push([value + " sao", withoutParams(params, (key, other) => key === "stars" && other === value)]);
        }
        if (params.get("lat") && params.get("lon")) {
            // Distance sorting needs a position: drop it together with the position.
            items.push(["Gần vị trí của bạn", withoutParams(params, (key, other) =>
                key === "lat" || key === "lon" || key === "radius_km" || (key === "sort" && other === "distance"))]);
        }
        chips.textContent = "";
        for (const [label, href] of items) {
            const chip = el("span", "chip", label + " ");
            const remove = el("a", "", "✕");
            remove.href = href;
            remove.setAttribute("aria-label", "Bỏ lọc: " + label);
            chip.appendChild(remove);
            const item = el("li");
            item.appendChild(chip);
            chips.appendChild(item);
        }
        chips.hidden = items.length === 0;
    };

    const renderPagination = (params, data) => {
        pagination.textContent = "";
        pagination.hidden = !(data.pages > 1);
        if (pagination.hidden) {
            return;
        }
        const pageLink = (number, rel, text) => {
            const copy = new URLSearchParams(params);
            copy.set("page", String(number));
            const item = el("li");
            const link = el("a", "", text);
            link.href = "?" + copy;
            link.rel = rel;
            item.appendChild(link);
            return item;
        };
        const items = el("ul");
        if (data.page > 1) {
            items.appendChild(pageLink(data.page - 1, "prev", "‹ Trang trước"));
        }
        if (data.page < data.pages) {
            items.appendChild(pageLink(data.page + 1, "next", "Trang sau ›"));
        }
        pagination.append(items, el("p", "pagination__summary muted", "Trang " + data.page + "/" + data.pages));
    };

    /** Keep the filters' counts in step with the new results; the chosen values stay chosen. */
    const renderSelects = (data) => {
        const facets = data.facets || {};
        for (const select of form.querySelectorAll("select[data-facet]")) {
            const name = select.getAttribute("data-facet");
            const chosen = select.value;
            const keep = select.options[0];
            const fresh = (facets[name] || []).map((item) => {
                const option = new Option(item.label + " (" + vnNumber(item.count) + ")", String(item.value));
                return option;
            });
            if (chosen && !fresh.some((option) => option.value === chosen)) {
                const previous = select.options[select.selectedIndex];
                fresh.unshift(new Option(previous.textContent.replace(/ \([\d.]+\)$/, ""), chosen));
            }
            select.textContent = "";
            select.append(keep, ...fresh);
            select.value = chosen;
        }
        for (const select of form.querySelectorAll("select[data-fixed]")) {
            const counts = new Map((facets[select.getAttribute("data-fixed")] || []).map((item) => [String(item.value), item.count]));
            for (const option of select.options) {
                const label = option.getAttribute("data-label");
                if (label) {
                    option.textContent = counts.has(option.value) ? label + " (" + vnNumber(counts.get(option.value)) + ")" : label;
                }
            }
        }
        // "Mặc định" names the order the server picked (relevance with words, else stars or distance).
        const fallback = sortSelect && sortSelect.querySelector("option[data-default]");
        const sortOption = sortSelect && sortSelect.querySelector("option[value='" + data.sort + "']");
        if (fallback && sortOption && !sortSelect.value) {
            fallback.textContent = "Mặc định (" + sortOption.textContent + ")";
        }
    };

    const render = (params, data) => {
        const results = Array.isArray(data.results) ? data.results : [];
        count.textContent = data.count ? vnNumber(data.count) + " kết quả" : "Không có kết quả nào";
        renderChips(params, data.facets || {});
        intro.hidden = true;
        list.textContent = "";
        for (const result of results) {
            const item = el("li");
            item.appendChild(card(result));
            list.appendChild(item);
        }
        list.hidden = results.length === 0;
        empty.hidden = data.count !== 0;
        const quoted = empty.querySelector("[data-search-q]");
        const text = params.get("q");
        if (quoted) {
            quoted.textContent = text ? " cho “" + text + "”" : "";
        }
        renderPagination(params, data);
        renderSelects(data);
        document.title = (text ? "Tìm kiếm: " + text : "Tìm kiếm sản phẩm OCOP") + " – OCOP Việt Nam";
    };

    /** Ask the API for what the form now says; a stale or failed answer changes nothing. */
    const search = async ({ force = false, fallbackToSubmit = false } = {}) => {
        const params = formParams();
        const query = params.toString();
        if (query === shown && !force) {
            return;
        }
        if (searchController) {
            searchController.abort();
        }
        const controller = window.AbortController ? new AbortController() : null;
        searchController = controller;
        const sequence = ++searchSequence;
        let response;
        let body;
        try {
            response = await fetch(apiUrl + "?" + query, {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            });
            body = await response.json();
        } catch (error) {
            if (sequence === searchSequence && fallbackToSubmit && error.name !== "AbortError") {
                form.submit(); // offline or a server hiccup: let the server page answer
            }
            return;
        }
        if (sequence !== searchSequence) {
            return; // a newer search is on its way
        }
        if (response.status === 400 && body && body.error) {
            showError(body.error);
            return;
        }
        if (!response.ok || !body || !Array.isArray(body.results)) {
            if (fallbackToSubmit) {
                form.submit();
            }
            return;
        }
        clearError();
        shown = query;
        render(params, body);
        window.history.replaceState(null, "", query ? "?" + query : pageUrl);
    };

    const searchSoon = debounce(() => {
        const length = input.value.trim().length;
        if (length === 0 || length >= 2) {
            search();
        }
    }, 350);

    input.addEventListener("input", () => {
        fetchSuggestions();
        searchSoon();
    });

    form.addEventListener("change", (event) => {
        if (event.target.tagName === "SELECT") {
            search();
        }
    });

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        closeSuggestions();
        fetchSuggestions.cancel();
        searchSoon.cancel();
        search({ force: true, fallbackToSubmit: true });
    });

    // --- "Gần tôi": search around the person's position ---------------------------------
    const hiddenInput = (name, value) => {
        let field = form.querySelector("input[type=hidden][name='" + name + "']");
        if (!field) {
            field = el("input");
            field.type = "hidden";
            field.name = name;
            form.appendChild(field);
        }
        field.value = value;
    };

    if (near && navigator.geolocation) {
        near.hidden = false;
        near.addEventListener("click", () => {
            nearStatus.textContent = "Đang xác định vị trí của bạn…";
            near.disabled = true;
            navigator.geolocation.getCurrentPosition(
                (position) => {
                    near.disabled = false;
                    nearStatus.textContent = "";
                    // About 100 m is precise enough, and says less about where the person is.
                    hiddenInput("lat", position.coords.latitude.toFixed(3));
                    hiddenInput("lon", position.coords.longitude.toFixed(3));
                    hiddenInput("radius_km", "50");
                    if (sortSelect) {
                        if (!sortSelect.querySelector("option[value='distance']")) {
                            sortSelect.appendChild(new Option("Gần nhất", "distance"));
                        }
                        sortSelect.value = "distance";
                    }
                    search({ force: true, fallbackToSubmit: true });
                },
                (error) => {
                    near.disabled = false;
                    nearStatus.textContent = error.code === 1
                        ? "Bạn chưa cho phép dùng vị trí. Hãy bật quyền vị trí cho trang này rồi thử lại."
                        : "Chưa xác định được vị trí của bạn. Hãy thử lại sau.";
                },
                { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
            );
        });
    }
})();
